/**
 * Word's own terms: every XML part of the .docx validates against the ISO/IEC 29500 transitional
 * schemas (test/fixtures/ooxml-xsd, with their provenance) with xmllint, for the example, the
 * bundled-font profile and generated reports (a large agency's widened and shrunk numbers);
 * docProps/core.xml against the OPC schema with local stand-ins for the Dublin Core schemas.
 * Skipped, with a message, where xmllint is not installed (Debian libxml2-utils; CI installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import type { DocTree } from '../../../src/doc/tree';
import { buildDocTree } from '../../../src/template/build-doc-tree';
import { resolveTables } from '../../../src/layout/table-model';
import { fontMeasure } from '../../../src/layout/text-measure';
import { GBT9704 } from '../../../src/style/settings';
import { writeDocxSync, type DocxOptions } from '../../../src/writers/docx';
import { exampleDocTree, largeAgencyReport, largeAgencyTree } from '../../support/large-agency';
import { realFonts } from '../../layout/support/real-fonts';
import { whereInstalled } from '../../support/tools';

const XSD = join(__dirname, '..', '..', 'fixtures', 'ooxml-xsd');

const { maybe } = whereInstalled('the OOXML schema validation', ['xmllint'], 'Debian libxml2-utils');

/** The schema a part is checked against. */
function schemaOf(part: string): string {
  // The OPC core-properties schema with local stand-ins for the Dublin Core schemas it imports by URL.
  if (part === 'docProps/core.xml') return 'stubs/core-properties.xsd';
  if (part === '[Content_Types].xml') return 'ecma/opc-contentTypes.xsd';
  if (part.endsWith('.rels')) return 'ecma/opc-relationships.xsd';
  if (part === 'docProps/app.xml') return 'iso/shared-documentPropertiesExtended.xsd';
  if (/^word\/[^/]+\.xml$/.test(part)) return 'iso/wml.xsd';
  throw new Error(`no schema known for the part ${part}`);
}

/** Validates every XML part; returns the failures (part: first error line). */
async function validate(bytes: Uint8Array, tamper?: (part: string, xml: string) => string): Promise<{ checked: string[]; failures: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-xsd-'));
  const checked: string[] = [];
  const failures: string[] = [];
  try {
    const bySchema = new Map<string, string[]>();
    for (const part of Object.keys(zip.files).sort()) {
      if (zip.files[part].dir || !/\.(xml|rels)$/.test(part)) continue;
      const schema = schemaOf(part);
      let xml = await zip.files[part].async('string');
      if (tamper) xml = tamper(part, xml);
      const file = join(dir, part);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, xml);
      checked.push(part);
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), part]);
    }
    // One xmllint per schema (compiling wml.xsd is the slow part); it reports each file by its path.
    for (const [schema, parts] of bySchema) {
      let err = '';
      try {
        execFileSync('xmllint', ['--nonet', '--noout', '--schema', join(XSD, schema), ...parts.map((p) => join(dir, p))], {
          stdio: 'pipe',
          env: { ...process.env, XML_CATALOG_FILES: join(XSD, 'stubs', 'catalog.xml') },
        });
      } catch (e) {
        err = String((e as { stderr?: Buffer }).stderr ?? e);
      }
      const before = failures.length;
      for (const part of parts) {
        const file = join(dir, part);
        if (!err.includes(`${file} fails to validate`)) continue;
        const first = err.split('\n').find((l) => l.startsWith(`${file}:`));
        failures.push(`${part}: ${first ? first.slice(file.length + 1) : 'fails to validate'}`);
      }
      // xmllint failing without naming a part (the schema did not compile) is a failure too.
      if (err && failures.length === before) failures.push(`${schema}: ${err.split('\n')[0]}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { checked, failures };
}

const fonts = realFonts()!;
const measure = fontMeasure(fonts, GBT9704);
/** The .docx the pipeline writes: tables resolved with the PDF's faces. */
const docx = (tree: DocTree, options: DocxOptions = {}) => writeDocxSync(tree, GBT9704, { measure, tables: resolveTables(tree, GBT9704, measure), ...options });

describe('the .docx against the ISO/IEC 29500 transitional schemas', () => {
  maybe('validates every part of the example', async () => {
    const { checked, failures } = await validate(docx(exampleDocTree()));
    expect(failures).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/_rels/document.xml.rels']));
  });

  maybe('validates every part of the bundled-font profile, embedded fonts and their relationships included', async () => {
    const { checked, failures } = await validate(docx(exampleDocTree(), { fontProfile: 'bundled' }));
    expect(failures).toEqual([]);
    expect(checked).toContain('word/_rels/fontTable.xml.rels');
  });

  maybe('validates generated reports: a large agency, six digits everywhere, numbers shrunk in 表四', async () => {
    const six = [123456, 234567, 345678, 456789, 567890, 678901];
    const shrunk = largeAgencyReport({ newlyReceived: six, granted: six });
    shrunk.reviewLitigation!.review!.upheld = 1234;
    shrunk.reviewLitigation!.litigationDirect!.corrected = 1234567890;
    const trees = [largeAgencyTree(), buildDocTree(shrunk).tree];
    const shrunkXml = await (await JSZip.loadAsync(docx(trees[1]))).file('word/document.xml')!.async('string');
    expect(shrunkXml).toMatch(/<w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/>/);
    for (const tree of trees) {
      for (const fontProfile of ['official', 'bundled'] as const) expect((await validate(docx(tree, { fontProfile }))).failures).toEqual([]);
    }
  });

  maybe('fails a part with an element out of the schema order (the check is not vacuous)', async () => {
    const swap = (part: string, xml: string) => (part === 'word/document.xml' ? xml.replace(/<w:pPr><w:pStyle w:val="([^"]+)"\/><w:jc w:val="center"\/>/, '<w:pPr><w:jc w:val="center"/><w:pStyle w:val="$1"/>') : xml);
    const { failures } = await validate(docx(exampleDocTree()), swap);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^word\/document\.xml: .*pStyle/);
    const badDate = (part: string, xml: string) => (part === 'docProps/core.xml' ? xml.replace(/(<dcterms:created[^>]*>)[^<]*/, '$1 2022年1月1日') : xml);
    expect((await validate(docx(exampleDocTree()), badDate)).failures).toEqual([expect.stringMatching(/^docProps\/core\.xml: .*created/)]);
  });
});

/**
 * Every XML part of the written workbook validates against the ISO/IEC 29500 schemas
 * (test/fixtures/ooxml-xsd) with xmllint: Excel refuses or “repairs” parts that break them,
 * where LibreOffice forgives. Skipped, with a message, where xmllint is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadReportText } from '../../src/load/load-report';
import { starterReport } from '../../src/init/starter-report';
import { writeReportWorkbook } from '../../src/workbook/write-workbook';
import { readZipDirectory, readZipEntry } from '../../src/workbook/zip';
import { ROOT, tempDir } from '../support/cli';

const XSD = join(ROOT, 'test', 'fixtures', 'ooxml-xsd');
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!xmllint) console.warn('skipping the OOXML schema validation: xmllint (libxml2-utils) is not installed');
const maybe = xmllint ? test : test.skip;

/**
 * What a Markup Compatibility consumer does before validating (ECMA-376 Part 3): drops
 * attributes and elements of the namespaces named in mc:Ignorable, and mc:Ignorable itself.
 * `xml:space` on `<t>` is dropped too: Excel writes it on every such string, but the
 * schema's simple type gives `<t>` no attributes.
 */
function mceProcess(xml: string): string {
  const ignorable = /mc:Ignorable="([^"]*)"/.exec(xml)?.[1].split(/\s+/).filter(Boolean) ?? [];
  let out = xml.replace(/\s+mc:Ignorable="[^"]*"/g, '');
  for (const p of ignorable) {
    out = out.replace(new RegExp(`\\s+${p}:[\\w-]+="[^"]*"`, 'g'), '');
    out = out.replace(new RegExp(`<${p}:[\\w-]+[^>]*/>`, 'g'), '');
  }
  return out.replace(/<t xml:space="preserve">/g, '<t>');
}

const schemaOf = (name: string): string | undefined =>
  name === '[Content_Types].xml'
    ? 'ecma/opc-contentTypes.xsd'
    : name.endsWith('.rels')
      ? 'ecma/opc-relationships.xsd'
      : /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)
        ? 'iso/sml.xsd'
        : name === 'xl/theme/theme1.xml'
          ? 'iso/dml-main.xsd'
          : undefined;

function validate(dir: string, name: string, xml: string): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(XSD, schemaOf(name)!), file], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr.split('\n').slice(0, 3).join('\n');
}

let parts: { name: string; xml: string }[] = [];
beforeAll(async () => {
  const data = loadReportText(starterReport('某某县统计局', 2024)).data as Record<string, unknown>;
  data.acknowledged = [{ code: 'X2', reason: '集中清理' }];
  const bytes = await writeReportWorkbook(data);
  parts = readZipDirectory(bytes).map((e) => ({ name: e.name, xml: readZipEntry(bytes, e).toString('utf8') }));
});

maybe('every workbook, sheet, style, string, theme, content-types and relationships part is schema-valid', () => {
  const { dir, cleanup } = tempDir();
  try {
    const checked = parts.filter((p) => schemaOf(p.name));
    expect(checked.map((p) => p.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet3.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', '[Content_Types].xml']));
    const problems = checked.map((p) => [p.name, validate(dir, p.name, mceProcess(p.xml))]).filter(([, e]) => e);
    expect(problems).toEqual([]);
  } finally {
    cleanup();
  }
});

maybe('the check can fail: a sheet with its protection moved after the page setup is refused', () => {
  const { dir, cleanup } = tempDir();
  try {
    const sheet = mceProcess(parts.find((p) => p.name === 'xl/worksheets/sheet3.xml')!.xml);
    const protection = /<sheetProtection[^>]*\/>/.exec(sheet)![0];
    const broken = sheet.replace(protection, '').replace('</worksheet>', `${protection}</worksheet>`);
    expect(validate(dir, 'xl/worksheets/sheet3.xml', broken)).toMatch(/sheetProtection/);
  } finally {
    cleanup();
  }
});

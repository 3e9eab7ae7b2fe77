/**
 * Fuzzing the whole pipeline (loader, validator, templates, both writers) with
 * generated reports: valid-shaped ones with random CJK and hostile text, long runs
 * and edge numbers, and broken ones. Nothing throws; every finding is a catalogued
 * code with a Chinese message; every document written is valid (the PDF parses with
 * pdf-lib, the .docx unzips and each XML part is well-formed).
 *
 * Default runs keep this file to about ten seconds; `FUZZ_RUNS=3000` runs thousands.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { renderReportBytes } from '../../src/pipeline/render-report';
import type { RenderedReport } from '../../src/pipeline/render-types';
import { ruleInfo } from '../../src/validate/rules';
import { asFile, brokenReport, validShapedReport } from './arbitraries';
import { fuzzRuns, fuzzSeed, isCompletePdf, xmlProblem } from './support';

const seed = fuzzSeed();
const SETTINGS = { formats: ['docx', 'pdf'] as ('docx' | 'pdf')[], systemFonts: false };

/** Everything a render result must satisfy, whatever the input. */
async function checkResult(r: RenderedReport): Promise<void> {
  for (const d of r.diagnostics) {
    expect({ code: d.code, known: ruleInfo(d.code) !== undefined }).toEqual({ code: d.code, known: true });
    expect(d.code).not.toBe('INTERNAL');
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  }
  if (r.status !== 'ok') {
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(r.pdf).toBeUndefined();
    expect(r.docx).toBeUndefined();
    return;
  }
  expect(isCompletePdf(r.pdf!)).toEqual({ ok: true });
  const pdf = await PDFDocument.load(r.pdf!, { updateMetadata: false });
  expect(pdf.getPageCount()).toBeGreaterThan(0);
  const zip = await JSZip.loadAsync(r.docx!);
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  expect(parts).toContain('word/document.xml');
  for (const name of parts) {
    const xml = await zip.files[name].async('string');
    expect({ name, problem: xmlProblem(xml) }).toEqual({ name, problem: undefined });
  }
}

describe('fuzzing the pipeline with generated reports', () => {
  test('valid-shaped reports (random CJK and hostile text, long runs, edge numbers) always render valid documents', async () => {
    await fc.assert(
      fc.asyncProperty(
        validShapedReport.chain((data) => asFile(data)),
        async (file) => {
          const r = await renderReportBytes(file.name, file.bytes, SETTINGS);
          expect({ status: r.status, errors: r.status === 'ok' ? [] : r.diagnostics }).toEqual({ status: 'ok', errors: [] });
          await checkResult(r);
        },
      ),
      { numRuns: fuzzRuns(60, 0.4), seed },
    );
  });

  test('broken reports: no crash, catalogued Chinese diagnostics, and documents only when valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        brokenReport.chain((data) => asFile(data)),
        async (file) => {
          const r = await renderReportBytes(file.name, file.bytes, SETTINGS);
          await checkResult(r);
        },
      ),
      { numRuns: fuzzRuns(100, 0.6), seed },
    );
  });
});

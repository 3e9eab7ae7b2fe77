/**
 * Fuzzing the whole pipeline (loader, validator, templates, both writers) with
 * generated reports: valid-shaped ones with random CJK and hostile text, long runs
 * and edge numbers, and broken ones. Nothing throws; every finding is a catalogued
 * code with a Chinese message; every document written is valid (the PDF parses with
 * pdf-lib and is tagged, the .docx unzips and each XML part is well-formed, the web page
 * holds only the writer's own tags: no text of the data ever becomes markup).
 *
 * Default runs keep this file to about ten seconds; `FUZZ_RUNS=3000` runs thousands.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { renderReportBytes } from '../../src/pipeline/render-report';
import type { RenderedReport } from '../../src/pipeline/render-types';
import { ruleInfo } from '../../src/validate/rules';
import { asFile, brokenReport, validShapedReport } from './arbitraries';
import { fuzzParams, fuzzRuns, isCompletePdf, xmlProblem } from './support';

const SETTINGS = { formats: ['docx', 'pdf', 'html'] as ('docx' | 'pdf' | 'html')[], systemFonts: false };

/** Every tag the HTML writer writes; anything else starting with '<' would be data turned markup. */
const HTML_TAG = /^<\/?(!DOCTYPE|html|head|meta|title|style|body|article|h[1-4]|p|strong|span|br|table|colgroup|col|thead|tbody|tr|th|td)[\s>]/;

function htmlProblem(html: string): string | undefined {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
  for (let at = body.indexOf('<'); at >= 0; at = body.indexOf('<', at + 1)) {
    if (!HTML_TAG.test(body.slice(at, at + 12))) return `unexpected markup at ${at}: ${body.slice(at, at + 40)}`;
  }
  for (const tag of ['table', 'tr', 'p', 'article']) {
    const open = body.split(new RegExp(`<${tag}[\\s>]`)).length - 1;
    const close = body.split(`</${tag}>`).length - 1;
    if (open !== close) return `<${tag}> opened ${open} times, closed ${close}`;
  }
  return undefined;
}

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
    expect(r.html).toBeUndefined();
    return;
  }
  expect(htmlProblem(Buffer.from(r.html!).toString('utf8'))).toBeUndefined();
  expect(isCompletePdf(r.pdf!)).toEqual({ ok: true });
  const pdf = await PDFDocument.load(r.pdf!, { updateMetadata: false });
  expect(pdf.getPageCount()).toBeGreaterThan(0);
  expect(pdf.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
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
      fuzzParams(fuzzRuns(60, 0.4)),
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
      fuzzParams(fuzzRuns(100, 0.6)),
    );
  });
});

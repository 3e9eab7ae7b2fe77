import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { renderReportBytes } from '../../src/pipeline/render-report';
import { EXAMPLE, ROOT, tempDir } from '../support/cli';

/** The example with 规章 not applicable (a unit without rule-making power) and 行政强制 too. */
function notApplicableExample(): Uint8Array {
  const text = readFileSync(EXAMPLE, 'utf8')
    .replace(/rules:\s*\{[^}]*\}/, 'rules: { issued: "/", repealed: "/", inForce: "/" }')
    .replace(/coercion:\s*\d+/, 'coercion: "/"');
  expect(text).toContain('rules: { issued: "/"');
  expect(text).toContain('coercion: "/"');
  return Buffer.from(text);
}

describe('a not-applicable cell prints “/” in all three formats', () => {
  let rendered: Awaited<ReturnType<typeof renderReportBytes>>;
  beforeAll(async () => {
    rendered = await renderReportBytes('na.yaml', notApplicableExample(), { formats: ['docx', 'pdf', 'html'], systemFonts: false });
  }, 60_000);

  test('rendered without errors', () => {
    expect(rendered.status).toBe('ok');
    expect(rendered.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('web page: the 规章 row and the 行政强制 row', () => {
    const html = Buffer.from(rendered.html!).toString('utf8');
    expect(html).toMatch(/>规章<\/t[dh]>\s*<td[^>]*>\/<\/td>\s*<td[^>]*>\/<\/td>\s*<td[^>]*>\/<\/td>/);
    expect(html).toMatch(/>行政强制<\/t[dh]>\s*<td[^>]*>\/<\/td>/);
  });

  test('Word: the cells after 规章 hold “/”', async () => {
    const xml = await (await JSZip.loadAsync(rendered.docx!)).file('word/document.xml')!.async('string');
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const i = cells.indexOf('规章');
    expect(cells.slice(i, i + 4)).toEqual(['规章', '/', '/', '/']);
    expect(cells[cells.indexOf('行政强制') + 1]).toBe('/');
  });

  test('PDF: the extracted text has the row as printed', () => {
    const { dir, cleanup } = tempDir();
    const file = join(dir, 'na.pdf');
    writeFileSync(file, rendered.pdf!);
    const r = spawnSync(process.execPath, [join(ROOT, 'test', 'support', 'pdf-text.mjs'), file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const text = (JSON.parse(r.stdout).pages as string[]).join('').replace(/\s+/g, '');
    expect(text).toContain('规章///');
    expect(text).toContain('行政强制/');
    cleanup();
  });
});

/**
 * End-to-end: the preview page in Debian's Chromium (playwright-core, no downloaded browser).
 * Skipped, with a message, when /usr/bin/chromium is missing; the real-renderer test is
 * skipped until src/pipeline/render-report.ts exists.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderReportBytes } from '../../src/pipeline/render-report';
import type { RenderedReport } from '../../src/pipeline/render-types';
import { startPreview, type PreviewServer } from '../../src/preview/server';
import type { RenderFn } from '../../src/preview/types';
import { quietLogger } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = join(__dirname, '../../examples/pingluo-kejiju-2021.yaml');
const RENDERER = join(__dirname, '../../src/pipeline/render-report.ts');
const haveChromium = existsSync(CHROMIUM);
const haveRenderer = existsSync(RENDERER);
if (!haveChromium) {
  // eslint-disable-next-line no-console
  console.warn(`跳过预览端到端测试：找不到 ${CHROMIUM}（Debian 上请运行 apt-get install chromium）`);
}
const describeBrowser = haveChromium ? describe : describe.skip;
const testWithRenderer = haveRenderer ? test : test.skip;

const NEWLY_RECEIVED = /newlyReceived:(\s*)\[0, 0, 0, 0, 0, 0\]/;

/** A stand-in renderer making a real PDF with pdf-lib; `newlyReceived: [0, 1` draws a T3-R1 error, `: : :` is unparseable. */
const pdfLibRenderer: RenderFn = async (file, bytes) => {
  const text = Buffer.from(bytes).toString('utf8');
  if (text.includes(': : :')) {
    return { file, status: 'failed', ms: 1, diagnostics: [{ severity: 'error', code: 'LOAD-YAML', path: '', line: 1, message: 'YAML 语法错误' }] };
  }
  const broken = /newlyReceived:\s*\[0, 1/.test(text);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawRectangle({ x: 80, y: 700, width: 435, height: 60, color: broken ? rgb(0.8, 0.1, 0.1) : rgb(0.1, 0.3, 0.8) });
    page.drawText(`page ${p + 1} ${broken ? 'newlyReceived [0,1,0,0,0,0]' : 'all zero'}`, { x: 80, y: 650, size: 18, font });
  }
  const diagnostics: RenderedReport['diagnostics'] = broken
    ? [{ severity: 'error', code: 'T3-R1', path: 'applications', line: 60, message: '表三：第一项加第二项之和应等于第三项加第四项之和' }]
    : [];
  return { file, status: 'ok', agency: '平罗县科学技术局', year: 2021, diagnostics, pdf: await doc.save(), docx: Buffer.from('PK'), ms: 1 };
};

let browser: Browser | undefined;
let dir: string;
let preview: PreviewServer | undefined;

beforeAll(async () => {
  if (!haveChromium) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-preview-e2e-'));
});
afterEach(async () => {
  await preview?.close();
  preview = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a script in the page (kept as text: this project's TypeScript has no DOM types). */
function inPage<T>(page: Page, script: string): Promise<T> {
  return page.evaluate(script) as Promise<T>;
}

/** Share of non-white pixels in the first page's canvas. */
function inkOnFirstPage(page: Page): Promise<number> {
  return inPage(
    page,
    `(() => {
      const c = document.querySelector('#pages .page canvas');
      if (!c) return 0;
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
      return ink / (data.length / 4);
    })()`,
  );
}

async function openPreview(render: RenderFn) {
  const input = join(dir, 'pingluo-kejiju-2021.yaml');
  copyFileSync(EXAMPLE, input);
  const logger = quietLogger();
  preview = await startPreview({ input, port: 0, settings: { formats: ['pdf', 'docx'] }, render, logger });
  const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  await page.goto(preview.pageUrl); // with this run's token: without it the page reads no data
  await page.waitForSelector('body[data-pdf-id="1"] #pages .page canvas', { timeout: 20_000 });
  return { input, page, problems, logger };
}

/**
 * Saves a T3-R1 mistake and waits for its diagnostic and the re-rendered page. Waits are on
 * events, with generous limits: how fast it is belongs to `npm run bench`, not to a test.
 */
async function breakT3(input: string, page: Page, oldPdfId: string): Promise<void> {
  const text = readFileSync(input, 'utf8');
  expect(text).toMatch(NEWLY_RECEIVED);
  writeFileSync(input, text.replace(NEWLY_RECEIVED, 'newlyReceived:$1[0, 1, 0, 0, 0, 0]'));
  await page.waitForSelector('#diagnostics li.diag[data-code="T3-R1"]', { timeout: 20_000 });
  // page 1 (on screen) redrawn from the new PDF
  await page.waitForSelector(`#pages .page[data-page="1"]:not([data-pdf-id="${oldPdfId}"]) canvas`, { timeout: 20_000 });
  await page.waitForSelector(`body:not([data-pdf-id="${oldPdfId}"])`, { timeout: 20_000 }); // and then every page
}

describeBrowser('preview page in Chromium', () => {
  test('draws the pages, shows a new diagnostic and re-renders after a save, keeps the last PDF on a parse error', async () => {
    const { input, page, problems } = await openPreview(pdfLibRenderer);
    expect(await inkOnFirstPage(page)).toBeGreaterThan(0.005);
    expect(await page.locator('#pages .page').count()).toBe(2);
    await inPage(page, `document.getElementById('viewer').scrollTo(0, 400)`);
    await breakT3(input, page, '1');
    expect(await inPage(page, `document.getElementById('viewer').scrollTop`)).toBe(400);
    expect(await page.locator('#n-errors').textContent()).toBe('错误 1');
    if (process.env.XXGK_PREVIEW_SHOTS) await page.screenshot({ path: join(process.env.XXGK_PREVIEW_SHOTS, 'preview-fake-t3.png') });
    // unparseable: banner, old pages stay
    writeFileSync(input, ': : :\n');
    await page.waitForSelector('#banner:not([hidden])', { timeout: 20_000 });
    expect(await page.locator('#banner').textContent()).toContain('第 1 行');
    expect(await page.locator('#pages .page canvas').count()).toBe(2);
    expect(await inPage(page, `document.body.classList.contains('stale')`)).toBe(true);
    if (process.env.XXGK_PREVIEW_SHOTS) await page.screenshot({ path: join(process.env.XXGK_PREVIEW_SHOTS, 'preview-fake-failed.png') });
    expect(await page.locator('#dl-pdf').getAttribute('download')).toBe('pingluo-kejiju-2021.pdf');
    expect(problems).toEqual([]);
  });

  testWithRenderer('the real renderer on the example: page 1 drawn, T3-R1 shown and re-rendered', async () => {
    const { input, page, problems, logger } = await openPreview(renderReportBytes);
    expect(await inkOnFirstPage(page)).toBeGreaterThan(0.005);
    // The PDF's bookmarks as a table of contents: a click scrolls to the heading's page.
    await page.waitForSelector('#outline:not([hidden]) #outline-list li', { timeout: 5000 });
    expect(await page.locator('#outline-list li').count()).toBe(11);
    await page.locator('#outline-list a', { hasText: '三、收到和处理政府信息公开申请情况' }).click();
    const [scroll, box4] = (await inPage(page, `[document.getElementById('viewer').scrollTop, document.querySelector('#pages .page[data-page="4"]').offsetTop]`)) as number[];
    expect(scroll).toBeGreaterThanOrEqual(box4 - 20);
    expect(scroll).toBeLessThan(box4 + 200);
    await breakT3(input, page, '1');
    const saveToPdf = preview!.loop.current().saveToPdfMs;
    // eslint-disable-next-line no-console
    const drawMs = await page.locator('body').getAttribute('data-draw-ms');
    console.log(`预览：保存到新 PDF ${saveToPdf} ms，绘制全部页面 ${drawMs} ms\n${logger.lines.join('\n')}`);
    expect(problems).toEqual([]);
  });
});

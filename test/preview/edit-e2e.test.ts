/**
 * End-to-end: editing in the preview page in Debian's Chromium (playwright-core), with the real
 * renderer. Skipped, with a message, when /usr/bin/chromium is missing. Screenshots go to
 * XXGK_PREVIEW_SHOTS when it is set.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadReportText } from '../../src/load/load-report';
import { renderReportBytes } from '../../src/pipeline/render-report';
import { startPreview, type PreviewServer } from '../../src/preview/server';
import { quietLogger } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = join(__dirname, '../../examples/pingluo-kejiju-2021.yaml');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // eslint-disable-next-line no-console
  console.warn(`跳过预览编辑端到端测试：找不到 ${CHROMIUM}（Debian 上请运行 apt-get install chromium）`);
}
const describeBrowser = haveChromium ? describe : describe.skip;
const SHOTS = process.env.XXGK_PREVIEW_SHOTS;

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
  dir = mkdtempSync(join(tmpdir(), 'xxgk-edit-e2e-'));
});
afterEach(async () => {
  await preview?.close();
  preview = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const cell = (path: string) => `[data-path="${path}"]`;

async function openEditor(viewport = { width: 1400, height: 900 }, create?: { agency: string; year: number }, name = 'pingluo-kejiju-2021.yaml') {
  const input = join(dir, name);
  if (!create) copyFileSync(EXAMPLE, input);
  preview = await startPreview({ input, port: 0, settings: { formats: ['pdf', 'docx'] }, render: renderReportBytes, logger: quietLogger(), create });
  const page = await browser!.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(preview.pageUrl);
  await page.waitForSelector('body[data-editor="ready"]', { timeout: 20_000 });
  await page.waitForSelector('body:not([data-pdf-id="0"]) #pages .page canvas', { timeout: 30_000 });
  return { input, page, problems };
}

async function typeInto(page: Page, path: string, value: string) {
  const box = page.locator(cell(path));
  await box.click();
  await box.fill('');
  await box.type(value);
}

const pdfId = (page: Page) => page.locator('body').getAttribute('data-pdf-id');

describeBrowser('editing in the preview page', () => {
  test('表三: a T3-R1 mistake is highlighted and listed, saved as a draft, fixed, saved; comments, .bak and PDF follow', async () => {
    const { input, page, problems } = await openEditor();
    const original = readFileSync(input, 'utf8');
    await page.click('[data-action="edit"]');
    await typeInto(page, 'applications.newlyReceived[1]', '1');
    // checked as typed: the cell is marked with the message and the error is listed
    await page.waitForSelector(`${cell('applications.newlyReceived[1]')}.has-error`, { timeout: 20_000 });
    await page.waitForSelector('#diagnostics li.diag.draft[data-code="T3-R1"]');
    expect(await page.locator(cell('applications.newlyReceived[1]')).getAttribute('data-message')).toContain('一+二=1');
    expect(await page.locator(cell('applications.newlyReceived[6]')).inputValue()).toBe('1'); // 总计, live
    expect(await page.locator(cell('applications.newlyReceived[6]')).getAttribute('readonly')).not.toBeNull();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'edit-t3-error.png') });
    // saved while the error stands
    const pdfBefore = await pdfId(page);
    await page.click('[data-action="save"]');
    await page.waitForSelector('body[data-saved]');
    expect(readFileSync(input, 'utf8')).toContain('  newlyReceived:    [0, 1, 0, 0, 0, 0]   # 一、本年新收政府信息公开申请数量');
    expect(readFileSync(`${input}.bak`, 'utf8')).toBe(original);
    await page.waitForSelector('body[data-diagnostics="saved"] #diagnostics li.diag[data-code="T3-R1"]', { timeout: 30_000 });
    await page.waitForSelector(`body:not([data-pdf-id="${pdfBefore}"])`, { timeout: 30_000 });
    // fixed: one of them was granted
    await typeInto(page, 'applications.granted[1]', '1');
    // (a function, not a string: the page's CSP forbids eval)
    await page.waitForFunction(() => {
      const d = (globalThis as any).document;
      return !d.querySelector('#diagnostics li.diag[data-code="T3-R1"]') && d.body.dataset.diagnostics === 'draft';
    }, undefined, { timeout: 20_000 });
    expect(await page.locator(cell('applications.total[1]')).inputValue()).toBe('1');
    const pdfMiddle = await pdfId(page);
    const savedOnce = await page.locator('body').getAttribute('data-saved');
    await page.click('[data-action="save"]');
    await page.waitForSelector(`body:not([data-saved="${savedOnce}"])`);
    const text = readFileSync(input, 'utf8');
    expect(text).toContain('  granted:          [0, 1, 0, 0, 0, 0]   # （一）予以公开');
    expect(text).toContain('  total:            [0, 1, 0, 0, 0, 0]   # （七）总计（可省略；填写时程序核对，不采信）');
    for (const comment of ['# 平罗县科学技术局2021年政府信息公开工作年度报告', '# [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]', '# 原文无落款，故不设 signature。']) expect(text).toContain(comment);
    expect(text.split('\n').length).toBe(original.split('\n').length);
    expect(readFileSync(`${input}.bak`, 'utf8')).toBe(original);
    await page.waitForSelector(`body:not([data-pdf-id="${pdfMiddle}"])`, { timeout: 30_000 });
    await page.waitForSelector('body[data-diagnostics="saved"]');
    expect(await page.locator('#diagnostics li.diag[data-code="T3-R1"]').count()).toBe(0);
    expect(await page.locator('#n-errors').textContent()).toBe('错误 0');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'edit-t3-fixed.png') });
    expect(problems).toEqual([]);
  });

  test('1366×768 with the PDF pane collapsed: 表三 fits without horizontal scrolling; Tab and Enter move like a spreadsheet', async () => {
    const { page, problems } = await openEditor({ width: 1366, height: 768 });
    await page.click('[data-action="edit"]');
    await page.click('[data-action="toggle-pdf"]');
    const t3 = page.locator('table[data-table="表三"]');
    await t3.scrollIntoViewIfNeeded();
    const [tableW, editorW, editorScrollW] = (await page.evaluate(
      `[document.querySelector('table[data-table="表三"]').scrollWidth, document.getElementById('editor').clientWidth, document.getElementById('editor').scrollWidth]`,
    )) as number[];
    expect(tableW).toBeLessThanOrEqual(editorW);
    expect(editorScrollW).toBeLessThanOrEqual(editorW);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'edit-1366-t3.png') });
    await page.locator(cell('applications.newlyReceived[0]')).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.dataset.path')).toBe('applications.carriedOver[0]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.dataset.path')).toBe('applications.carriedOver[1]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.dataset.path')).toBe('applications.granted[1]');
    await page.keyboard.press('Shift+Enter');
    expect(await page.evaluate('document.activeElement.dataset.path')).toBe('applications.carriedOver[1]');
    // a diagnostic's click focuses its cell
    await typeInto(page, 'applications.carriedOver[2]', '2');
    await page.waitForSelector('#diagnostics li.diag[data-code="T3-R1"]', { timeout: 20_000 });
    await page.locator(cell('agency')).focus();
    await page.click('#diagnostics li.diag[data-code="T3-R1"] .msg');
    expect(await page.evaluate('document.activeElement.dataset.path')).toBe('applications.newlyReceived[2]');
    expect(problems).toEqual([]);
  });

  test('sub-sections of 一: reordered, removed and added in the page, saved in that order with their comments', async () => {
    const { input, page } = await openEditor();
    await page.click('[data-action="edit"]');
    const item = (i: number) => page.locator('#overview-list .sub-item').nth(i);
    await item(0).locator('[data-action="move-down"]').click(); // 依申请公开, 主动公开, …
    await item(2).locator('[data-action="remove"]').click(); // drop 政府信息管理
    await page.click('[data-action="add-overview"]');
    await page.locator(cell('overview[4].heading')).fill('新增的一项');
    await page.locator(cell('overview[4].body')).fill('新增的正文。');
    await page.locator(cell('overview[0].heading')).fill('依申请公开情况');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'edit-overview.png') });
    await page.click('[data-action="save"]');
    await page.waitForSelector('body[data-saved]');
    const text = readFileSync(input, 'utf8');
    const data = loadReportText(text).data as { overview: { heading: string; body?: string }[] };
    expect(data.overview.map((o) => o.heading)).toEqual(['依申请公开情况', '主动公开', '政府信息公开平台建设', '监督保障', '新增的一项']);
    expect(data.overview[4].body).toBe('新增的正文。');
    expect(text.indexOf('# （二）依申请公开')).toBeLessThan(text.indexOf('# （一）主动公开'));
    expect(text).not.toContain('# （三）政府信息管理');
    // the form shows the saved order
    expect(await page.locator(cell('overview[0].heading')).inputValue()).toBe('依申请公开情况');
  });

  test('a warning on a text field: the field shows the message; acknowledged with a reason from the page and saved', async () => {
    const { input, page, problems } = await openEditor();
    await page.click('[data-action="edit"]');
    await page.locator(cell('otherMatters')).fill('');
    await page.waitForSelector(`${cell('otherMatters')}.has-warning`, { timeout: 20_000 });
    const message = await page.locator(cell('otherMatters')).locator('xpath=..').locator('.field-msg').textContent();
    expect(message).toMatch(/六、其他需要报告的事项/);
    const warning = page.locator('#diagnostics li.diag.warning[data-code="N6"][data-diag-path="otherMatters"]');
    await warning.locator('[data-action="ack-reason"]').fill('本年度确无其他需要报告的事项');
    await warning.locator('[data-action="acknowledge"]').click();
    await page.waitForSelector('#diagnostics li.diag.acknowledged[data-code="N6"]', { timeout: 20_000 });
    expect(await page.locator('#ack-section').textContent()).toContain('本年度确无其他需要报告的事项');
    await page.click('[data-action="save"]');
    await page.waitForSelector('body[data-saved]');
    const data = loadReportText(readFileSync(input, 'utf8')).data as { otherMatters?: string; acknowledged: unknown[] };
    expect(data.otherMatters).toBeUndefined();
    expect(data.acknowledged).toEqual([{ code: 'N6', path: 'otherMatters', reason: '本年度确无其他需要报告的事项' }]);
    await page.waitForSelector('body[data-diagnostics="saved"] #diagnostics li.diag.acknowledged[data-code="N6"]', { timeout: 30_000 });
    expect(problems).toEqual([]);
  });

  test('where pdf.js cannot load at all (modern nor legacy build), editing and the checks still work', async () => {
    const input = join(dir, 'pingluo-kejiju-2021.yaml');
    copyFileSync(EXAMPLE, input);
    preview = await startPreview({ input, port: 0, settings: { formats: ['pdf', 'docx'] }, render: renderReportBytes, logger: quietLogger() });
    const page = await browser!.newPage({ viewport: { width: 1366, height: 768 } });
    const asked: string[] = [];
    await page.route('**/pdfjs/**', (route) => {
      asked.push(new URL(route.request().url()).pathname);
      return route.abort();
    });
    await page.goto(preview.pageUrl);
    await page.waitForSelector('body[data-editor="ready"]', { timeout: 20_000 });
    await page.waitForFunction(() => (globalThis as any).document.getElementById('placeholder').textContent.includes('无法显示 PDF'), undefined, { timeout: 20_000 });
    expect(asked).toEqual(expect.arrayContaining(['/pdfjs/pdf.min.mjs', '/pdfjs/legacy/pdf.min.mjs']));
    await page.click('[data-action="edit"]');
    await typeInto(page, 'applications.newlyReceived[3]', '5');
    await page.waitForSelector(`${cell('applications.newlyReceived[3]')}.has-error`, { timeout: 20_000 });
    await page.click('[data-action="save"]');
    await page.waitForSelector('body[data-saved]');
    expect(readFileSync(input, 'utf8')).toContain('[0, 0, 0, 5, 0, 0]');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'edit-no-pdfjs.png') });
  });

  test('a change made on disk while the page has unsaved edits: the page says so; “keep mine” saves both', async () => {
    const { input, page } = await openEditor();
    await page.click('[data-action="edit"]');
    await typeInto(page, 'contact', '0952-7777777');
    const theirs = readFileSync(input, 'utf8').replace('otherMatters: 无。', 'otherMatters: 本年度无其他需要报告的事项。');
    writeFileSync(input, theirs);
    await page.waitForSelector('#edit-conflict:not([hidden])', { timeout: 30_000 });
    expect(readFileSync(input, 'utf8')).toBe(theirs);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'edit-conflict.png') });
    await page.click('[data-action="keep-mine"]');
    await page.waitForSelector('body[data-saved]');
    const text = readFileSync(input, 'utf8');
    expect(text).toContain('contact: "0952-7777777"');
    expect(text).toContain('otherMatters: 本年度无其他需要报告的事项。');
  });

  test('starting from nothing: the new file opens in the editor; leaving with unsaved changes asks first', async () => {
    const { input, page } = await openEditor({ width: 1366, height: 768 }, { agency: '某某县教育局', year: 2024 }, '新报告.yaml');
    expect(existsSync(input)).toBe(true);
    expect(await page.locator('#editor').isVisible()).toBe(true);
    expect(await page.locator(cell('agency')).inputValue()).toBe('某某县教育局');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'edit-new.png') });
    const leaving = `(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()`;
    expect(await page.evaluate(leaving)).toBe(false);
    await typeInto(page, 'proactive.rules.issued', '/');
    await page.waitForSelector('body[data-dirty="true"]');
    expect(await page.locator(cell('proactive.rules.issued')).getAttribute('class')).not.toContain('invalid');
    expect(await page.evaluate(leaving)).toBe(true);
    await typeInto(page, 'applications.newlyReceived[0]', '/');
    expect(await page.locator(cell('applications.newlyReceived[0]')).getAttribute('class')).toContain('invalid');
  });
});

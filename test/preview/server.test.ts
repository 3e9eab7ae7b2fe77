import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, type PreviewServer } from '../../src/preview/server';
import type { ScheduleFn } from '../../src/preview/render-loop';
import { fakeRenderer, ManualTimer, quietLogger, rawGet as rawRequest, snapshotWhere, SseReader } from './helpers';

let dir: string;
let input: string;
let preview: PreviewServer | undefined;
let sse: SseReader | undefined;
/** This run's token: every request below carries it unless a test says otherwise. */
let token = '';
const rawGet = (port: number, path: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(port, path, { 'X-Xxgk-Token': token, ...headers }, method);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-preview-'));
  input = join(dir, '报告.yaml');
  writeFileSync(input, 'v1\n');
});

afterEach(async () => {
  sse?.close();
  sse = undefined;
  await preview?.close();
  preview = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(extra: { templateDir?: string; schedule?: ScheduleFn } = {}) {
  const fake = fakeRenderer();
  const logger = quietLogger();
  preview = await startPreview({ input, port: 0, settings: { formats: ['pdf'] }, render: fake.render, logger, ...extra });
  token = preview.token;
  await preview.loop.idle();
  return { ...fake, logger, port: preview.port, p: preview };
}

const pdfText = async (port: number) => (await rawGet(port, '/document.pdf')).body.toString('utf8');
const diagnostics = async (port: number) => JSON.parse((await rawGet(port, '/diagnostics.json')).body.toString('utf8'));
const pdfOf = (s: { pdf?: Uint8Array }) => (s.pdf ? Buffer.from(s.pdf).toString('utf8') : undefined);

describe('preview server', () => {
  test('listens on 127.0.0.1 only and prints that address', async () => {
    const { p } = await start();
    expect(p.url).toBe(`http://127.0.0.1:${p.port}/`);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host: address, port: p.port });
        s.on('connect', () => (s.destroy(), resolve(false)));
        s.on('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    }
  });

  test('serves the page, its assets, the documents and the diagnostics', async () => {
    const { port, calls } = await start();
    expect(calls).toHaveLength(1);
    expect(calls[0].settings.formats).toEqual(['pdf', 'docx', 'html']);
    const page = await rawGet(port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body.toString()).toContain('lang="zh-CN"');
    const js = await rawGet(port, '/app.js');
    expect(js.status).toBe(200);
    expect(js.body.toString()).toContain("'/pdfjs/legacy/'");
    expect((await rawGet(port, '/app.css')).status).toBe(200);
    const pdfjs = await rawGet(port, '/pdfjs/pdf.min.mjs');
    expect(pdfjs.status).toBe(200);
    expect(pdfjs.headers['content-type']).toMatch(/javascript/);
    expect((await rawGet(port, '/pdfjs/pdf.worker.min.mjs')).status).toBe(200);
    // the legacy build, for older Chromium engines
    expect((await rawGet(port, '/pdfjs/legacy/pdf.min.mjs')).status).toBe(200);
    expect((await rawGet(port, '/pdfjs/legacy/pdf.worker.min.mjs')).status).toBe(200);
    const font = await rawGet(port, '/fonts/ui.ttf');
    expect(font.status).toBe(200);
    expect(font.headers['content-type']).toBe('font/ttf');
    const pdf = await rawGet(port, '/document.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-xxgk-pdf-id']).toBe('1');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('报告.pdf'));
    expect(pdf.body.toString()).toBe('%PDF-fake v1\n');
    const docx = await rawGet(port, '/document.docx');
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/^attachment/);
    // The report's web page is offered as a download, never shown inside this app.
    const html = await rawGet(port, '/document.html');
    expect(html.status).toBe(200);
    expect(html.headers['content-disposition']).toMatch(/^attachment/);
    expect(html.headers['content-disposition']).toContain(encodeURIComponent('报告.html'));
    expect(html.body.toString()).toBe('<!DOCTYPE html>fake v1\n');
    const d = await diagnostics(port);
    expect(d).toMatchObject({ id: 1, status: 'ok', pdfId: 1, stale: false, hasPdf: true, hasDocx: true, hasHtml: true, diagnostics: [] });
    expect(d.agency).toBe('测试局');
    const head = await rawGet(port, '/document.pdf', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await rawGet(port, '/document.pdf', {}, 'POST')).status).toBe(405);
  });

  test.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '//etc/passwd',
    '/pdfjs/../package.json',
    '/pdfjs/%2e%2e/package.json',
    '/pdfjs/package.json',
    '/pdfjs/pdf.mjs.map',
    '/pdfjs/',
    '/document.pdf/..',
    '/document.pdf%00.txt',
    '/./document.pdf',
    '/index.html',
    '/favicon.ico',
    '/fonts/FandolHei-Regular.ttf',
    '/fonts/../package.json',
    '',
  ])('refuses %s with 404', async (path) => {
    const { port } = await start();
    const res = await rawGet(port, path || '*');
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('root:');
  });

  test('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { port } = await start();
    expect((await rawGet(port, '/document.pdf', { Host: `evil.example:${port}` })).status).toBe(403);
    expect((await rawGet(port, '/document.pdf', { Host: `localhost:${port}` })).status).toBe(200);
  });

  // The quiet period is timed by a ManualTimer in the next three tests: nothing renders after a
  // change until the test ends the period, and the timer's starts tell it that the watcher saw a save.
  test('debounces a burst of saves into one render of the last version', async () => {
    const timer = new ManualTimer();
    const { port, calls, p } = await start({ schedule: timer.schedule });
    for (let i = 2; i <= 6; i++) {
      const heard = timer.nextStart();
      writeFileSync(input, `v${i}\n`);
      await heard;
      expect(p.loop.activity()).toBe('waiting'); // not reading the file yet
    }
    // Every change restarted the one quiet period, of the default length; nothing rendered meanwhile.
    expect(timer.pendingCount).toBe(1);
    expect(new Set(timer.starts.items)).toEqual(new Set([50]));
    expect(calls.map((c) => c.text)).toEqual(['v1\n']);
    timer.release();
    await snapshotWhere(p.loop, (s) => s.id === 2, 'the render after the burst');
    await p.loop.idle();
    expect(calls.map((c) => c.text)).toEqual(['v1\n', 'v6\n']);
    expect(await pdfText(port)).toBe('%PDF-fake v6\n');
  });

  test('the latest edit wins over a render in progress', async () => {
    const timer = new ManualTimer();
    const { port, calls, started, hold, p } = await start({ schedule: timer.schedule });
    const published: string[] = [];
    p.loop.onUpdate((s) => published.push(pdfOf(s)!));
    const release = hold(); // the render of v2 will not finish until released
    let heard = timer.nextStart();
    writeFileSync(input, 'v2\n');
    await heard;
    timer.fire();
    await started.next((c) => c.text === 'v2\n', 'the render of v2 to start');
    heard = timer.nextStart();
    writeFileSync(input, 'v3\n');
    await heard; // the loop heard of a change while v2 was rendering
    release();
    timer.release();
    await snapshotWhere(p.loop, (s) => s.id === 2, 'the next published render');
    await p.loop.idle();
    expect(calls.map((c) => c.text)).toEqual(['v1\n', 'v2\n', 'v3\n']);
    expect(published).toEqual(['%PDF-fake v3\n']); // v2 was overtaken and never shown
    expect(await pdfText(port)).toBe('%PDF-fake v3\n');
  });

  test('a save that changes nothing does not re-render', async () => {
    const timer = new ManualTimer();
    const { calls, p } = await start({ schedule: timer.schedule });
    const heard = timer.nextStart();
    writeFileSync(input, 'v1\n');
    await heard;
    timer.release();
    await p.loop.idle(); // the loop has read the file again
    expect(calls).toHaveLength(1);
    expect(p.loop.current().id).toBe(1);
    // and the next real change is the next render: nothing came in between
    writeFileSync(input, 'v2\n');
    await snapshotWhere(p.loop, (s) => s.id === 2, 'the render of v2');
    expect(calls.map((c) => c.text)).toEqual(['v1\n', 'v2\n']);
  });

  test('keeps serving the last good PDF when the data becomes unparseable, and says so', async () => {
    const { port, logger } = await start();
    writeFileSync(input, 'BAD\n');
    await snapshotWhere(preview!.loop, (s) => s.id === 2, 'the failed render');
    const d = await diagnostics(port);
    expect(d).toMatchObject({ id: 2, status: 'failed', stale: true, pdfId: 1, hasPdf: true });
    expect(d.diagnostics[0]).toMatchObject({ code: 'LOAD-YAML', line: 3 });
    expect(await pdfText(port)).toBe('%PDF-fake v1\n');
    expect(logger.lines.at(-1)).toContain('继续显示上一版 PDF');
    writeFileSync(input, 'v2\n');
    await snapshotWhere(preview!.loop, (s) => s.id === 3, 'the recovery');
    expect(await diagnostics(port)).toMatchObject({ id: 3, status: 'ok', stale: false, pdfId: 3 });
    expect(await pdfText(port)).toBe('%PDF-fake v2\n');
  });

  test('a renderer that throws is reported as a failed render, not a crash', async () => {
    const { port } = await start();
    writeFileSync(input, 'THROW\n');
    await snapshotWhere(preview!.loop, (s) => s.id === 2, 'the failed render');
    const d = await diagnostics(port);
    expect(d).toMatchObject({ id: 2, status: 'failed', stale: true });
    expect(d.diagnostics[0].code).toBe('PREVIEW-RENDER');
  });

  test('pushes a server-sent event with the update id and the counts after a change', async () => {
    const { port } = await start();
    sse = new SseReader(port, token);
    const first = await sse.next((e) => e.event === 'update', 'the first update');
    expect(first.id).toBe('1');
    expect(first.data).toMatchObject({ id: 1, pdfId: 1, status: 'ok', counts: { errors: 0 } });
    writeFileSync(input, 'v2 T3\n');
    const second = await sse.next((e) => e.event === 'update' && (e.data as { id: number }).id === 2, 'the update after the change');
    expect(second.data).toMatchObject({ pdfId: 2, counts: { errors: 1, warnings: 0 }, hasPdf: true });
    expect(second.data).not.toHaveProperty('pdf');
    expect(typeof (second.data as { saveToPdfMs: number }).saveToPdfMs).toBe('number');
  });

  test('sees a save that replaces the file by renaming a new one over it', async () => {
    const { port, p } = await start();
    const tmp = join(dir, '.报告.yaml.tmp');
    writeFileSync(tmp, 'v2 renamed\n');
    renameSync(tmp, input);
    await snapshotWhere(p.loop, (s) => pdfOf(s) === '%PDF-fake v2 renamed\n', 'the render after the rename');
    expect(await pdfText(port)).toBe('%PDF-fake v2 renamed\n');
    // and the watch still works after the replacement
    writeFileSync(input, 'v3\n');
    await snapshotWhere(p.loop, (s) => pdfOf(s) === '%PDF-fake v3\n', 'the render after a second save');
    expect(await pdfText(port)).toBe('%PDF-fake v3\n');
  });

  test('re-renders when a template file changes', async () => {
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'report.hbs'), 'a');
    const { calls, p } = await start({ templateDir: templates });
    expect(calls[0].settings.templateDir).toBe(templates);
    writeFileSync(join(templates, 'report.hbs'), 'b');
    // the data did not change: only the template's change can bring a second render
    await snapshotWhere(p.loop, (s) => s.id === 2, 'the render after a template change');
    expect(calls).toHaveLength(2);
  });

  test('stops cleanly: closes the event streams and the port', async () => {
    const { port, p } = await start();
    sse = new SseReader(port, token);
    await sse.next((e) => e.event === 'update', 'the first update');
    await p.close();
    preview = undefined;
    await sse.ended;
    await expect(rawGet(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  test('refuses to start on a missing file or template folder', async () => {
    const { render } = fakeRenderer();
    await expect(startPreview({ input: join(dir, 'nope.yaml'), port: 0, settings: { formats: ['pdf'] }, render })).rejects.toThrow('文件不存在');
    await expect(
      startPreview({ input, port: 0, templateDir: join(dir, 'nope'), settings: { formats: ['pdf'] }, render }),
    ).rejects.toThrow('模板文件夹不存在');
  });
});

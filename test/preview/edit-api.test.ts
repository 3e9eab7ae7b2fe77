import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReportText } from '../../src/load/load-report';
import { startPreview, type PreviewServer } from '../../src/preview/server';
import { fakeRenderer, quietLogger, rawGet, snapshotWhere } from './helpers';

const EXAMPLE = join(__dirname, '../../examples/pingluo-kejiju-2021.yaml');
let dir: string;
let input: string;
let preview: PreviewServer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-edit-'));
  input = join(dir, '报告.yaml');
  copyFileSync(EXAMPLE, input);
});
afterEach(async () => {
  await preview?.close();
  preview = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(extra: Partial<Parameters<typeof startPreview>[0]> = {}) {
  const fake = fakeRenderer();
  preview = await startPreview({ input, port: 0, settings: { formats: ['pdf'] }, render: fake.render, logger: quietLogger(), ...extra });
  await preview.loop.idle();
  return preview;
}

interface Answer {
  status: number;
  body: any;
}

/** A request as the page sends it (token, same origin, JSON), each part replaceable. */
function send(p: PreviewServer, path: string, body?: unknown, headers: Record<string, string | undefined> = {}, raw?: Buffer): Promise<Answer> {
  const data = raw ?? (body === undefined ? undefined : Buffer.from(JSON.stringify(body)));
  const h: Record<string, string> = {};
  const all: Record<string, string | undefined> = {
    'X-Xxgk-Token': p.token,
    Origin: `http://127.0.0.1:${p.port}`,
    ...(data ? { 'Content-Type': 'application/json', 'Content-Length': String(data.length) } : {}),
    ...headers,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) h[k] = v;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: p.port, path, method: data ? 'POST' : 'GET', headers: h, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* plain text */
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

describe('editing through the preview server', () => {
  test('save: writes only the edited number, keeps the comments, leaves the original as .bak once', async () => {
    const p = await start();
    const original = readFileSync(input, 'utf8');
    const d = await send(p, '/api/data');
    expect(d.status).toBe(200);
    expect(d.body.data.agency).toBe('平罗县科学技术局');
    expect(d.body.tables.map((t: { name: string }) => t.name)).toEqual(['表二', '表三', '表四']);
    const s = await send(p, '/api/save', { version: d.body.version, edits: [{ path: 'applications.newlyReceived[1]', value: 1 }] });
    expect(s.status).toBe(200);
    const saved = readFileSync(input, 'utf8');
    expect(saved).toContain('  newlyReceived:    [0, 1, 0, 0, 0, 0]   # 一、本年新收政府信息公开申请数量');
    expect(saved.replace('[0, 1, 0, 0, 0, 0]   # 一', '[0, 0, 0, 0, 0, 0]   # 一')).toBe(original);
    expect(readFileSync(`${input}.bak`, 'utf8')).toBe(original);
    // the second save of the run keeps the first .bak (the file as it was before this run)
    const s2 = await send(p, '/api/save', { version: s.body.version, edits: [{ path: 'applications.granted[1]', value: 1 }] });
    expect(s2.status).toBe(200);
    expect(readFileSync(`${input}.bak`, 'utf8')).toBe(original);
    // the stated （七）总计 row follows the figures it sums
    const data = loadReportText(readFileSync(input, 'utf8')).data as any;
    expect(data.applications.total).toEqual([0, 1, 0, 0, 0, 0]);
    // and the render loop sees the save
    await snapshotWhere(p.loop, (s) => s.id >= 2, 'the render after the save');
  });

  test('a draft with rule errors is checked and saved, and the errors are reported', async () => {
    const p = await start();
    const d = await send(p, '/api/data');
    const edits = [{ path: 'applications.newlyReceived[1]', value: 3 }];
    const c = await send(p, '/api/check', { edits });
    expect(c.status).toBe(200);
    expect(c.body.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'T3-R1', path: 'applications.newlyReceived[1]' })]));
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8')); // checking writes nothing
    const s = await send(p, '/api/save', { version: d.body.version, edits });
    expect(s.status).toBe(200);
    expect(readFileSync(input, 'utf8')).toContain('[0, 3, 0, 0, 0, 0]');
  });

  test('a file changed on disk since the page read it is a conflict, never overwritten', async () => {
    const p = await start();
    const d = await send(p, '/api/data');
    const theirs = readFileSync(input, 'utf8').replace('contact: "6663655"', 'contact: "0952-1234567"');
    writeFileSync(input, theirs);
    const s = await send(p, '/api/save', { version: d.body.version, edits: [{ path: 'applications.newlyReceived[0]', value: 2 }] });
    expect(s.status).toBe(409);
    expect(s.body.conflict).toBe(true);
    expect(readFileSync(input, 'utf8')).toBe(theirs);
    expect(existsSync(`${input}.bak`)).toBe(false);
    // “keep mine”: the page resends against the version it was told; their change stays too
    const k = await send(p, '/api/save', { version: s.body.version, edits: [{ path: 'applications.newlyReceived[0]', value: 2 }] });
    expect(k.status).toBe(200);
    const now = readFileSync(input, 'utf8');
    expect(now).toContain('contact: "0952-1234567"');
    expect(now).toContain('[2, 0, 0, 0, 0, 0]');
  });

  test.each([
    [{ path: 'applications.newlyReceived[1]', value: '十二' }, '非负整数'],
    [{ path: '__proto__', value: {} }, '__proto__'],
    [{ path: 'applications.unknownRow[0]', value: 1 }, '没有'],
    [{ path: 'reviewLitigation.review.total', value: 1 }, '总计'],
  ])('a malformed edit %j is refused with 400 and the file is untouched', async (edit, message) => {
    const p = await start();
    const d = await send(p, '/api/data');
    const s = await send(p, '/api/save', { version: d.body.version, edits: [edit] });
    expect(s.status).toBe(400);
    expect(s.body.error).toContain(message);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a request without the token, or with a wrong one, reads and writes nothing', async () => {
    const p = await start();
    for (const path of ['/api/data', '/diagnostics.json', '/document.pdf', '/events']) {
      const r = await rawGet(p.port, path);
      expect(r.status).toBe(403);
      expect(r.body.toString()).not.toContain('平罗');
      expect((await rawGet(p.port, path, { 'X-Xxgk-Token': 'a'.repeat(48) })).status).toBe(403);
    }
    const d = await send(p, '/api/data');
    const s = await send(p, '/api/save', { version: d.body.version, edits: [{ path: 'agency', value: '别的局' }] }, { 'X-Xxgk-Token': undefined });
    expect(s.status).toBe(403);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    // the page itself and its scripts hold no data and no token
    const page = await rawGet(p.port, '/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).not.toContain(p.token);
    expect((await rawGet(p.port, '/editor.js')).body.toString()).not.toContain(p.token);
  });

  test('a request from another web page (its Origin, or a cross-site fetch) is refused even with the token', async () => {
    const p = await start();
    const d = await send(p, '/api/data');
    const edits = [{ path: 'agency', value: '别的局' }];
    expect((await send(p, '/api/save', { version: d.body.version, edits }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send(p, '/api/save', { version: d.body.version, edits }, { Origin: undefined })).status).toBe(403);
    expect((await send(p, '/api/data', undefined, { Origin: 'null' })).status).toBe(403);
    expect((await send(p, '/api/data', undefined, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await send(p, '/api/data', undefined, { Host: `evil.example:${p.port}` })).status).toBe(403);
    // a form post (not JSON) is refused too
    expect((await send(p, '/api/save', undefined, { 'Content-Type': 'text/plain' }, Buffer.from('x'))).status).toBe(415);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  test('a body over 1 MB is refused with 413', async () => {
    const p = await start();
    const big = Buffer.from(JSON.stringify({ version: 'x', edits: [{ path: 'problems', value: 'x'.repeat(1024 * 1024) }] }));
    const s = await send(p, '/api/save', undefined, {}, big);
    expect(s.status).toBe(413);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  test('starting from nothing creates the file as init would and opens the editor', async () => {
    input = join(dir, '新报告.yaml');
    const p = await start({ create: { agency: '某某县教育局', year: 2024 } });
    const d = await send(p, '/api/data');
    expect(d.body.startEditing).toBe(true);
    expect(d.body.editable).toBe(true);
    expect(d.body.data).toMatchObject({ agency: '某某县教育局', year: 2024 });
    const s = await send(p, '/api/save', { version: d.body.version, edits: [{ path: 'applications.newlyReceived[0]', value: 4 }] });
    expect(s.status).toBe(200);
  });

  test('a workbook: a table cell is saved in place with a .bak; a workbook open in Excel (its ~$ lock file) gets a message', async () => {
    input = join(dir, '新报告.xlsx');
    const p = await start({ create: { agency: '某某县教育局', year: 2024 } });
    const before = readFileSync(input);
    const d = await send(p, '/api/data');
    expect(d.body.editable).toBe(true);
    expect(d.body.data.agency).toBe('某某县教育局');
    writeFileSync(join(dir, '~$新报告.xlsx'), 'owner');
    const locked = await send(p, '/api/save', { version: d.body.version, edits: [{ path: 'applications.newlyReceived[0]', value: 4 }] });
    expect(locked.status).toBe(423);
    expect(locked.body.error).toContain('正在 Excel 或 WPS 中打开');
    expect(readFileSync(input).equals(before)).toBe(true);
    rmSync(join(dir, '~$新报告.xlsx'));
    const s = await send(p, '/api/save', { version: d.body.version, edits: [{ path: 'applications.newlyReceived[0]', value: 4 }] });
    expect(s.status).toBe(200);
    expect(readFileSync(`${input}.bak`).equals(before)).toBe(true);
    const again = await send(p, '/api/data');
    expect(again.body.data.applications.newlyReceived.slice(0, 6)).toEqual([4, 0, 0, 0, 0, 0]);
    const list = await send(p, '/api/save', { version: again.body.version, edits: [{ path: 'overview', value: [] }] });
    expect(list.status).toBe(422);
    expect(list.body.error).toContain('Excel/WPS');
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs/yargs';
import { previewCommand } from '../../src/cli/commands/preview';
import { UsageError } from '../../src/cli/exit-codes';
import { starterReport } from '../../src/init/starter-report';
import { fakeRenderer, rawGet, Recorder } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-preview-cmd-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Captures what the command prints; `until` waits for the write after which the output matches. */
function captureStdout() {
  const writes = new Recorder<string>();
  let text = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    text += String(chunk);
    writes.push(text);
    return true;
  });
  return {
    text: () => text,
    until: (re: RegExp, what: string) => writes.next((t) => re.test(t), what),
    restore: () => spy.mockRestore(),
  };
}

function run(argv: string[], deps: Parameters<typeof previewCommand>[1]) {
  let code = -1;
  const parser = yargs(argv)
    .command(previewCommand((c) => (code = c), deps))
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    });
  return { done: parser.parseAsync(), code: () => code };
}

test('xxgk preview prints the URL, serves the page and stops when asked', async () => {
  const input = join(dir, 'r.yaml');
  writeFileSync(input, 'v1\n');
  const out = captureStdout();
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  try {
    const { render } = fakeRenderer();
    const r = run(['preview', input, '--port', '0'], { render, waitForStop: () => stopped });
    const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(await out.until(/http:\/\/127\.0\.0\.1:\d+\//, 'the printed address'));
    expect(url).not.toBeNull();
    const port = Number(url![1]);
    expect((await rawGet(port, '/')).status).toBe(200);
    stop();
    await r.done;
    expect(r.code()).toBe(0);
    expect(out.text()).toContain('预览已停止');
    await expect(rawGet(port, '/')).rejects.toThrow();
  } finally {
    out.restore();
  }
});

test('a missing file is a usage error', async () => {
  const { render } = fakeRenderer();
  const r = run(['preview', join(dir, 'missing.yaml'), '--port', '0'], { render, waitForStop: () => Promise.resolve() });
  await expect(r.done).rejects.toBeInstanceOf(UsageError);
});

test('a bad port is a usage error', async () => {
  const { render } = fakeRenderer();
  writeFileSync(join(dir, 'r.yaml'), 'v1\n');
  const r = run(['preview', join(dir, 'r.yaml'), '--port', '70000'], { render, waitForStop: () => Promise.resolve() });
  await expect(r.done).rejects.toBeInstanceOf(UsageError);
});

test('xxgk preview NEW.yaml --agency --year creates the file as init would, and the printed address carries the token', async () => {
  const input = join(dir, '新报告.yaml');
  const out = captureStdout();
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  try {
    const { render } = fakeRenderer();
    const r = run(['preview', input, '--port', '0', '--agency', '某某县教育局', '--year', '2024'], { render, waitForStop: () => stopped });
    const m = /http:\/\/127\.0\.0\.1:(\d+)\/#k=([0-9a-f]{48})/.exec(await out.until(/#k=[0-9a-f]{48}/, 'the printed address with its token'));
    expect(m).not.toBeNull();
    expect(out.text()).toContain('已新建');
    expect(readFileSync(input, 'utf8')).toBe(starterReport('某某县教育局', 2024));
    const data = await rawGet(Number(m![1]), '/api/data', { 'X-Xxgk-Token': m![2] });
    expect(JSON.parse(data.body.toString()).startEditing).toBe(true);
    stop();
    await r.done;
  } finally {
    out.restore();
  }
});

test('--agency without --year is a usage error, and so is a missing file without them (with a hint)', async () => {
  const { render } = fakeRenderer();
  const r = run(['preview', join(dir, 'n.yaml'), '--port', '0', '--agency', '某局'], { render, waitForStop: () => Promise.resolve() });
  await expect(r.done).rejects.toThrow('--year');
  const r2 = run(['preview', join(dir, 'n.yaml'), '--port', '0'], { render, waitForStop: () => Promise.resolve() });
  await expect(r2.done).rejects.toThrow('--agency');
});

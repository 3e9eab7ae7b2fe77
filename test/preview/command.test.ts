import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs/yargs';
import { previewCommand } from '../../src/cli/commands/preview';
import { UsageError } from '../../src/cli/exit-codes';
import { fakeRenderer, rawGet } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-preview-cmd-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
  const out: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  try {
    const { render } = fakeRenderer();
    const r = run(['preview', input, '--port', '0'], { render, waitForStop: () => stopped });
    for (let i = 0; i < 200 && !out.join('').includes('http://'); i++) await new Promise((res) => setTimeout(res, 10));
    const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out.join(''));
    expect(url).not.toBeNull();
    const port = Number(url![1]);
    expect((await rawGet(port, '/')).status).toBe(200);
    stop();
    await r.done;
    expect(r.code()).toBe(0);
    expect(out.join('')).toContain('预览已停止');
    await expect(rawGet(port, '/')).rejects.toThrow();
  } finally {
    spy.mockRestore();
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

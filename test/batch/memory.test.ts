/**
 * A batch worker keeps nothing of the reports it has rendered: its heap after sixty more
 * reports is what it was (caches of fonts, glyphs and line breaks are bounded and small).
 * Run in a child process of the built modules, which are the code the workers run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EXAMPLE, ROOT, tempDir } from '../support/cli';

describe('batch memory', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("a worker's heap does not grow with the reports it renders (about 22 KB each when the line-break cache held each report's markup)", () => {
    const script = `
      const { renderTask } = require(${JSON.stringify(join(ROOT, 'dist', 'batch', 'render-worker.js'))});
      const { readFileSync, writeFileSync } = require('node:fs');
      const example = readFileSync(${JSON.stringify(EXAMPLE)}, 'utf8');
      const used = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
      (async () => {
        const render = async (i) => {
          const file = ${JSON.stringify(tmp.dir)} + '/r' + i + '.yaml';
          writeFileSync(file, example.replace(/^agency: .*$/m, 'agency: 测试县第' + i + '局'));
          const r = await renderTask({ file, settings: { formats: ['pdf'], systemFonts: false } });
          if (r.status !== 'ok') throw new Error(r.status);
        };
        for (let i = 0; i < 30; i++) await render(i);
        const before = used();
        for (let i = 30; i < 90; i++) await render(i);
        process.stdout.write(String(used() - before));
      })();`;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // Compiled code still grows a little over the first hundred renders (about 0.5 MB).
    expect(Number(r.stdout)).toBeLessThan(1 << 20);
  });
});

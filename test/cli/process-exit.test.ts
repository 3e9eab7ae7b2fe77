import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir, xxgk } from '../support/cli';

const BIN = join(ROOT, 'bin', 'xxgk.js');

describe('how bin/xxgk.js ends the process', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  /** A preload that says on stderr whether the process wound down naturally ('beforeExit'). */
  const preload = (extra = ''): string => {
    const file = join(tmp.dir, `preload-${extra ? 'timer' : 'plain'}.js`);
    writeFileSync(file, `process.on('beforeExit', () => process.stderr.write('[natural exit]\\n'));\n${extra}\n`);
    return file;
  };

  it('leaves at once when the command is done and nothing else is pending', () => {
    const r = xxgk(['rules'], { env: { NODE_OPTIONS: `-r ${preload()}` } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('PARSE');
    expect(r.stderr).not.toContain('[natural exit]');
  });

  it('waits for what is still pending (here a timer) and ends naturally after it', () => {
    const timer = "setTimeout(() => process.stderr.write('[timer ran]\\n'), 300);";
    const r = xxgk(['rules'], { env: { NODE_OPTIONS: `-r ${preload(timer)}` } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('[timer ran]');
    expect(r.stderr).toContain('[natural exit]');
  });

  it('keeps the exit code of a failed command when leaving at once', () => {
    const r = xxgk(['validate', join(tmp.dir, 'missing.yaml')], { env: { NODE_OPTIONS: `-r ${preload()}` } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('文件不存在');
    expect(r.stderr).not.toContain('[natural exit]');
  });

  it('ends quietly when the reader closes the pipe early (xxgk rules | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'rules'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before xxgk writes
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

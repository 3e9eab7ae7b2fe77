/**
 * The portable linux-x64 build (`npm run dist`), unpacked and run where no `node` is on
 * the PATH: the commands behave as `node bin/xxgk.js` and render the same bytes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';
import { builtArchive, envWithoutNode, unpack, VERSION } from '../support/portable';

const archive = process.arch === 'x64' && process.platform === 'linux' ? builtArchive('linux-x64') : undefined;
// Building the archives takes minutes and fetches Node binaries, so `npm test` does not; .ci/run does.
const describeBuilt = archive ? describe : describe.skip;
if (!archive) test.skip('linux-x64 archive not built here (npm run dist); skipped', () => undefined);

describeBuilt('portable linux-x64 build', () => {
  const tmp = tempDir('xxgk-portable-');
  afterAll(tmp.cleanup);
  let folder = '';
  let env: NodeJS.ProcessEnv = {};
  const run = (args: string[], cwd = folder) => spawnSync(join(folder, 'xxgk'), args, { cwd, env, encoding: 'utf8' });

  beforeAll(() => {
    folder = unpack(archive!, tmp.dir);
    env = envWithoutNode();
  });

  it('holds the executable, its files, the example and 使用说明.txt, and prints the version in its name', () => {
    expect(readdirSync(folder).sort()).toEqual(['app', 'pingluo-kejiju-2021.yaml', 'xxgk', '使用说明.txt']);
    const v = run(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(VERSION);
    expect(archive).toContain(`xxgk-${v.stdout.trim()}-linux-x64.tar.gz`);
  });

  it('renders the example to the same .pdf and .docx bytes as node bin/xxgk.js', () => {
    const ours = join(tmp.dir, 'ours');
    const theirs = join(tmp.dir, 'theirs');
    const r = run(['render', 'pingluo-kejiju-2021.yaml', '-o', ours]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(xxgk(['render', EXAMPLE, '-o', theirs]).status).toBe(0);
    for (const ext of ['pdf', 'docx']) {
      const a = readFileSync(join(ours, `pingluo-kejiju-2021.${ext}`));
      expect(a.length).toBeGreaterThan(10000);
      expect(a.equals(readFileSync(join(theirs, `pingluo-kejiju-2021.${ext}`)))).toBe(true);
    }
  });

  it('validate of a broken file exits 1 with its Chinese message', () => {
    const file = join(tmp.dir, '错误 报告.yaml');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('carriedForward:', 'carriedFoward:'));
    const r = run(['validate', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('SCHEMA-UNKNOWN-KEY');
    expect(r.stdout).toContain('carriedFoward');
  });

  it('batch renders a folder in its worker threads', () => {
    const inputs = join(tmp.dir, '各 单位');
    mkdirSync(inputs);
    copyFileSync(EXAMPLE, join(inputs, '甲.yaml'));
    copyFileSync(EXAMPLE, join(inputs, '乙.yaml'));
    const r = run(['batch', inputs, '-o', join(tmp.dir, 'batch-out'), '--jobs', '2']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(readdirSync(join(tmp.dir, 'batch-out')).filter((f) => /\.(pdf|docx)$/.test(f)).sort()).toEqual(['乙.docx', '乙.pdf', '甲.docx', '甲.pdf']);
  });

  it('preview serves pdf.js from the files beside the executable', async () => {
    const child = spawn(join(folder, 'xxgk'), ['preview', 'pingluo-kejiju-2021.yaml', '--port', '0'], { cwd: folder, env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`preview exited ${code}: ${out}`)));
      });
      const res = await fetch(`${url}pdfjs/pdf.min.mjs`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(readFileSync(join(folder, 'app', 'node_modules', 'pdfjs-dist', 'build', 'pdf.min.mjs')).length);
    } finally {
      child.kill();
    }
  });
});

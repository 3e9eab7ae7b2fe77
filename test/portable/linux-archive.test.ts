/**
 * The portable linux-x64 build (`npm run dist`), unpacked and run where no `node` is on
 * the PATH: the commands behave as `node bin/xxgk.js` and render the same bytes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('a dropped folder is batch-rendered into its 输出 and a dropped file beside itself, without waiting when input is not a console', () => {
    const drop = join(tmp.dir, '拖放 文件夹');
    mkdirSync(drop);
    copyFileSync(EXAMPLE, join(drop, '丙.yaml'));
    const f = run([drop, '--no-open']);
    expect(f.status).toBe(0);
    expect(f.stdout).toContain(`结果在 ${join(drop, '输出')}`);
    expect(readdirSync(join(drop, '输出')).filter((x) => /\.(pdf|docx)$/.test(x)).sort()).toEqual(['丙.docx', '丙.pdf']);
    const one = join(tmp.dir, '单个 文件');
    mkdirSync(one);
    copyFileSync(EXAMPLE, join(one, '丁.yaml'));
    const r = run([join(one, '丁.yaml'), '--no-open']);
    expect(r.status).toBe(0);
    expect(readdirSync(one).sort()).toEqual(['丁.docx', '丁.pdf', '丁.yaml']);
  });

  it('with no arguments serves the start page listing the reports of its own folder', async () => {
    const child = spawn(join(folder, 'xxgk'), ['--no-open'], { cwd: tmp.dir, env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const html = await (await fetch(url)).text();
      expect(html).toContain(`href="/open?file=pingluo-kejiju-2021.yaml"`);
      const open = await fetch(`${url}open?file=pingluo-kejiju-2021.yaml`, { redirect: 'manual' });
      expect(open.status).toBe(302);
      expect(open.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      child.kill();
    }
  });

  it('runs the other commands from its bundle: init and convert workbooks (exceljs), an edited template (the handlebars compiler), schema, rules, fonts', () => {
    const dir = join(tmp.dir, '其他 命令');
    mkdirSync(dir);
    expect(run(['init', join(dir, '新.xlsx'), '--agency', '测试局']).status).toBe(0);
    expect(run(['validate', join(dir, '新.xlsx')]).status).toBe(0);
    expect(run(['convert', 'pingluo-kejiju-2021.yaml', join(dir, 'p.xlsx')]).status).toBe(0);
    expect(run(['convert', join(dir, 'p.xlsx'), join(dir, 'p.yaml')]).status).toBe(0);
    const tpl = join(dir, 'tpl');
    cpSync(join(folder, 'app', 'templates', 'annual-report'), tpl, { recursive: true });
    const overview = join(tpl, 'section-1-overview.hbs');
    writeFileSync(overview, readFileSync(overview, 'utf8').replace('一、总体情况', '一、总体情况（改）'));
    expect(run(['render', 'pingluo-kejiju-2021.yaml', '-t', tpl, '-f', 'html', '-o', dir]).status).toBe(0);
    expect(readFileSync(join(dir, 'pingluo-kejiju-2021.html'), 'utf8')).toContain('一、总体情况（改）');
    expect(JSON.parse(run(['schema']).stdout).$schema).toContain('json-schema.org');
    expect(run(['rules']).stdout).toContain('PARSE');
    const fonts = run(['fonts', '--no-system-fonts']);
    expect(fonts.status).toBe(0);
    expect(fonts.stdout).toContain(join(folder, 'app', 'fonts', 'FandolFang-Regular.ttf'));
  });
});

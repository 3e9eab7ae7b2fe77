/**
 * The Windows build under Wine (Debian's wine64, the prefix set to Windows 10): the example
 * renders to the Linux build's bytes from a folder with Chinese characters and spaces,
 * validate and batch behave, and a font named 仿宋 in the prefix's Fonts folder serves the
 * body. Wine's console pipes fail, so output goes to files. Skipped where Wine or the
 * archive is missing: .ci/run installs Wine and builds the archives.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { EXAMPLE, ROOT, tempDir, xxgk } from '../support/cli';
import { builtArchive, pythonWithFontTools, unpack, VERSION, wine64, wineArchive } from '../support/portable';

const wine = process.platform === 'linux' ? wine64() : undefined;
const archive = wineArchive();
const describeWine = wine && archive ? describe : describe.skip;
if (!wine || !archive) test.skip(`Wine tests skipped: ${wine ? 'no win-x64 archive (npm run dist)' : 'no wine64 (apt-get install wine64)'}`, () => undefined);

/** A PDF's text with every Flate stream inflated (font dictionaries sit in object streams). */
function pdfObjects(pdf: Buffer): string {
  const parts = [pdf.toString('latin1')];
  for (let at = pdf.indexOf('stream'); at >= 0; at = pdf.indexOf('stream', at + 6)) {
    const start = at + (pdf[at + 6] === 0x0d ? 8 : 7);
    const end = pdf.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream, or an image
    }
  }
  return parts.join('\n');
}

describeWine('portable win-x64 build under Wine', () => {
  const tmp = tempDir('xxgk-wine-');
  const prefix = join(tmp.dir, 'prefix');
  const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', DISPLAY: '' };
  let folder = '';
  let n = 0;

  /** Runs `xxgk.exe` under Wine with stdout and stderr in files; returns the exit code and both texts. */
  const run = (args: string[], cwd = folder) => {
    const out = join(tmp.dir, `out-${++n}.txt`);
    const err = join(tmp.dir, `err-${n}.txt`);
    const o = openSync(out, 'w');
    const e = openSync(err, 'w');
    try {
      const r = spawnSync(wine!, [join(folder, 'xxgk.exe'), ...args], { cwd, env, stdio: ['ignore', o, e] });
      return { status: r.status, stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8') };
    } finally {
      closeSync(o);
      closeSync(e);
    }
  };

  beforeAll(() => {
    const quiet = { env, stdio: 'ignore' as const };
    spawnSync(wine!, ['wineboot', '-i'], quiet);
    // Wine 8 reports Windows 7 by default, which Node refuses.
    expect(spawnSync(wine!, ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], quiet).status).toBe(0);
    const place = join(tmp.dir, '政务 工具');
    mkdirSync(place);
    folder = unpack(archive!, place);
  }, 300_000);

  afterAll(() => {
    spawnSync('wineserver', ['-k'], { env, stdio: 'ignore' });
    spawnSync('/usr/lib/wine/wineserver', ['-k'], { env, stdio: 'ignore' });
    tmp.cleanup();
  });

  it('prints the version the archive is named after', () => {
    const r = run(['--version']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('renders the example without system fonts to the same .pdf and .docx bytes as the Linux build', () => {
    const r = run(['render', 'pingluo-kejiju-2021.yaml', '-o', '输出 文件', '--no-system-fonts']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已生成');
    const linux = builtArchive('linux-x64');
    const theirs = join(tmp.dir, 'linux');
    if (linux && process.arch === 'x64') {
      const lf = unpack(linux, mkdirSync(join(tmp.dir, 'linux-build'), { recursive: true })!);
      expect(spawnSync(join(lf, 'xxgk'), ['render', 'pingluo-kejiju-2021.yaml', '-o', theirs, '--no-system-fonts'], { cwd: lf }).status).toBe(0);
    } else {
      expect(xxgk(['render', EXAMPLE, '-o', theirs, '--no-system-fonts']).status).toBe(0);
    }
    for (const ext of ['pdf', 'docx']) {
      const a = readFileSync(join(folder, '输出 文件', `pingluo-kejiju-2021.${ext}`));
      expect(a.equals(readFileSync(join(theirs, `pingluo-kejiju-2021.${ext}`)))).toBe(true);
    }
  });

  it('validate of a broken file exits 1 with its Chinese message', () => {
    writeFileSync(join(folder, '错误 报告.yaml'), readFileSync(EXAMPLE, 'utf8').replace('carriedForward:', 'carriedFoward:'));
    const r = run(['validate', '错误 报告.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('错误 报告.yaml');
    expect(r.stdout).toContain('SCHEMA-UNKNOWN-KEY');
    expect(r.stdout).toMatch(/carriedFoward.*carriedForward|carriedForward.*carriedFoward/);
  });

  it('batch renders a small folder in its worker threads', () => {
    const inputs = join(folder, '各 单位');
    mkdirSync(inputs);
    copyFileSync(EXAMPLE, join(inputs, '甲 局.yaml'));
    copyFileSync(EXAMPLE, join(inputs, '乙.yaml'));
    const r = run(['batch', '各 单位', '-o', '批量 输出', '--no-system-fonts', '-j', '2']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(readdirSync(join(folder, '批量 输出')).filter((f) => /\.(pdf|docx)$/.test(f)).sort()).toEqual(['乙.docx', '乙.pdf', '甲 局.docx', '甲 局.pdf']);
  });

  it('a folder dropped onto xxgk.exe (its Windows path as the only argument) is rendered into its 输出', () => {
    const drop = join(folder, '拖放 单位');
    mkdirSync(drop);
    copyFileSync(EXAMPLE, join(drop, '戊 局.yaml'));
    const windowsPath = `Z:${drop.split('/').join('\\')}`;
    const r = run([windowsPath, '--no-open']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('结果在 Z:');
    expect(readdirSync(join(drop, '输出')).filter((f) => /\.(pdf|docx)$/.test(f)).sort()).toEqual(['戊 局.docx', '戊 局.pdf']);
  });

  const py = pythonWithFontTools();
  (py ? it : it.skip)('finds a font named 仿宋 in the prefix Fonts folder and uses it for the body', () => {
    // The bundled FandolFang renamed 仿宋/FangSong with fontTools, installed as Windows names it.
    const fixture = join(prefix, 'drive_c', 'windows', 'Fonts', 'simfang.ttf');
    const script = [
      'import sys',
      'from fontTools.ttLib import TTFont',
      'f = TTFont(sys.argv[1])',
      'name = f["name"]',
      'name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17)]',
      'for nid, en, zh in ((1, "FangSong", "仿宋"), (2, "Regular", "Regular"), (3, "xxgk-test-FangSong", "xxgk-test-FangSong"), (4, "FangSong", "仿宋"), (6, "FangSong", "FangSong")):',
      '    name.setName(en, nid, 3, 1, 0x409)',
      '    name.setName(zh, nid, 3, 1, 0x804)',
      'f.save(sys.argv[2])',
    ].join('\n');
    const made = spawnSync(py!, ['-c', script, join(ROOT, 'fonts', 'FandolFang-Regular.ttf'), fixture], { encoding: 'utf8' });
    expect(made.stderr).toBe('');
    const fonts = run(['fonts', '--json']);
    expect(fonts.status).toBe(0);
    const roles = JSON.parse(fonts.stdout) as Array<{ role: string; faces: Array<{ file: string; source: string; postscriptName: string }> }>;
    const body = roles.find((r) => r.role === 'body')!.faces[0];
    expect(body).toMatchObject({ source: 'system', postscriptName: 'FangSong' });
    expect(body.file.toLowerCase()).toBe('c:\\windows\\fonts\\simfang.ttf');
    const r = run(['render', 'pingluo-kejiju-2021.yaml', '-o', '系统 字体', '--format', 'pdf']);
    expect(r.status).toBe(0);
    expect(pdfObjects(readFileSync(join(folder, '系统 字体', 'pingluo-kejiju-2021.pdf')))).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+FangSong\b/);
  });
});

import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBundle, readBundleSource, runBundle } from '../../src/bundle/load-bundle';
import { checkReportBytes } from '../../src/pipeline/check-report';
import { renderReportBytes } from '../../src/pipeline/render-report';
import { EXAMPLE, ROOT, tempDir, xxgk } from '../support/cli';

const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');

describe('the CLI bundle and its code cache (scripts/bundle.js)', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it('builds both bundles with a code cache that V8 accepts when the CLI starts', () => {
    for (const name of ['cli', 'render-worker']) {
      expect(existsSync(join(BUNDLE_DIR, `${name}.bundle.js`))).toBe(true);
      expect(existsSync(join(BUNDLE_DIR, `${name}.bundle.js.cache`))).toBe(true);
    }
    const r = xxgk(['rules'], { env: { XXGK_DEBUG: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('cli.bundle.js');
    expect(r.stderr).toContain('"cache":"accepted"');
  });

  it('writes both bundles in ASCII, and reads a bundle that is not ASCII as UTF-8', () => {
    for (const name of ['cli', 'render-worker']) {
      const bytes = readFileSync(join(BUNDLE_DIR, `${name}.bundle.js`));
      expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    }
    const file = join(tmp.dir, 'utf8.bundle.js');
    writeFileSync(file, "module.exports = /人民政府$/.test('平罗县人民政府');");
    expect(readBundleSource(file)).toBe("module.exports = /人民政府$/.test('平罗县人民政府');");
  });

  it("checks Chinese text in the bundle (its patterns escaped to ASCII) exactly as the modules do", () => {
    // Each text meets some of the validator's Chinese patterns: the agency's kind, a count of
    // applications in the narrative against the table; full-width digits in a table row.
    const example = readFileSync(EXAMPLE, 'utf8')
      .replace(/^agency: .*$/m, 'agency: 平罗县某某镇人民政府')
      .replace('本年度，科技局未收到政府信息公开的申请。', '本年度共收到政府信息公开申请9件，已全部办结。');
    const texts = [example.replace('newlyReceived:    [0, 0, 0, 0, 0, 0]', 'newlyReceived:    [2, 0, 0, 0, 0, 0]'), example.replace('newlyReceived:    [0, 0, 0, 0, 0, 0]', 'newlyReceived:    [２, 0, 0, 0, 0, 0]')];
    const codes: string[] = [];
    texts.forEach((text, i) => {
      const file = join(tmp.dir, `patterns-${i}.yaml`);
      writeFileSync(file, text);
      const r = xxgk(['validate', file, '--json']);
      const fromBundle = JSON.parse(r.stdout).files[0].diagnostics as Array<{ code: string; path: string; message: string }>;
      const direct = checkReportBytes(file, readFileSync(file)).diagnostics;
      expect(fromBundle.map((d) => [d.code, d.path, d.message])).toEqual(direct.map((d) => [d.code, d.path, d.message]));
      codes.push(...fromBundle.map((d) => d.code));
    });
    expect(codes).toEqual(expect.arrayContaining(['TYPO']));
    expect(codes.length).toBeGreaterThan(3);
  });

  it('finds the bundled yargs its Chinese messages, so help and usage errors stay in Chinese', () => {
    const r = xxgk(['--help']);
    expect(r.stdout).toContain('命令：');
    expect(r.stdout).not.toContain('Commands:');
  });

  it("patches yaml's per-token read of the environment and yargs' help cache out, with help and errors unchanged", () => {
    const source = readFileSync(join(BUNDLE_DIR, 'cli.bundle.js'), 'latin1');
    expect(source).not.toMatch(/\.env\.LOG_TOKENS\)/);
    expect(source).toMatch(/var LOG_TOKENS = \w+\.env\.LOG_TOKENS;/);
    expect(source).not.toContain('cacheHelpMessage()');
    expect(xxgk(['render', '--help']).stdout).toContain('生成 Word（.docx）和 PDF');
    const failed = xxgk(['render', join(tmp.dir, 'missing.yaml')]);
    expect(failed.status).toBe(2);
    expect(failed.stderr.trim().split('\n')).toEqual([`xxgk: ${join(tmp.dir, 'missing.yaml')}: 文件不存在`]);
  });

  it('renders from the bundle (and its worker bundle in batch) the same bytes as the modules do in-process', async () => {
    const out = join(tmp.dir, 'cli');
    expect(xxgk(['render', EXAMPLE, '-o', out, '--no-system-fonts']).status).toBe(0);
    const batchOut = join(tmp.dir, 'batch');
    expect(xxgk(['batch', EXAMPLE, '-o', batchOut, '-j', '1', '--no-system-fonts']).status).toBe(0);
    const direct = await renderReportBytes(EXAMPLE, readFileSync(EXAMPLE), { formats: ['docx', 'pdf'], systemFonts: false });
    for (const dir of [out, batchOut]) {
      expect(Buffer.compare(readFileSync(join(dir, 'pingluo-kejiju-2021.pdf')), Buffer.from(direct.pdf!))).toBe(0);
      expect(Buffer.compare(readFileSync(join(dir, 'pingluo-kejiju-2021.docx')), Buffer.from(direct.docx!))).toBe(0);
    }
  });

  it("decodes the line breaker's Unicode table with the bundle's stand-ins exactly as the packages do", () => {
    const linebreak = require.resolve('linebreak');
    const packaged = { inflate: require(require.resolve('tiny-inflate', { paths: [require.resolve('unicode-trie')] })), base64: require(require.resolve('base64-js', { paths: [linebreak] })) };
    const inflate = require('../../src/bundle/tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
    const base64 = require('../../src/bundle/base64-js') as { toByteArray: (s: string) => Uint8Array; fromByteArray: (b: Uint8Array) => string };
    const text = /toByteArray\("([A-Za-z0-9+/=]+)"\)/.exec(readFileSync(linebreak, 'utf8'))![1];
    const bytes = base64.toByteArray(text);
    expect(bytes).toEqual(packaged.base64.toByteArray(text));
    expect(base64.fromByteArray(bytes.subarray(3))).toBe(packaged.base64.fromByteArray(bytes.subarray(3)));
    // unicode-trie's layout: a 12-byte header (its length at 8), then the table deflated twice.
    const length = new DataView(bytes.buffer).getUint32(8, true);
    const twice = (f: (s: Uint8Array, d: Uint8Array) => Uint8Array) => f(f(bytes.subarray(12), new Uint8Array(length)), new Uint8Array(length));
    const ours = twice(inflate);
    expect(ours.length).toBe(length);
    expect(Buffer.compare(ours, twice(packaged.inflate))).toBe(0);
  });

  it('runs the separate modules when the bundle is older than them (after tsc alone)', () => {
    const main = join(ROOT, 'dist', 'cli', 'main.js');
    const { atime, mtime } = statSync(main);
    try {
      const later = new Date(statSync(join(BUNDLE_DIR, 'cli.bundle.js')).mtimeMs + 60_000);
      utimesSync(main, later, later);
      const r = xxgk(['rules'], { env: { XXGK_DEBUG: '1' } });
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('dist/cli/main.js');
      expect(r.stderr).not.toContain('cli.bundle.js');
    } finally {
      utimesSync(main, atime, mtime);
    }
  });

  it('compiles normally when the cache does not match the source, and still runs', () => {
    const file = join(tmp.dir, 'tiny.bundle.js');
    const script = compileBundle(file, 'module.exports = { answer: 6 * 7, dir: __dirname };', Buffer.from('not a code cache'));
    expect(script.cachedDataRejected).toBe(true);
    expect(runBundle(script, file)).toEqual({ answer: 42, dir: tmp.dir });
  });
});

import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { compileBundle, runBundle } from '../../src/bundle/load-bundle';
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

  it('finds the bundled yargs its Chinese messages, so help and usage errors stay in Chinese', () => {
    const r = xxgk(['--help']);
    expect(r.stdout).toContain('命令：');
    expect(r.stdout).not.toContain('Commands:');
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

/**
 * The command people type: the package packed as npm packs it (only the `files` of
 * package.json), installed with `npm install -g` into a temporary prefix (never this machine's
 * global folder), runs as `xxgk` from any folder and renders the example to the same bytes as
 * the working copy. Dependencies come from npm's cache when they are there (--prefer-offline).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, ROOT, tempDir, xxgk } from '../support/cli';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const WINDOWS = process.platform === 'win32';

/** The environment without the settings an enclosing `npm test` passes down (its prefix among them). */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  for (const k of Object.keys(env)) if (/^npm_(config_(prefix|global|global_prefix|local_prefix)|lifecycle_|package_)/i.test(k)) delete env[k];
  return env;
}

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(WINDOWS ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', env: npmEnv(), shell: WINDOWS, maxBuffer: 64 << 20 });
}

const explain = (r: SpawnSyncReturns<string>) => `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`;

describe('npm install -g of the packed package (a temporary --prefix)', () => {
  const tmp = tempDir('xxgk-global-');
  afterAll(tmp.cleanup);
  const prefix = join(tmp.dir, 'prefix');
  const bin = WINDOWS ? join(prefix, 'xxgk.cmd') : join(prefix, 'bin', 'xxgk');
  const installed = WINDOWS ? join(prefix, 'node_modules', 'xxgk') : join(prefix, 'lib', 'node_modules', 'xxgk');
  /** Runs the installed command from a folder outside the working copy. */
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(bin, args, { cwd: tmp.dir, encoding: 'utf8', env: { ...npmEnv(), ...env }, shell: WINDOWS, maxBuffer: 64 << 20 });

  beforeAll(() => {
    // The build is already there (npm test builds first): pack it as it is, without `prepare`.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp.dir], ROOT);
    if (pack.status !== 0) throw new Error(`npm pack: ${explain(pack)}`);
    const tarball = join(tmp.dir, (JSON.parse(pack.stdout) as { filename: string }[])[0].filename);
    // The package needs no install step: what it runs is prebuilt in dist/.
    const install = npm(['install', '--global', '--prefix', prefix, tarball, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], tmp.dir);
    if (install.status !== 0) throw new Error(`npm install -g: ${explain(install)}`);
  }, 300_000);

  it('installs the command, and only the packed files (no sources, tests or examples)', () => {
    expect(existsSync(bin)).toBe(true);
    for (const f of ['bin/xxgk.js', 'dist/bundle/cli.bundle.js', 'dist/bundle/cli.bundle.js.cache', 'templates/annual-report/report.hbs', 'fonts/FandolFang-Regular.ttf']) {
      expect({ f, present: existsSync(join(installed, f)) }).toEqual({ f, present: true });
    }
    for (const f of ['src', 'test', 'examples', 'node_modules/typescript']) expect({ f, present: existsSync(join(installed, f)) }).toEqual({ f, present: false });
  });

  it('xxgk --version prints the version, from the installed bundle with its code cache', () => {
    const r = run(['--version'], { XXGK_DEBUG: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    // npm unpacks with the time of unpacking: the bundle must not be taken for an outdated one
    expect(r.stderr).toContain(join(installed, 'dist', 'bundle', 'cli.bundle.js'));
    // The cache is installed with the bundle; V8 may refuse bytecode of another Node (`npm run test:lts`).
    const cache = /"cache":"(\w+)"/.exec(r.stderr)?.[1];
    expect(process.env.XXGK_TEST_CACHE_FROM_OTHER_NODE ? ['accepted', 'rejected'] : ['accepted']).toContain(cache);
  });

  it('xxgk render writes the same PDF and Word file as node bin/xxgk.js in the working copy', () => {
    const out = join(tmp.dir, 'installed');
    const ref = join(tmp.dir, 'working-copy');
    mkdirSync(out);
    const r = run(['render', EXAMPLE, '-o', out, '--no-system-fonts']);
    expect(explain(r)).toMatch(/^exit 0/);
    expect(xxgk(['render', EXAMPLE, '-o', ref, '--no-system-fonts']).status).toBe(0);
    for (const ext of ['pdf', 'docx']) {
      const name = `pingluo-kejiju-2021.${ext}`;
      expect({ name, same: readFileSync(join(out, name)).equals(readFileSync(join(ref, name))) }).toEqual({ name, same: true });
    }
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT } from './cli';

/** The version the archives are named after. */
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The archive `npm run dist` writes for a target, or undefined when it has not been built here. */
export function builtArchive(target: 'linux-x64' | 'linux-arm64' | 'win-x64'): string | undefined {
  const file = join(ROOT, 'dist', `xxgk-${VERSION}-${target}.${target.startsWith('win') ? 'zip' : 'tar.gz'}`);
  return existsSync(file) ? file : undefined;
}

/** Unpacks an archive into `dir` and returns the one folder it holds. */
export function unpack(archive: string, dir: string): string {
  if (archive.endsWith('.zip')) {
    execFileSync(process.execPath, ['-e', UNZIP, archive, dir]);
  } else {
    execFileSync('tar', ['-xzf', archive, '-C', dir]);
  }
  return join(dir, `xxgk-${VERSION}-${archive.match(/-(linux-x64|linux-arm64|win-x64)\./)![1]}`);
}

// JSZip is asynchronous; a child process keeps `unpack` synchronous like tar.
const UNZIP = `
const JSZip = require(${JSON.stringify(join(ROOT, 'node_modules', 'jszip'))});
const fs = require('node:fs'), path = require('node:path');
const [archive, dir] = process.argv.slice(1);
JSZip.loadAsync(fs.readFileSync(archive)).then(async (zip) => {
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const to = path.join(dir, f.name);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, await f.async('nodebuffer'));
  }
});`;

/** The environment with every PATH folder that holds a `node` left out, checked by asking the shell. */
export function envWithoutNode(): NodeJS.ProcessEnv {
  const PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((d) => d && !existsSync(join(d, 'node')))
    .join(delimiter);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH, FORCE_COLOR: '0' };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'NODE_OPTIONS') delete env[k];
  if (spawnSync('sh', ['-c', 'command -v node'], { env }).status === 0) throw new Error('node is still on the PATH');
  return env;
}

/** The Wine that runs 64-bit Windows programs here (Debian's wine64 puts it outside the PATH), or undefined. */
export function wine64(): string | undefined {
  for (const p of ['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine']) if (existsSync(p)) return p;
  return undefined;
}

/** The Windows archive the Wine tests run: the Node 22 check build when there is one (Wine 8 cannot start Node 24), else the shipped one. */
export function wineArchive(): string | undefined {
  const check = join(ROOT, 'dist', 'wine-check', `xxgk-${VERSION}-win-x64.zip`);
  return existsSync(check) ? check : builtArchive('win-x64');
}

/** A Python with fontTools (Debian's python3-fonttools is for /usr/bin/python3), or undefined. */
export function pythonWithFontTools(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) if (spawnSync(py, ['-c', 'import fontTools'], { stdio: 'ignore' }).status === 0) return py;
  return undefined;
}

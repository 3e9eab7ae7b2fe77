#!/usr/bin/env node
'use strict';
// `npm run dist` (after the build): the portable builds, one folder per target packed as
// dist/xxgk-<version>-<target>.zip or .tar.gz. Each folder holds the executable (a Node
// single executable application: the target's Node binary with the CLI's blob injected by
// postject), the files the modules read from disk under app/, the example and 使用说明.txt.
// `node scripts/dist.js linux-x64` builds only the named targets; `--wine-check` builds the
// Windows one with Node 22 into dist/wine-check for the Wine tests (scripts/portable/targets.js
// says why). See docs/PORTABLE.md.
const { execFileSync } = require('node:child_process');
const { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join, resolve } = require('node:path');
const { sourceDateEpoch, writeTarGz, writeZip } = require('./portable/archive');
const { nodeBinary } = require('./portable/node-binary');
const { buildSeaBundles } = require('./portable/sea-bundle');
const { NODE_VERSION, TARGETS, WINE_CHECK_NODE, hostTarget } = require('./portable/targets');
const { usageNote } = require('./portable/usage-note');

const root = resolve(__dirname, '..');
const dist = join(root, 'dist');
const cache = process.env.XXGK_DIST_CACHE || join(root, '.tmp', 'dist-cache');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const EXAMPLE = 'pingluo-kejiju-2021.yaml';
// Fixed in Node's source; postject finds the fuse by it and flips it to say a blob is present.
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** The archive's file name for a target (what `xxgk --version` inside it prints is the same version). */
const archiveName = (target) => `xxgk-${pkg.version}-${target}.${TARGETS[target].archive}`;

/**
 * Writes the blob with the host's Node of the pinned version (the blob must come from the
 * version it is injected into); one blob serves every target. Without V8's code cache: it
 * would start a render about 0.3 s sooner, but it is bytecode for the machine that makes it
 * and differs from build to build, and the archives are to be reproducible.
 */
function makeBlob(hostNode, seaOut) {
  // Paths relative to seaOut: the blob records the main script's path, which must not be the random temporary folder.
  writeFileSync(join(seaOut, 'sea-config.json'), JSON.stringify({ main: 'sea-main.js', output: 'sea.blob', disableExperimentalSEAWarning: true, useCodeCache: false }));
  execFileSync(hostNode, ['--experimental-sea-config', 'sea-config.json'], { cwd: seaOut, stdio: ['ignore', 'ignore', 'inherit'] });
  return readFileSync(join(seaOut, 'sea.blob'));
}

/** Copies what the bundled modules read from disk into `app/` (they look two levels above app/dist/bundle). */
function writeApp(app, seaOut) {
  mkdirSync(join(app, 'dist', 'bundle'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, license: pkg.license }, null, 2) + '\n');
  cpSync(join(root, 'templates'), join(app, 'templates'), { recursive: true });
  cpSync(join(root, 'fonts'), join(app, 'fonts'), { recursive: true });
  cpSync(join(dist, 'locales'), join(app, 'dist', 'locales'), { recursive: true });
  mkdirSync(join(app, 'dist', 'model'), { recursive: true });
  copyFileSync(join(dist, 'model', 'report-schema.json'), join(app, 'dist', 'model', 'report-schema.json'));
  copyFileSync(join(seaOut, 'render-worker.js'), join(app, 'dist', 'bundle', 'render-worker.js'));
  // The preview serves these to the browser (src/preview/server.ts finds them with require.resolve).
  const pdfjs = join(root, 'node_modules', 'pdfjs-dist');
  const to = join(app, 'node_modules', 'pdfjs-dist');
  // Every file the page may load, as the server lists them (the modern and the legacy build).
  const { PDFJS_FILES } = require(join(dist, 'preview', 'server.js'));
  for (const f of ['package.json', 'LICENSE', ...PDFJS_FILES.values()]) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(pdfjs, f), join(to, f));
  }
}

/** Copies the target's Node binary to `exe`, without its Authenticode signature (the injection would break it). */
function copyNode(target, version, exe) {
  const node = nodeBinary(target, version, cache);
  if (!target.startsWith('win')) return copyFileSync(node, exe);
  try {
    execFileSync('osslsigncode', ['remove-signature', '-in', node, '-out', exe], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    throw new Error(`osslsigncode remove-signature failed (${e.code === 'ENOENT' ? 'not installed: apt-get install osslsigncode' : e.message})`);
  }
}

async function main(argv) {
  const wineCheck = argv.includes('--wine-check');
  const version = wineCheck ? WINE_CHECK_NODE : NODE_VERSION;
  const outDir = wineCheck ? join(dist, 'wine-check') : dist;
  const wanted = wineCheck ? ['win-x64'] : argv;
  const targets = wanted.length ? wanted : Object.keys(TARGETS);
  for (const t of targets) if (!TARGETS[t]) throw new Error(`unknown target ${t}; known: ${Object.keys(TARGETS).join(', ')}`);
  const host = hostTarget();
  if (!TARGETS[host]) throw new Error(`the portable builds are made on ${Object.keys(TARGETS).join(' or ')}, not ${host}`);
  const esbuild = require('esbuild');
  const { inject } = require('postject');
  const work = mkdtempSync(join(tmpdir(), 'xxgk-dist-'));
  try {
    const seaOut = join(work, 'js');
    await buildSeaBundles(esbuild, root, seaOut);
    const hostNode = nodeBinary(host, version, cache);
    mkdirSync(outDir, { recursive: true });
    const epoch = sourceDateEpoch(root);
    const blob = makeBlob(hostNode, seaOut);
    for (const target of targets) {
      const t = TARGETS[target];
      const folder = `xxgk-${pkg.version}-${target}`;
      const dir = join(work, 'out', folder);
      mkdirSync(dir, { recursive: true });
      const exe = join(dir, t.exe);
      copyNode(target, version, exe);
      await inject(exe, 'NODE_SEA_BLOB', blob, { sentinelFuse: SEA_FUSE });
      chmodSync(exe, 0o755);
      writeApp(join(dir, 'app'), seaOut);
      copyFileSync(join(root, 'examples', EXAMPLE), join(dir, EXAMPLE));
      writeFileSync(join(dir, '使用说明.txt'), usageNote(target, pkg.version));
      const archive = join(outDir, archiveName(target));
      if (t.archive === 'zip') writeZip(join(work, 'out'), folder, archive, epoch);
      else writeTarGz(join(work, 'out'), folder, archive, epoch);
      process.stdout.write(`${archive}（Node ${version}）\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`dist failed: ${e.message}\n`);
  process.exit(1);
});

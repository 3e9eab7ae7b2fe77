'use strict';
// The archives, reproducible: entries in name order, one fixed time (the commit's, or
// SOURCE_DATE_EPOCH), no owner names, normalised modes and gzip without a timestamp, so the
// same commit gives the same bytes. GNU tar does the tar (its sorting and pax options);
// the zip is written with JSZip, which stores times in UTC.
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { gzipSync } = require('node:zlib');

/** The archives' file time in seconds: SOURCE_DATE_EPOCH, else the last commit's, else 2000-01-01. */
function sourceDateEpoch(root) {
  if (/^\d+$/.test(process.env.SOURCE_DATE_EPOCH ?? '')) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return 946684800;
  }
}

/** Every file under `dir`, as paths relative to `base` with `/`, in code-point order. */
function filesUnder(dir, base) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, base));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

/** Writes `parent/folder` as a .tar.gz holding that one folder. */
function writeTarGz(parent, folder, outFile, epoch) {
  const tar = execFileSync(
    'tar',
    ['--sort=name', `--mtime=@${epoch}`, '--owner=0', '--group=0', '--numeric-owner', '--mode=u+rwX,go+rX,go-w', '--format=gnu', '-cf', '-', '-C', parent, folder],
    { maxBuffer: 1 << 30, env: { ...process.env, LC_ALL: 'C' } },
  );
  writeFileSync(outFile, gzipSync(tar, { level: 9 }));
}

/** Writes `parent/folder` as a .zip holding that one folder. */
async function writeZip(JSZip, parent, folder, outFile, epoch) {
  const zip = new JSZip();
  const date = new Date(epoch * 1000);
  for (const rel of filesUnder(join(parent, folder), parent)) {
    zip.file(rel, readFileSync(join(parent, rel)), { date, createFolders: false });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
  writeFileSync(outFile, bytes);
}

module.exports = { filesUnder, sourceDateEpoch, writeTarGz, writeZip };

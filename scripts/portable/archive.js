'use strict';
// The archives, reproducible: entries in name order, one fixed time (the commit's, or
// SOURCE_DATE_EPOCH), no owner names, normalised modes and gzip without a timestamp, so the
// same commit gives the same bytes. GNU tar does the tar (its sorting and pax options);
// the zip is written here with zlib (a pure-JS deflate of the 100 MB executable takes minutes).
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

/** The MS-DOS date and time fields of a Unix time (UTC, so the bytes do not depend on the zone). */
function dosTime(epoch) {
  const d = new Date(Math.max(epoch, 315532800) * 1000);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Writes `parent/folder` as a .zip holding that one folder: deflated entries with UTF-8
 * names (flag bit 11, which Explorer and unzip honour), no extra fields, one time.
 */
function writeZip(parent, folder, outFile, epoch) {
  // The project's reproducible zip writer (src/util/zip-writer.ts, built into dist/ before this runs).
  const { zip } = require('../../dist/util/zip-writer.js');
  const entries = filesUnder(join(parent, folder), parent).map((rel) => ({ path: rel, data: readFileSync(join(parent, rel)) }));
  writeFileSync(outFile, zip(entries, dosTime(epoch), { level: 9, utf8Names: 'always' }));
}

module.exports = { filesUnder, sourceDateEpoch, writeTarGz, writeZip };

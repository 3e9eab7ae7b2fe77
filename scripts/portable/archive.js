'use strict';
// The archives, reproducible: entries in name order, one fixed time (the commit's, or
// SOURCE_DATE_EPOCH), no owner names, normalised modes and gzip without a timestamp, so the
// same commit gives the same bytes. GNU tar does the tar (its sorting and pax options);
// the zip is written here with zlib (a pure-JS deflate of the 100 MB executable takes minutes).
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { crc32, deflateRawSync, gzipSync } = require('node:zlib');

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
  const { time, date } = dosTime(epoch);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const rel of filesUnder(join(parent, folder), parent)) {
    const data = readFileSync(join(parent, rel));
    const packed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(rel, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(outFile, Buffer.concat([...locals, dir, end]));
}

module.exports = { filesUnder, sourceDateEpoch, writeTarGz, writeZip };

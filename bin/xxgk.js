#!/usr/bin/env node
'use strict';
// The build bundles the CLI into one file with a V8 code cache (dist/bundle/); a build
// without it (tsc alone, or no esbuild) runs from the separate modules.
const { join } = require('node:path');
const { bundleIsStale, loadBundle, lastBundleLoad } = require('../dist/bundle/load-bundle.js');
const { endQuietlyOnClosedPipe, finish } = require('../dist/cli/process-end.js');

endQuietlyOnClosedPipe();
const modules = join(__dirname, '..', 'dist', 'cli', 'main.js');
const cli = (!bundleIsStale('cli', modules) && loadBundle('cli')) || require(modules);
if (process.env.XXGK_DEBUG) process.stderr.write(`xxgk: 启动方式 ${JSON.stringify(lastBundleLoad() || { file: modules })}\n`);
cli.main(process.argv.slice(2)).then(finish);

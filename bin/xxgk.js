#!/usr/bin/env node
'use strict';
// The build bundles the CLI into one file with a V8 code cache (dist/bundle/); a build
// without it (tsc alone) still runs, from the separate modules.
const { loadBundle, lastBundleLoad } = require('../dist/bundle/load-bundle.js');
const cli = loadBundle('cli') || require('../dist/cli/main.js');
if (process.env.XXGK_DEBUG) process.stderr.write(`xxgk: 启动方式 ${JSON.stringify(lastBundleLoad() || { file: 'dist/cli/main.js' })}\n`);
cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

'use strict';
// The JavaScript of the portable builds: the CLI as one file for the single executable's
// blob and the batch worker as one file shipped beside it. Unlike scripts/bundle.js nothing
// is left external: inside a single executable `require` reaches only Node's built-ins, so
// every package a command uses, including ones added later, must be in the bundle.
const { join } = require('node:path');

/**
 * Runs first in the executable. Node gives its main script the executable's folder as
 * `__dirname` and a `require` for built-ins only; the modules find templates, fonts and
 * package.json two levels above their own folder, so the bundle is made to sit in
 * app/dist/bundle beside the executable, and `require` resolves from there (pdf.js, which
 * the preview serves to the browser and never runs, is found in app/node_modules).
 */
const SEA_BANNER = [
  '__dirname = require("node:path").join(require("node:path").dirname(process.execPath), "app", "dist", "bundle");',
  '__filename = require("node:path").join(__dirname, "cli.js");',
  'require = require("node:module").createRequire(__filename);',
].join('\n');

/** Bundles `dist/bundle/sea-main.js` (the executable's entry) and the worker into `outDir`. */
async function buildSeaBundles(esbuild, root, outDir) {
  // pdf.js is only located (require.resolve) to be served to the browser, never run here.
  const common = { external: ['pdfjs-dist/package.json'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'inline', charset: 'utf8' };
  await esbuild.build({ ...common, entryPoints: [join(root, 'dist', 'bundle', 'sea-main.js')], outfile: join(outDir, 'sea-main.js'), banner: { js: SEA_BANNER } });
  // The worker is a file on disk run by worker_threads, with Node's own `require`.
  await esbuild.build({ ...common, entryPoints: [join(root, 'dist', 'batch', 'render-worker.js')], outfile: join(outDir, 'render-worker.js') });
}

module.exports = { SEA_BANNER, buildSeaBundles };

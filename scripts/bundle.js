#!/usr/bin/env node
'use strict';
// Build step, after tsc: bundles the CLI and the batch worker each into one file in
// dist/bundle/ with esbuild, then writes a V8 code cache for each after a warm-up render
// of the example, so a fresh `xxgk` process skips resolving ~100 modules and compiling
// the functions a render runs (about a quarter of a cold render; see README).
// dist/bundle/load-bundle.js (from src/bundle/) loads them; bin/xxgk.js goes through it.
const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const dist = join(root, 'dist');
const example = join(root, 'examples', 'pingluo-kejiju-2021.yaml');
const { bundleFile, codeCacheFile, compileBundle, readBundleSource, runBundle } = require(join(dist, 'bundle', 'load-bundle.js'));

// A bundle left from an earlier build would run old code: remove it before anything else.
for (const name of ['cli', 'render-worker']) for (const f of [bundleFile(name), codeCacheFile(name)]) rmSync(f, { force: true });

// esbuild is a native binary from an optional package; where it could not be installed,
// xxgk runs from the separate modules (bin/xxgk.js falls back), slower to start but the same.
let esbuild;
try {
  esbuild = require('esbuild');
} catch (e) {
  process.stderr.write(`xxgk 构建：esbuild 不可用（${e.message.split('\n')[0]}），跳过打包；命令行照常可用，只是启动慢一些。\n`);
  process.exit(0);
}

// Loaded from node_modules when needed instead of bundled: yargs reads its Chinese
// messages from its own folder; cli-progress only serves batch; handlebars' compiler
// only an edited template copy (the runtime is bundled); TypeBox only a build without the
// generated schema; pdfjs-dist is served to the browser, not run; exceljs only writes workbooks
// (init/convert to .xlsx), so it stays out of the bundle and off the start-up path. The
// importer's parsers (fflate, htmlparser2) load from node_modules only when `xxgk import` (or
// `validate --previous` with a .docx/.html) runs, so a render does not even parse them.
const EXTERNAL = new Set(['cli-progress', 'handlebars', '@sinclair/typebox', 'pdfjs-dist/package.json', 'exceljs', 'fflate', 'htmlparser2']);
const externals = {
  name: 'xxgk-externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (EXTERNAL.has(args.path) ? { path: args.path, external: true } : undefined));
  },
};

// Packages the bundle takes from dist/bundle/ instead, doing the same with Node's own code:
// the line breaker's Unicode table is base64 text, deflated twice, decoded when the layout is
// first loaded; in JavaScript that no run has optimised yet, that was a fifth of a fresh render.
const SUBSTITUTES = { 'tiny-inflate': join(dist, 'bundle', 'tiny-inflate.js'), 'base64-js': join(dist, 'bundle', 'base64-js.js') };
const substitutes = {
  name: 'xxgk-substitutes',
  setup(build) {
    build.onResolve({ filter: /^(tiny-inflate|base64-js)$/ }, (args) => ({ path: SUBSTITUTES[args.path] }));
  },
};

/**
 * A plugin that replaces the one occurrence of `from` in the package file matching `file` by
 * `to`, and appends `after`. A file without exactly one (the package changed) is bundled as it
 * is, with a warning: each patch only saves time.
 */
function patchOnce(name, file, from, to, after = '') {
  return {
    name,
    setup(build) {
      build.onLoad({ filter: file }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (source.split(from).length !== 2) {
          process.stderr.write(`xxgk 构建：${args.path} 中没有找到唯一的 ${from}，未做替换（只影响速度）\n`);
          return undefined;
        }
        return { contents: source.replace(from, () => to) + after, loader: 'js' };
      });
    },
  };
}

// yaml's parser reads process.env.LOG_TOKENS (a debugging switch) for every token, and reading
// the environment is a call into the runtime each time: about a third of parsing a report.
// The bundle reads it once, when the module loads.
const yamlEnvOnce = patchOnce(
  'xxgk-yaml-env-once',
  /[\\/]node_modules[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/,
  'node_process.env.LOG_TOKENS',
  'LOG_TOKENS',
  '\nvar LOG_TOKENS = node_process.env.LOG_TOKENS;\n',
);

// After every command's handler, yargs renders the whole help text and keeps it, for a handler
// that might ask for it later (about 5 ms of a fresh render). xxgk's handlers never do: a
// failure goes through main's own fail(), which prints one line and never the help.
const yargsNoHelpCache = patchOnce(
  'xxgk-yargs-no-help-cache',
  /[\\/]node_modules[\\/]yargs[\\/]build[\\/]index\.cjs$/,
  't||r.getInternalMethods().getUsageInstance().cacheHelpMessage(),',
  '',
);

const ENTRIES = { cli: join(dist, 'cli', 'main.js'), 'render-worker': join(dist, 'batch', 'render-worker.js') };

/**
 * The bundle with every non-ASCII character written as a \u escape. esbuild escapes them in
 * strings but leaves them in regular expressions and comments (the validator's Chinese
 * patterns), and one such character makes the whole 1.5 MB source a two-byte string,
 * decoded from UTF-8 at every start and held in twice the memory (readBundleSource in
 * src/bundle/load-bundle.ts gives the times). A \u escape means the same UTF-16 unit in a
 * string, a template, a regular expression (with or without the u flag, in a class or not)
 * and an identifier; only a character written after a backslash would change meaning, so the
 * build refuses that.
 */
function asciiOnly(source, name) {
  return source.replace(/(\\*)([^\x00-\x7f])/g, (match, backslashes, ch) => {
    if (backslashes.length % 2) throw new Error(`${name} bundle: a non-ASCII character after a backslash (${JSON.stringify(match)}) cannot be escaped`);
    return `${backslashes}\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Runs `fn` with stdout and stderr silenced (the warm-up render prints its result). */
async function quietly(fn) {
  const out = process.stdout.write, err = process.stderr.write;
  process.stdout.write = process.stderr.write = () => true;
  try {
    return await fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

async function build() {
  // Bundled yargs looks for its messages in `../locales` from the bundle: dist/locales.
  cpSync(join(root, 'node_modules', 'yargs', 'locales'), join(dist, 'locales'), { recursive: true });
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const built = await esbuild.build({
      entryPoints: [entry],
      outfile: bundleFile(name),
      write: false,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      plugins: [externals, substitutes, yamlEnvOnce, yargsNoHelpCache],
      logLevel: 'warning',
      legalComments: 'inline',
    });
    writeFileSync(bundleFile(name), asciiOnly(built.outputFiles[0].text, name));
  }
  const scratch = mkdtempSync(join(tmpdir(), 'xxgk-bundle-'));
  try {
    // The worker: one render in this thread, written as a batch writes it (its message
    // handler is inert without a parent).
    await writeCodeCache('render-worker', async (worker) => {
      const r = await worker.renderTask({ file: example, settings: { formats: ['docx', 'pdf'] }, out: { dir: scratch, name: 'warm-up' } });
      if (r.status !== 'ok') throw new Error(`warm-up render failed: ${JSON.stringify(r.diagnostics.slice(0, 2))}`);
    });
    // The CLI: the commands a user runs most, as a user runs them.
    await writeCodeCache('cli', async (cli) => {
      const codes = await quietly(async () => [
        await cli.main(['validate', example]),
        await cli.main(['render', example, '-o', scratch]),
      ]);
      if (codes.some((c) => c !== 0)) throw new Error(`warm-up commands exited ${codes.join(', ')}`);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Compiles a bundle, runs `warmUp` on its exports, and saves the bytecode V8 then holds. */
async function writeCodeCache(name, warmUp) {
  const file = bundleFile(name);
  const script = compileBundle(file, readBundleSource(file));
  await warmUp(runBundle(script, file));
  writeFileSync(codeCacheFile(name), script.createCachedData());
}

build().catch((e) => {
  process.stderr.write(`bundle failed: ${e.stack || e}\n`);
  process.exit(1);
});

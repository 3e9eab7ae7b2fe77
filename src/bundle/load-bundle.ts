import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The entry points that scripts/bundle.js bundles into this folder. */
export type BundleName = 'cli' | 'render-worker';

/** How the last bundle was loaded: whether V8 accepted the code cache written at build time. */
export interface BundleLoad {
  file: string;
  cache: 'accepted' | 'rejected' | 'missing';
}

/**
 * True when the bundle is missing or, in a working copy (src/ beside dist/), older than
 * `source` (a module it was built from): after `tsc` alone, the bundle would run old code,
 * so the separate modules are used.
 */
export function bundleIsStale(name: BundleName, source: string): boolean {
  try {
    const bundle = statSync(bundleFile(name));
    // An installed package (npm install -g of a packed copy) has no src/ and is never rebuilt
    // in place; npm unpacks it with the time of unpacking, file after file, so there the
    // bundle can look older than the modules it was built from.
    if (!existsSync(join(__dirname, '..', '..', 'src'))) return false;
    return bundle.mtimeMs < statSync(source).mtimeMs;
  } catch {
    return true;
  }
}

/** The bundle's file, next to this module in dist/bundle/. */
export const bundleFile = (name: BundleName): string => join(__dirname, `${name}.bundle.js`);

/** The code cache that scripts/bundle.js writes beside a bundle. */
export const codeCacheFile = (name: BundleName): string => `${bundleFile(name)}.cache`;

let lastLoad: BundleLoad | undefined;

/** How the last `loadBundle` went (for tests and `XXGK_DEBUG`). */
export const lastBundleLoad = (): BundleLoad | undefined => lastLoad;

/**
 * Runs a bundle as a CommonJS module and returns its exports, or undefined when the build
 * made no bundle. A fresh process spends most of its time compiling JavaScript; the code
 * cache (V8 bytecode of every function the build's warm-up render ran) skips that. V8
 * checks the cache against the source and its own version and flags, and compiles
 * normally when it does not match, so a stale cache costs time, never correctness.
 */
export function loadBundle(name: BundleName): unknown {
  const file = bundleFile(name);
  let source: string;
  try {
    source = readBundleSource(file);
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(name));
  } catch {
    cachedData = undefined;
  }
  const script = compileBundle(file, source, cachedData);
  lastLoad = { file, cache: cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted' };
  return runBundle(script, file);
}

/**
 * A bundle's text. scripts/bundle.js writes it in ASCII, which reads as Latin-1 faster than
 * as UTF-8 (the CLI's 1.5 MB here: 12 against 18 ms, and 23 before it was ASCII); a bundle
 * that is not ASCII after all is decoded as UTF-8.
 */
export function readBundleSource(file: string): string {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** Compiles a bundle's source wrapped as a CommonJS module function. */
export function compileBundle(file: string, source: string, cachedData?: Buffer): Script {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  return new Script(wrapped, { filename: file, cachedData });
}

/** Runs a compiled bundle with its own `require`, `module` and `__dirname`, returning its exports. */
export function runBundle(script: Script, file: string): unknown {
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dir: string) => void;
  const mod = { exports: {} as unknown };
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  return mod.exports;
}

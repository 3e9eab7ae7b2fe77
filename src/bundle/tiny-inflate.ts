/**
 * The bundle's stand-in for the `tiny-inflate` package (esbuild resolves it here; see
 * scripts/bundle.js): the same call, done by zlib. Its one user, the line breaker's Unicode
 * table, inflates about 60 KB when the layout is first loaded, which JavaScript not yet
 * optimised took a fifth of a fresh render to do.
 */
import { inflateRawSync } from 'node:zlib';

/** Inflates raw DEFLATE `source` into `dest`; returns `dest`, or a copy of its filled part when shorter. */
function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
}

export = inflate;

/**
 * The compressed FontFile2 stream of a TrueType subset, mostly assembled from cached pieces.
 *
 * A zlib stream may be built from raw-deflate pieces that each end with a sync flush
 * (byte-aligned, not final, and referring to nothing before themselves): the zlib header,
 * the pieces in order, a final empty block, and the Adler-32 of all uncompressed bytes,
 * which is combined from the pieces' own checksums.
 *
 * The subset (see src/fonts/truetype-subset) lays glyf out last. Its records are grouped
 * into chunks by original glyph id (256 ids per chunk), each chunk compressed once per face
 * and cached under its exact list of glyphs; a document repeating the glyphs of an earlier
 * one (the same report again, a batch of similar reports, a preview after an edit) then
 * costs no compression for them. A face whose subset glyf is small (title, headings, page
 * numbers) is one chunk. The directory and the other tables, which depend on the whole
 * glyph set, are compressed every time (a few KB).
 *
 * Size, measured on the example report: about 2.5 % larger than compressing each subset in one
 * go at level 9 (per-glyph pieces were 16 % larger: each piece pays its own Huffman tables
 * and loses the matches between glyphs).
 */
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import type { TrueTypeFont } from '../../fonts/truetype';
import { padded, type TrueTypeSubset } from '../../fonts/truetype-subset';
import { sizedZlib } from './objects';

/** Original glyph ids per chunk (a power of two). */
export const CHUNK_GIDS = 256;
/** A subset glyf smaller than this is compressed as one chunk. */
export const SMALL_GLYF = 32 * 1024;
/** Compressed bytes kept per face; the least recently used chunks go first. */
export const CACHE_BYTES_PER_FACE = 4 << 20;

/**
 * Glyph chunks: level 6 takes half the time of level 9 for 0.6 % more bytes, and the time
 * counts: a fresh process (one render) and every chunk a new text touches pay it.
 */
const CHUNK = { level: 6, memLevel: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH };
// CMF deflate with a 32 KB window; FLG says "default compression" (level 6), as the chunks are.
const ZLIB_HEADER = new Uint8Array([0x78, 0x9c]);
/** A final fixed-Huffman block holding only its end code. */
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

const BASE = 65521;

/** Adler-32 of `b`, continuing from `adler` (1 for a fresh start). */
export function adler32(b: Uint8Array, adler = 1): number {
  let a = adler & 0xffff;
  let s = adler >>> 16;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const end = Math.min(n, i + 5552); // the most bytes before the sums may overflow 2^32
    for (; i < end; i++) {
      a += b[i];
      s += a;
    }
    a %= BASE;
    s %= BASE;
  }
  return ((s << 16) | a) >>> 0;
}

/** Adler-32 of the concatenation A‖B from adler(A), adler(B) and B's length (zlib's adler32_combine). */
export function adler32Combine(adler1: number, adler2: number, len2: number): number {
  const rem = len2 % BASE;
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (adler2 & 0xffff) + BASE - 1;
  sum2 += (adler1 >>> 16) + (adler2 >>> 16) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= 2 * BASE) sum2 -= 2 * BASE;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** A compressed piece: raw deflate ending with a sync flush, with what its uncompressed bytes were. */
export interface Piece {
  deflated: Uint8Array;
  adler: number;
  length: number;
}

/**
 * Compresses `data` as one piece: with `CHUNK` settings for glyph data (cached), else
 * level 9 with a window sized to the data (the tables before glyf, a few KB, every time).
 */
export function piece(data: Uint8Array, chunk = false): Piece {
  const options = chunk ? CHUNK : { ...sizedZlib(data.length, 9), finishFlush: zlibConstants.Z_SYNC_FLUSH };
  const deflated = deflateRawSync(data, options);
  // zlib's answer is a view of its 16 KB output buffer: a cached chunk of 2 KB kept the other
  // 14 KB alive with it, which the cache's byte count did not see. Cached pieces own their bytes.
  const own = chunk && deflated.byteLength < deflated.buffer.byteLength ? new Uint8Array(deflated) : deflated;
  return { deflated: own, adler: adler32(data), length: data.length };
}

/** The zlib stream of pieces in order. */
export function joinPieces(pieces: readonly Piece[]): Uint8Array {
  let adler = 1;
  let size = ZLIB_HEADER.length + FINAL_BLOCK.length + 4;
  for (const p of pieces) {
    adler = adler32Combine(adler, p.adler, p.length);
    size += p.deflated.length;
  }
  const out = new Uint8Array(size);
  out.set(ZLIB_HEADER, 0);
  let at = ZLIB_HEADER.length;
  for (const p of pieces) {
    out.set(p.deflated, at);
    at += p.deflated.length;
  }
  out.set(FINAL_BLOCK, at);
  at += FINAL_BLOCK.length;
  new DataView(out.buffer).setUint32(at, adler);
  return out;
}

interface ChunkCache {
  map: Map<string, Piece>;
  bytes: number;
}
const caches = new WeakMap<TrueTypeFont, ChunkCache>();

/** Statistics of the chunk cache, for tests and measurements. */
export const chunkStats = { hits: 0, misses: 0 };

function cacheOf(font: TrueTypeFont): ChunkCache {
  let c = caches.get(font);
  if (!c) caches.set(font, (c = { map: new Map(), bytes: 0 }));
  return c;
}

function concatRecords(records: readonly Uint8Array[], from: number, to: number): Uint8Array {
  let n = 0;
  for (let i = from; i < to; i++) n += padded(records[i].length);
  const out = new Uint8Array(n);
  let at = 0;
  for (let i = from; i < to; i++) {
    out.set(records[i], at);
    at += padded(records[i].length);
  }
  return out;
}

/**
 * The glyf chunks of a subset as [from, to) ranges of new glyph ids: one range when the
 * glyf is small, else one per block of `CHUNK_GIDS` original ids.
 */
export function glyfChunks(subset: TrueTypeSubset): Array<[number, number]> {
  const n = subset.records.length;
  let total = 0;
  for (const r of subset.records) total += padded(r.length);
  if (total < SMALL_GLYF) return n ? [[0, n]] : [];
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || Math.floor(subset.oldGids[i] / CHUNK_GIDS) !== Math.floor(subset.oldGids[from] / CHUNK_GIDS)) {
      out.push([from, i]);
      from = i;
    }
  }
  return out;
}

/**
 * The zlib-compressed font program of `subset` (a subset of `font`) and its length
 * uncompressed (the FontFile2 stream's Length1).
 */
export function compressFontProgram(font: TrueTypeFont, subset: TrueTypeSubset): { data: Uint8Array; length: number } {
  const pieces: Piece[] = [piece(subset.prefix)];
  const cache = cacheOf(font);
  for (const [from, to] of glyfChunks(subset)) {
    let cacheable = true;
    for (let i = from; i < to; i++) if (subset.patched[i]) cacheable = false;
    if (!cacheable) {
      pieces.push(piece(concatRecords(subset.records, from, to), true));
      continue;
    }
    const key = subset.oldGids.slice(from, to).join(',');
    let p = cache.map.get(key);
    if (p) {
      chunkStats.hits++;
      cache.map.delete(key); // most recently used last
    } else {
      chunkStats.misses++;
      p = piece(concatRecords(subset.records, from, to), true);
      cache.bytes += p.deflated.length;
      for (const [k, old] of cache.map) {
        if (cache.bytes <= CACHE_BYTES_PER_FACE) break;
        cache.map.delete(k);
        cache.bytes -= old.deflated.length;
      }
    }
    cache.map.set(key, p);
    pieces.push(p);
  }
  return { data: joinPieces(pieces), length: subset.length };
}

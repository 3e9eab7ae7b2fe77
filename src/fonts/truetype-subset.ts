/**
 * Our own TrueType subsetter, for PDF embedding (CIDFontType2 with a CIDToGIDMap).
 *
 * For the code points asked it collects their glyphs, .notdef (with its outline) and,
 * recursively, the components of composite glyphs; gives them compact new glyph ids in a
 * stable order (0 = .notdef, then ascending original gid); and lays out a minimal valid
 * font: head (long loca, checksum adjustment), hhea and maxp (counts updated), hmtx, loca,
 * glyf (records copied verbatim and padded to 4 bytes; composite component ids remapped),
 * cvt/fpgm/prep when present, post format 3, a cmap (format 4, plus 12 beyond the BMP),
 * OS/2 and name copied. Table checksums are correct and the output is deterministic.
 *
 * The glyf table is laid out last and kept as a list of records, so the PDF writer can
 * stream its compressed form from per-face caches instead of compressing it every time.
 */
import type { TrueTypeFont } from './truetype';

/** Sum of big-endian 32-bit words, the last one zero-padded (the sfnt table checksum). */
export function checksum(b: Uint8Array, sum = 0): number {
  const n = b.length & ~3;
  let i = 0;
  for (; i < n; i += 4) sum = (sum + ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3])) >>> 0;
  if (i < b.length) {
    let w = 0;
    for (let k = 0; k < 4; k++) w = (w << 8) | (i + k < b.length ? b[i + k] : 0);
    sum = (sum + w) >>> 0;
  }
  return sum >>> 0;
}

/** Length of a record once padded to 4 bytes. */
export function padded(n: number): number {
  return (n + 3) & ~3;
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Offsets (within the record) of the glyph index of each component of a composite glyph; [] for a simple glyph. */
export function componentOffsets(record: Uint8Array): number[] {
  if (record.length < 10 || ((record[0] << 8) | record[1]) < 0x8000) return [];
  const out: number[] = [];
  let p = 10;
  for (;;) {
    if (p + 4 > record.length) break;
    const flags = (record[p] << 8) | record[p + 1];
    out.push(p + 2);
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return out;
}

/** A TrueType subset: the tables before glyf as bytes, glyf as records. */
export interface TrueTypeSubset {
  /** Code point → new glyph id, for the code points the font maps. */
  glyphIds: Map<number, number>;
  /** Original glyph id of every new glyph id. */
  oldGids: number[];
  /** Table directory and every table but glyf, each padded to 4 bytes: the font's first bytes. */
  prefix: Uint8Array;
  /** glyf records in new-gid order, unpadded (the font pads each to 4 bytes with zeros). */
  records: Uint8Array[];
  /** True for a record that differs from the source (a composite whose component ids were remapped). */
  patched: boolean[];
  /** Length of the whole font program. */
  length: number;
}

/** Per face: checksum of each glyph record as stored (padded), computed once. */
const recordSums = new WeakMap<TrueTypeFont, Map<number, number>>();

function recordChecksum(font: TrueTypeFont, gid: number, record: Uint8Array): number {
  let m = recordSums.get(font);
  if (!m) recordSums.set(font, (m = new Map()));
  let s = m.get(gid);
  if (s === undefined) m.set(gid, (s = checksum(record)));
  return s;
}

function u16(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >> 8) & 0xff;
  b[at + 1] = v & 0xff;
}

function u32(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 24) & 0xff;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

/** Segments of a format 4 subtable: runs of code points, delta-coded when the glyph ids run too. */
function cmapFormat4(pairs: ReadonlyArray<readonly [number, number]>): Uint8Array | undefined {
  const bmp = pairs.filter(([cp]) => cp <= 0xfffe);
  type Seg = { start: number; end: number; gids: number[] };
  const segs: Seg[] = [];
  for (const [cp, gid] of bmp) {
    const last = segs[segs.length - 1];
    // Bridging a gap of up to 3 unmapped code points costs fewer bytes than a new segment.
    if (last && cp - last.end <= 4) {
      for (let c = last.end + 1; c < cp; c++) last.gids.push(0);
      last.gids.push(gid);
      last.end = cp;
    } else segs.push({ start: cp, end: cp, gids: [gid] });
  }
  const useDelta = segs.map((s) => s.gids.every((g, i) => g !== 0 && g - s.gids[0] === i));
  const segCount = segs.length + 1;
  const arrayLen = segs.reduce((n, s, i) => n + (useDelta[i] ? 0 : s.gids.length), 0);
  const length = 16 + 8 * segCount + 2 * arrayLen;
  if (length > 0xffff) return undefined;
  const b = new Uint8Array(length);
  let log2 = 0;
  while (2 << log2 <= segCount) log2++;
  const searchRange = 2 * (1 << log2);
  u16(b, 0, 4);
  u16(b, 2, length);
  u16(b, 6, 2 * segCount);
  u16(b, 8, searchRange);
  u16(b, 10, log2);
  u16(b, 12, 2 * segCount - searchRange);
  const ends = 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const ranges = deltas + 2 * segCount;
  let array = ranges + 2 * segCount;
  segs.forEach((s, i) => {
    u16(b, ends + 2 * i, s.end);
    u16(b, starts + 2 * i, s.start);
    if (useDelta[i]) {
      u16(b, deltas + 2 * i, (s.gids[0] - s.start) & 0xffff);
    } else {
      u16(b, ranges + 2 * i, array - (ranges + 2 * i));
      for (const g of s.gids) {
        u16(b, array, g);
        array += 2;
      }
    }
  });
  const last = segs.length;
  u16(b, ends + 2 * last, 0xffff);
  u16(b, starts + 2 * last, 0xffff);
  u16(b, deltas + 2 * last, 1);
  return b;
}

/** A format 12 subtable: groups of consecutive code points with consecutive glyph ids. */
function cmapFormat12(pairs: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const groups: Array<[number, number, number]> = [];
  for (const [cp, gid] of pairs) {
    const g = groups[groups.length - 1];
    if (g && cp === g[1] + 1 && gid === g[2] + (cp - g[0])) g[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const b = new Uint8Array(16 + 12 * groups.length);
  u16(b, 0, 12);
  u32(b, 4, b.length);
  u32(b, 12, groups.length);
  groups.forEach(([s, e, g], i) => {
    u32(b, 16 + 12 * i, s);
    u32(b, 20 + 12 * i, e);
    u32(b, 24 + 12 * i, g);
  });
  return b;
}

/** A cmap with a (3,1) format 4 subtable and, when a code point lies beyond the BMP (or format 4 would overflow), a (3,10) format 12. */
export function buildCmap(pairs: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const f4 = cmapFormat4(pairs);
  const f12 = !f4 || pairs.some(([cp]) => cp > 0xffff) ? cmapFormat12(pairs) : undefined;
  const subs: Array<[number, number, Uint8Array]> = [];
  if (f4) subs.push([3, 1, f4]);
  if (f12) subs.push([3, 10, f12]);
  const header = 4 + 8 * subs.length;
  const b = new Uint8Array(header + subs.reduce((n, s) => n + s[2].length, 0));
  u16(b, 2, subs.length);
  let at = header;
  subs.forEach(([p, e, data], i) => {
    u16(b, 4 + 8 * i, p);
    u16(b, 6 + 8 * i, e);
    u32(b, 8 + 8 * i, at);
    b.set(data, at);
    at += data.length;
  });
  return b;
}

/**
 * What the subset is for: a font file of its own (`standalone`, with cmap, name and post),
 * or a PDF CIDFontType2 program (`pdf`), where glyphs are chosen by CIDToGIDMap and the name
 * is in the font descriptor, so cmap, name and post are left out (ISO 32000-1 §9.9 requires
 * only head, hhea, loca, maxp, cvt, prep, glyf, hmtx and fpgm). OS/2 stays: its fsType tells
 * readers and preflight tools the font's embedding permissions.
 */
export type SubsetPurpose = 'standalone' | 'pdf';

/**
 * Subsets `font` to the glyphs of `codePoints` (code points it lacks are ignored; .notdef
 * is always kept with its outline).
 */
export function subsetTrueType(font: TrueTypeFont, codePoints: Iterable<number>, purpose: SubsetPurpose = 'standalone'): TrueTypeSubset {
  const direct: Array<[number, number]> = [];
  const wanted = new Set<number>([0]);
  for (const cp of codePoints) {
    const g = font.glyphId(cp);
    if (g === 0) continue;
    direct.push([cp, g]);
    wanted.add(g);
  }
  font.prefetch([...wanted]);
  // Composite closure: components of composites, recursively (a cycle ends at a glyph already seen).
  const queue = [...wanted];
  while (queue.length) {
    const rec = font.glyphRecord(queue.pop()!);
    for (const at of componentOffsets(rec)) {
      const c = (rec[at] << 8) | rec[at + 1];
      if (c < font.numGlyphs && !wanted.has(c)) {
        wanted.add(c);
        queue.push(c);
      }
    }
  }
  const oldGids = [...wanted].sort((a, b) => a - b);
  const newGid = new Map<number, number>();
  oldGids.forEach((g, i) => newGid.set(g, i));
  const n = oldGids.length;

  const records: Uint8Array[] = [];
  const patched: boolean[] = [];
  let glyfLength = 0;
  let glyfSum = 0;
  for (const g of oldGids) {
    let rec = font.glyphRecord(g);
    const comps = componentOffsets(rec);
    if (comps.length) {
      rec = new Uint8Array(rec);
      for (const at of comps) u16(rec, at, newGid.get((rec[at] << 8) | rec[at + 1]) ?? 0);
      glyfSum = (glyfSum + checksum(rec)) >>> 0;
      patched.push(true);
    } else {
      glyfSum = (glyfSum + recordChecksum(font, g, rec)) >>> 0;
      patched.push(false);
    }
    records.push(rec);
    glyfLength += padded(rec.length);
  }

  // Tables other than glyf.
  const tables = new Map<string, Uint8Array>();
  const head = new Uint8Array(font.headerTable('head')!.subarray(0, 54));
  u32(head, 8, 0); // checkSumAdjustment, set below
  u16(head, 50, 1); // indexToLocFormat: long
  tables.set('head', head);
  const hhea = new Uint8Array(font.headerTable('hhea')!.subarray(0, 36));
  u16(hhea, 34, n);
  tables.set('hhea', hhea);
  const maxp = new Uint8Array(font.headerTable('maxp')!);
  u16(maxp, 4, n);
  tables.set('maxp', maxp);
  const hmtx = new Uint8Array(4 * n);
  const loca = new Uint8Array(4 * (n + 1));
  let off = 0;
  for (let i = 0; i < n; i++) {
    u16(hmtx, 4 * i, font.advanceOf(oldGids[i]));
    u16(hmtx, 4 * i + 2, font.lsbOf(oldGids[i]) & 0xffff);
    u32(loca, 4 * i, off);
    off += padded(records[i].length);
  }
  u32(loca, 4 * n, off);
  tables.set('hmtx', hmtx);
  tables.set('loca', loca);
  const pairs = direct.map(([cp, g]) => [cp, newGid.get(g)!] as const).sort((a, b) => a[0] - b[0]);
  const standalone = purpose === 'standalone';
  if (standalone) {
    tables.set('cmap', buildCmap(pairs));
    const post = font.headerTable('post');
    if (post && post.length >= 16) {
      const p = new Uint8Array(32);
      p.set(post.subarray(0, 16));
      u32(p, 0, 0x00030000);
      tables.set('post', p);
    }
  }
  for (const tag of standalone ? ['OS/2', 'name', 'cvt ', 'fpgm', 'prep'] : ['OS/2', 'cvt ', 'fpgm', 'prep']) {
    const t = font.readTable(tag);
    if (t) tables.set(tag, t);
  }

  // Directory sorted by tag; data in the same order with glyf moved last.
  const tags = [...tables.keys(), 'glyf'].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const numTables = tags.length;
  const dirLen = 12 + 16 * numTables;
  let prefixLen = dirLen;
  for (const t of tables.values()) prefixLen += padded(t.length);
  const prefix = new Uint8Array(prefixLen);
  let log2 = 0;
  while (2 << log2 <= numTables) log2++;
  u32(prefix, 0, 0x00010000);
  u16(prefix, 4, numTables);
  u16(prefix, 6, 16 * (1 << log2));
  u16(prefix, 8, log2);
  u16(prefix, 10, 16 * numTables - 16 * (1 << log2));
  const place = new Map<string, { offset: number; length: number; sum: number }>();
  let at = dirLen;
  for (const tag of tags) {
    if (tag === 'glyf') continue;
    const t = tables.get(tag)!;
    prefix.set(t, at);
    place.set(tag, { offset: at, length: t.length, sum: checksum(t) });
    at += padded(t.length);
  }
  place.set('glyf', { offset: prefixLen, length: glyfLength, sum: glyfSum });
  let total = 0;
  tags.forEach((tag, i) => {
    const r = 12 + 16 * i;
    const p = place.get(tag)!;
    for (let k = 0; k < 4; k++) prefix[r + k] = tag.charCodeAt(k);
    u32(prefix, r + 4, p.sum);
    u32(prefix, r + 8, p.offset);
    u32(prefix, r + 12, p.length);
    total = (total + p.sum) >>> 0;
  });
  total = checksum(prefix.subarray(0, dirLen), total);
  u32(prefix, place.get('head')!.offset + 8, (0xb1b0afba - total) >>> 0);

  const glyphIds = new Map<number, number>();
  for (const [cp, g] of pairs) glyphIds.set(cp, g);
  return { glyphIds, oldGids, prefix, records, patched, length: prefixLen + glyfLength };
}

/** The whole font program of a subset as one buffer. */
export function subsetBytes(s: TrueTypeSubset): Uint8Array {
  const out = new Uint8Array(s.length);
  out.set(s.prefix);
  let at = s.prefix.length;
  for (const r of s.records) {
    out.set(r, at);
    at += padded(r.length);
  }
  return out;
}

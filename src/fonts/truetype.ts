/**
 * A lazy reader of one TrueType (glyf) face, by positional reads: opening a face reads the
 * table directory and the small header tables (head, hhea, maxp, OS/2, post, name); the
 * chosen cmap subtable, hmtx and loca are read on first use; glyph records are read from
 * glyf one at a time when a subset needs them and cached. The whole file is never read,
 * so a 15 MB fallback font that no character needs costs a few hundred bytes.
 */
import * as fs from 'node:fs';
import { faceOffsets, parseNameTable, readTables, type ByteReader, type TableRecord } from './sfnt';

/** Where a face's bytes come from: an open file (read by position) or bytes in memory. */
export interface ByteSource {
  read: ByteReader;
  /** For messages: the file name, or "(memory)". */
  name: string;
  /** Reads made so far and the bytes they returned (for tests and measurements). */
  stats: { reads: number; bytes: number };
}

/**
 * A source reading a file by position. The descriptor is opened on first read and kept
 * open for the life of the process (faces are cached per process), so later glyph reads
 * cost one `pread` each.
 */
export function fileSource(file: string): ByteSource & { close(): void } {
  let fd: number | undefined;
  const stats = { reads: 0, bytes: 0 };
  return {
    name: file,
    stats,
    read(offset, length) {
      if (fd === undefined) fd = fs.openSync(file, 'r');
      stats.reads++;
      stats.bytes += length;
      const b = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = fs.readSync(fd, b, got, length - got, offset + got);
        if (n === 0) throw new Error('字体文件被截断');
        got += n;
      }
      return b;
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}

/** A source over bytes already in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  const stats = { reads: 0, bytes: 0 };
  return {
    name: '(memory)',
    stats,
    read(offset, length) {
      if (offset < 0 || offset + length > bytes.length) throw new Error('字体文件被截断');
      stats.reads++;
      stats.bytes += length;
      return bytes.subarray(offset, offset + length);
    },
  };
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Metrics the PDF writer needs, in font units. */
export interface TrueTypeMetrics {
  bbox: [number, number, number, number];
  capHeight: number;
  italicAngle: number;
  /** OS/2 weight class (400 regular, 700 bold). */
  weight: number;
}

/** The fsType licence bits of OS/2 (0 when the font has no OS/2 table). */
export const FS_TYPE = { restricted: 0x0002, previewPrint: 0x0004, editable: 0x0008, noSubsetting: 0x0100, bitmapOnly: 0x0200 } as const;

/** A cmap subtable chosen for Unicode lookups. */
interface CmapSubtable {
  format: 4 | 12;
  data: DataView;
}

/** Preference of Unicode cmap subtables: (platform, encoding) pairs, best first. */
const CMAP_PREFERENCE: ReadonlyArray<readonly [number, number]> = [
  [3, 10],
  [0, 4],
  [3, 1],
  [0, 3],
];

/** Parsed cmap subtable lookup: code point → glyph id (0 when unmapped). */
function cmapGlyph(t: CmapSubtable, cp: number): number {
  const dv = t.data;
  if (t.format === 12) {
    let lo = 0;
    let hi = dv.getUint32(12) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = 16 + 12 * mid;
      const start = dv.getUint32(g);
      if (cp < start) hi = mid - 1;
      else if (cp > dv.getUint32(g + 4)) lo = mid + 1;
      else return dv.getUint32(g + 8) + (cp - start);
    }
    return 0;
  }
  if (cp > 0xffff) return 0;
  const segX2 = dv.getUint16(6);
  const ends = 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  // The first segment whose end is ≥ cp holds cp when its start is ≤ cp.
  let lo = 0;
  let hi = segX2 / 2 - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dv.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
    else hi = mid;
  }
  const start = dv.getUint16(starts + 2 * lo);
  if (dv.getUint16(ends + 2 * lo) < cp || cp < start) return 0;
  const delta = dv.getUint16(deltas + 2 * lo);
  const ro = dv.getUint16(ranges + 2 * lo);
  if (ro === 0) return (cp + delta) & 0xffff;
  const at = ranges + 2 * lo + ro + 2 * (cp - start);
  if (at + 2 > dv.byteLength) return 0;
  const g = dv.getUint16(at);
  return g === 0 ? 0 : (g + delta) & 0xffff;
}

/** The header fields read when a face is opened. */
export interface FaceHeader {
  postscriptName: string;
  family: string;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  fsType: number;
  metrics: TrueTypeMetrics;
}

/** Family name as fontkit reports it: name ID 1 in English (Windows record preferred), else any. */
function familyOf(name: Uint8Array | undefined): string {
  if (!name) return '';
  const dv = view(name);
  const count = dv.getUint16(2);
  const strOff = dv.getUint16(4);
  let best = '';
  let bestRank = 0;
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    if (r + 12 > name.length) break;
    if (dv.getUint16(r + 6) !== 1) continue;
    const platform = dv.getUint16(r);
    const lang = dv.getUint16(r + 4);
    const rank = platform === 3 && lang === 0x409 ? 3 : platform === 1 && lang === 0 ? 2 : 1;
    if (rank <= bestRank) continue;
    const len = dv.getUint16(r + 8);
    const start = strOff + dv.getUint16(r + 10);
    if (start + len > name.length) continue;
    const raw = name.subarray(start, start + len);
    let s = '';
    if (platform === 3 || platform === 0) for (let k = 0; k + 1 < raw.length; k += 2) s += String.fromCharCode((raw[k] << 8) | raw[k + 1]);
    else if (platform === 1 && dv.getUint16(r + 2) === 0) for (let k = 0; k < raw.length; k++) s += String.fromCharCode(raw[k]);
    else continue;
    s = s.replace(/\0/g, '').trim();
    if (!s) continue;
    best = s;
    bestRank = rank;
  }
  return best;
}

/**
 * One TrueType face of a font file. Construction reads the directory and the header
 * tables; everything else is read when first needed.
 */
export class TrueTypeFont {
  readonly tables: ReadonlyMap<string, TableRecord>;
  readonly header: FaceHeader;
  readonly numGlyphs: number;
  readonly numberOfHMetrics: number;
  /** The header tables read at open (head, hhea, maxp, OS/2, post, name), and tables read by `readTable`. */
  private readonly small = new Map<string, Uint8Array>();
  private cmapTable: CmapSubtable | null | undefined;
  private hmtx: DataView | undefined;
  private loca: ((i: number) => number) | undefined;
  private readonly gids = new Map<number, number>();
  private readonly records = new Map<number, Uint8Array>();

  /**
   * @param source the file or bytes
   * @param dirOffset offset of the face's table directory (0 for a plain font)
   */
  constructor(
    readonly source: ByteSource,
    readonly dirOffset = 0,
  ) {
    const { tables } = readTables(source.read, dirOffset);
    this.tables = new Map(tables.map((t) => [t.tag, t]));
    for (const tag of ['head', 'hhea', 'maxp']) if (!this.tables.has(tag)) throw new Error(`缺少 ${tag} 表`);
    if (!this.tables.has('glyf') || !this.tables.has('loca')) throw new Error('不是 TrueType（glyf）轮廓的字体');
    for (const tag of ['head', 'hhea', 'maxp', 'OS/2', 'post', 'name']) {
      const t = this.tables.get(tag);
      if (t) this.small.set(tag, new Uint8Array(source.read(t.offset, t.length)));
    }
    const head = view(this.small.get('head')!);
    const hhea = view(this.small.get('hhea')!);
    const maxp = view(this.small.get('maxp')!);
    if (head.byteLength < 54 || hhea.byteLength < 36 || maxp.byteLength < 6) throw new Error('head/hhea/maxp 表被截断');
    this.numGlyphs = maxp.getUint16(4);
    this.numberOfHMetrics = Math.min(hhea.getUint16(34), this.numGlyphs) || 1;
    const os2b = this.small.get('OS/2');
    const os2 = os2b && os2b.length >= 78 ? view(os2b) : undefined;
    const hheaAscent = hhea.getInt16(4);
    const hheaDescent = hhea.getInt16(6);
    const typoAsc = os2 ? os2.getInt16(68) : 0;
    const typoDesc = os2 ? os2.getInt16(70) : 0;
    // hhea descent is sometimes stored positive (FandolSong); OS/2 typo metrics are reliable.
    const ascender = typoAsc || Math.abs(hheaAscent);
    const descender = typoDesc || -Math.abs(hheaDescent);
    const capHeight = os2 && os2.getUint16(0) >= 2 && os2.byteLength >= 90 ? os2.getInt16(88) : os2 ? 0 : hheaAscent;
    const post = this.small.get('post');
    const names = this.small.has('name') ? parseNameTable(this.small.get('name')!) : { postscriptName: '' };
    this.header = {
      postscriptName: names.postscriptName,
      family: familyOf(this.small.get('name')),
      unitsPerEm: head.getUint16(18),
      ascender,
      descender,
      fsType: os2 ? os2.getUint16(8) : 0,
      metrics: {
        bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
        capHeight: capHeight || ascender,
        italicAngle: post && post.length >= 8 ? view(post).getInt32(4) / 65536 : 0,
        weight: (os2 && os2.getUint16(4)) || 400,
      },
    };
  }

  /** A header table as read at open (head, hhea, maxp, OS/2, post, name), or undefined. */
  headerTable(tag: 'head' | 'hhea' | 'maxp' | 'OS/2' | 'post' | 'name'): Uint8Array | undefined {
    return this.small.get(tag);
  }

  /** A table copied whole into subsets (OS/2, name, cvt, fpgm, prep), read once and cached. */
  readTable(tag: string): Uint8Array | undefined {
    let b = this.small.get(tag);
    if (!b) {
      const t = this.tables.get(tag);
      if (!t) return undefined;
      b = new Uint8Array(this.source.read(t.offset, t.length));
      this.small.set(tag, b);
    }
    return b;
  }

  private cmap(): CmapSubtable | null {
    if (this.cmapTable !== undefined) return this.cmapTable;
    this.cmapTable = null;
    const t = this.tables.get('cmap');
    if (!t || t.length < 4) return null;
    const head = view(this.source.read(t.offset, 4));
    const n = Math.min(head.getUint16(2), Math.floor((t.length - 4) / 8));
    const recs = view(this.source.read(t.offset + 4, 8 * n));
    const found: Array<{ platform: number; encoding: number; offset: number; format: number }> = [];
    for (let i = 0; i < n; i++) {
      const offset = recs.getUint32(8 * i + 4);
      if (offset + 8 > t.length) continue;
      const fmt = view(this.source.read(t.offset + offset, 2)).getUint16(0);
      if (fmt === 4 || fmt === 12) found.push({ platform: recs.getUint16(8 * i), encoding: recs.getUint16(8 * i + 2), offset, format: fmt });
    }
    const rank = (r: (typeof found)[number]) => {
      const k = CMAP_PREFERENCE.findIndex(([p, e]) => p === r.platform && e === r.encoding);
      return k >= 0 ? k : r.platform === 0 ? CMAP_PREFERENCE.length : Infinity;
    };
    const best = found.filter((r) => rank(r) !== Infinity).sort((a, b) => rank(a) - rank(b))[0];
    if (!best) return null;
    const at = t.offset + best.offset;
    let length: number;
    if (best.format === 4) length = view(this.source.read(at, 4)).getUint16(2);
    else length = view(this.source.read(at, 8)).getUint32(4);
    length = Math.min(length, t.length - best.offset);
    const data = view(new Uint8Array(this.source.read(at, length)));
    if ((best.format === 4 && length < 16) || (best.format === 12 && (length < 16 || 16 + 12 * data.getUint32(12) > length))) return null;
    this.cmapTable = { format: best.format as 4 | 12, data };
    return this.cmapTable;
  }

  /** Glyph id of a code point (0 when the font does not map it). Cached. */
  glyphId(cp: number): number {
    let g = this.gids.get(cp);
    if (g === undefined) {
      const t = this.cmap();
      g = t ? cmapGlyph(t, cp) : 0;
      if (g >= this.numGlyphs) g = 0;
      this.gids.set(cp, g);
    }
    return g;
  }

  private metricsTable(): DataView {
    if (!this.hmtx) {
      const t = this.tables.get('hmtx');
      if (!t) throw new Error('缺少 hmtx 表');
      const want = 4 * this.numberOfHMetrics + 2 * (this.numGlyphs - this.numberOfHMetrics);
      this.hmtx = view(new Uint8Array(this.source.read(t.offset, Math.min(t.length, want))));
    }
    return this.hmtx;
  }

  /** Advance width of a glyph (glyphs past numberOfHMetrics take the last advance). */
  advanceOf(gid: number): number {
    const dv = this.metricsTable();
    const i = Math.min(gid, this.numberOfHMetrics - 1);
    return 4 * i + 2 <= dv.byteLength ? dv.getUint16(4 * i) : 0;
  }

  /** Left side bearing of a glyph. */
  lsbOf(gid: number): number {
    const dv = this.metricsTable();
    const at = gid < this.numberOfHMetrics ? 4 * gid + 2 : 4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics);
    return at + 2 <= dv.byteLength ? dv.getInt16(at) : 0;
  }

  /** loca as read (short or long offsets), and a reader of entry `i`. */
  private locaAt(): (i: number) => number {
    if (!this.loca) {
      const t = this.tables.get('loca')!;
      const long = view(this.small.get('head')!).getInt16(50) !== 0;
      const size = long ? 4 : 2;
      const raw = view(new Uint8Array(this.source.read(t.offset, Math.min(t.length, size * (this.numGlyphs + 1)))));
      const last = Math.floor(raw.byteLength / size) - 1;
      this.loca = last < 0 ? () => 0 : long ? (i) => raw.getUint32(4 * Math.min(i, last)) : (i) => 2 * raw.getUint16(2 * Math.min(i, last));
    }
    return this.loca;
  }

  /**
   * The glyf record of a glyph as stored (empty for a glyph without outline), read on
   * first use and cached. Callers must not modify it.
   */
  glyphRecord(gid: number): Uint8Array {
    let r = this.records.get(gid);
    if (r) return r;
    const loca = this.locaAt();
    const glyf = this.tables.get('glyf')!;
    const start = gid < this.numGlyphs ? loca(gid) : 0;
    const end = gid < this.numGlyphs ? loca(gid + 1) : 0;
    if (end <= start || end > glyf.length) r = new Uint8Array(0);
    else r = new Uint8Array(this.source.read(glyf.offset + start, end - start));
    this.records.set(gid, r);
    return r;
  }

  /**
   * Reads the records of many glyphs at once (sorted gids, neighbouring records in one
   * read), filling the cache. Saves system calls on a document's first use of a face.
   */
  prefetch(gids: readonly number[]): void {
    const loca = this.locaAt();
    const glyf = this.tables.get('glyf')!;
    const todo = gids.filter((g) => g < this.numGlyphs && !this.records.has(g)).sort((a, b) => a - b);
    let i = 0;
    while (i < todo.length) {
      let j = i + 1;
      while (j < todo.length && loca(todo[j]) - loca(todo[j - 1] + 1) <= 4096 && loca(todo[j] + 1) - loca(todo[i]) <= 1 << 20) j++;
      const from = loca(todo[i]);
      const to = Math.max(from, Math.min(glyf.length, loca(todo[j - 1] + 1)));
      const block = to > from ? this.source.read(glyf.offset + from, to - from) : new Uint8Array(0);
      for (let k = i; k < j; k++) {
        const g = todo[k];
        const s = loca(g);
        const e = loca(g + 1);
        if (e > s && s >= from && e <= to) this.records.set(g, new Uint8Array(block.subarray(s - from, e - from)));
        else this.glyphRecord(g); // empty, or out of order in glyf: read on its own
      }
      i = j;
    }
  }
}

/** Opens the face at `index` of a font source (0 for a plain font). */
export function openTrueType(source: ByteSource, index = 0): TrueTypeFont {
  const offsets = faceOffsets(source.read);
  if (index < 0 || index >= offsets.length) throw new Error(`字体集合中没有第 ${index} 个字体`);
  return new TrueTypeFont(source, offsets[index]);
}

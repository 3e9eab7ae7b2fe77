/** Test helpers that build small fonts and collections from the bundled fonts. */
import { bufferReader, faceOffsets, readTables } from '../../src/fonts/sfnt';

/** The tables of a single-face font. */
export function tablesOf(font: Uint8Array): Map<string, Uint8Array> {
  const read = bufferReader(font);
  const m = new Map<string, Uint8Array>();
  for (const t of readTables(read, faceOffsets(read)[0]).tables) m.set(t.tag, read(t.offset, t.length).slice());
  return m;
}

function dirSize(n: number): number {
  return 12 + 16 * n;
}

function writeDir(out: DataView, at: number, version: number, tags: string[], offsets: number[], lengths: number[]): void {
  const n = tags.length;
  let log2 = 0;
  while (1 << (log2 + 1) <= n) log2++;
  out.setUint32(at, version);
  out.setUint16(at + 4, n);
  out.setUint16(at + 6, 16 * (1 << log2));
  out.setUint16(at + 8, log2);
  out.setUint16(at + 10, 16 * n - 16 * (1 << log2));
  tags.forEach((tag, i) => {
    const r = at + 12 + 16 * i;
    for (let k = 0; k < 4; k++) out.setUint8(r + k, tag.charCodeAt(k));
    out.setUint32(r + 4, 0);
    out.setUint32(r + 8, offsets[i]);
    out.setUint32(r + 12, lengths[i]);
  });
}

/** A collection (.ttc) of the given fonts, or a plain font when `fonts` has one table map and `collection` is false. */
export function buildFonts(fonts: Array<Map<string, Uint8Array>>, collection: boolean, version = 0x00010000): Uint8Array {
  const headers = collection ? 12 + 4 * fonts.length : 0;
  let pos = headers;
  const dirAt: number[] = [];
  for (const f of fonts) {
    dirAt.push(pos);
    pos += dirSize(f.size);
  }
  const dataStart = pos;
  let size = dataStart;
  for (const f of fonts) for (const b of f.values()) size += (b.length + 3) & ~3;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  if (collection) {
    dv.setUint32(0, 0x74746366);
    dv.setUint32(4, 0x00010000);
    dv.setUint32(8, fonts.length);
    dirAt.forEach((a, i) => dv.setUint32(12 + 4 * i, a));
  }
  pos = dataStart;
  fonts.forEach((f, i) => {
    const tags = [...f.keys()].sort();
    const offsets: number[] = [];
    const lengths: number[] = [];
    for (const t of tags) {
      const b = f.get(t)!;
      out.set(b, pos);
      offsets.push(pos);
      lengths.push(b.length);
      pos += (b.length + 3) & ~3;
    }
    writeDir(dv, dirAt[i], version, tags, offsets, lengths);
  });
  return out;
}

/** A `name` table with Windows Unicode records (family, full and PostScript names) in the given languages. */
export function nameTable(records: Array<{ id: number; lang: number; text: string }>): Uint8Array {
  const strings = records.map((r) => {
    const b = new Uint8Array(r.text.length * 2);
    for (let i = 0; i < r.text.length; i++) {
      b[2 * i] = r.text.charCodeAt(i) >> 8;
      b[2 * i + 1] = r.text.charCodeAt(i) & 0xff;
    }
    return b;
  });
  const headerLen = 6 + 12 * records.length;
  const total = headerLen + strings.reduce((s, b) => s + b.length, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, 0);
  dv.setUint16(2, records.length);
  dv.setUint16(4, headerLen);
  let off = 0;
  const order = records.map((r, i) => ({ r, i })).sort((a, b) => a.r.lang - b.r.lang || a.r.id - b.r.id);
  order.forEach(({ r, i }, k) => {
    const at = 6 + 12 * k;
    dv.setUint16(at, 3);
    dv.setUint16(at + 2, 1);
    dv.setUint16(at + 4, r.lang);
    dv.setUint16(at + 6, r.id);
    dv.setUint16(at + 8, strings[i].length);
    dv.setUint16(at + 10, off);
    out.set(strings[i], headerLen + off);
    off += strings[i].length;
  });
  return out;
}

/** A simple glyph record: one closed contour through `points` (all on-curve, word coordinates). */
export function simpleGlyph(points: Array<[number, number]>): Uint8Array {
  const n = points.length;
  const b = new Uint8Array(10 + 2 + 2 + n + 4 * n);
  const dv = new DataView(b.buffer);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  dv.setInt16(0, 1);
  dv.setInt16(2, Math.min(...xs));
  dv.setInt16(4, Math.min(...ys));
  dv.setInt16(6, Math.max(...xs));
  dv.setInt16(8, Math.max(...ys));
  dv.setUint16(10, n - 1);
  dv.setUint16(12, 0);
  for (let i = 0; i < n; i++) b[14 + i] = 0x01; // on curve, word deltas
  let at = 14 + n;
  let prev = 0;
  for (const x of xs) {
    dv.setInt16(at, x - prev);
    prev = x;
    at += 2;
  }
  prev = 0;
  for (const y of ys) {
    dv.setInt16(at, y - prev);
    prev = y;
    at += 2;
  }
  return b;
}

/** A composite glyph record of `parts` (glyph id and offset), word arguments, XY values. */
export function compositeGlyph(parts: Array<{ gid: number; dx: number; dy: number }>, bbox: [number, number, number, number]): Uint8Array {
  const b = new Uint8Array(10 + 8 * parts.length);
  const dv = new DataView(b.buffer);
  dv.setInt16(0, -1);
  bbox.forEach((v, i) => dv.setInt16(2 + 2 * i, v));
  parts.forEach((p, i) => {
    const at = 10 + 8 * i;
    dv.setUint16(at, 0x0001 | 0x0002 | (i < parts.length - 1 ? 0x0020 : 0));
    dv.setUint16(at + 2, p.gid);
    dv.setInt16(at + 4, p.dx);
    dv.setInt16(at + 6, p.dy);
  });
  return b;
}

/** A cmap table of the given subtables, each (platform, encoding, subtable bytes). */
export function cmapTable(subtables: Array<[number, number, Uint8Array]>): Uint8Array {
  const header = 4 + 8 * subtables.length;
  const out = new Uint8Array(header + subtables.reduce((n, s) => n + s[2].length, 0));
  const dv = new DataView(out.buffer);
  dv.setUint16(2, subtables.length);
  let at = header;
  subtables.forEach(([p, e, data], i) => {
    dv.setUint16(4 + 8 * i, p);
    dv.setUint16(6 + 8 * i, e);
    dv.setUint32(8 + 8 * i, at);
    out.set(data, at);
    at += data.length;
  });
  return out;
}

/**
 * A small TrueType font: the given glyph records (gid order), advances, a cmap table and
 * a name table naming it `name`; short loca, so the subsetter's switch to long is tested.
 */
export function tinyFont(opts: { glyphs: Uint8Array[]; advances: number[]; cmap: Uint8Array; name: string; numberOfHMetrics?: number; extra?: Record<string, Uint8Array> }): Uint8Array {
  const { glyphs, advances } = opts;
  const n = glyphs.length;
  const nhm = opts.numberOfHMetrics ?? n;
  const t = new Map<string, Uint8Array>();
  const head = new Uint8Array(54);
  const hv = new DataView(head.buffer);
  hv.setUint32(0, 0x00010000);
  hv.setUint32(12, 0x5f0f3cf5);
  hv.setUint16(18, 1000);
  hv.setInt16(36, 0);
  hv.setInt16(38, -100);
  hv.setInt16(40, 900);
  hv.setInt16(42, 800);
  hv.setInt16(50, 0); // short loca
  t.set('head', head);
  const hhea = new Uint8Array(36);
  const hh = new DataView(hhea.buffer);
  hh.setUint32(0, 0x00010000);
  hh.setInt16(4, 800);
  hh.setInt16(6, -200);
  hh.setUint16(34, nhm);
  t.set('hhea', hhea);
  const maxp = new Uint8Array(32);
  const mv = new DataView(maxp.buffer);
  mv.setUint32(0, 0x00010000);
  mv.setUint16(4, n);
  t.set('maxp', maxp);
  const hmtx = new Uint8Array(4 * nhm + 2 * (n - nhm));
  const xv = new DataView(hmtx.buffer);
  for (let i = 0; i < n; i++) {
    if (i < nhm) {
      xv.setUint16(4 * i, advances[i]);
      xv.setInt16(4 * i + 2, 10 + i);
    } else xv.setInt16(4 * nhm + 2 * (i - nhm), 10 + i);
  }
  t.set('hmtx', hmtx);
  let size = 0;
  for (const g of glyphs) size += (g.length + 1) & ~1;
  const glyf = new Uint8Array(size);
  const loca = new Uint8Array(2 * (n + 1));
  const lv = new DataView(loca.buffer);
  let at = 0;
  glyphs.forEach((g, i) => {
    lv.setUint16(2 * i, at / 2);
    glyf.set(g, at);
    at += (g.length + 1) & ~1;
  });
  lv.setUint16(2 * n, at / 2);
  t.set('glyf', glyf);
  t.set('loca', loca);
  t.set('cmap', opts.cmap);
  const post = new Uint8Array(32);
  new DataView(post.buffer).setUint32(0, 0x00030000);
  t.set('post', post);
  t.set('name', nameTable([{ id: 1, lang: 0x409, text: opts.name }, { id: 6, lang: 0x409, text: opts.name }]));
  for (const [k, v] of Object.entries(opts.extra ?? {})) t.set(k, v);
  return buildFonts([t], false);
}

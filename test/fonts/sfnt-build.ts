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

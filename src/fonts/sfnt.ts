/**
 * Small readers of the sfnt container (TrueType/OpenType and .ttc collections): the
 * offsets of a collection's faces, a face's table directory and its `name` table, all
 * through positional reads. Scanning system fonts reads only these; ./truetype builds
 * on them to read a face lazily.
 */

/** One face's table directory entry. */
export interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

/** What a face's name table says, plus its outline kind. */
export interface FaceNames {
  /** Index of the face in its file (0 for a plain .ttf/.otf). */
  index: number;
  /** Family names (IDs 1 and 16) in every language the font gives. */
  families: string[];
  /** Full names (ID 4) in every language. */
  fullNames: string[];
  /** PostScript name (ID 6), or '' when missing. */
  postscriptName: string;
  /** True for CFF (PostScript) outlines, false for TrueType glyf outlines. */
  cff: boolean;
}

/** A source of bytes by position: a whole buffer in memory, or a reader of part of a file. */
export type ByteReader = (offset: number, length: number) => Uint8Array;

const SFNT_TRUETYPE = 0x00010000;
const SFNT_OTTO = 0x4f54544f; // 'OTTO'
const SFNT_TRUE = 0x74727565; // 'true'
const TTCF = 0x74746366; // 'ttcf'

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Offsets of the faces' table directories: one for a plain font, several for a .ttc. */
export function faceOffsets(read: ByteReader): number[] {
  const head = view(read(0, 12));
  const tag = head.getUint32(0);
  if (tag === TTCF) {
    const n = head.getUint32(8);
    if (n === 0 || n > 1000) throw new Error('字体集合文件头无效');
    const dv = view(read(12, 4 * n));
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(dv.getUint32(4 * i));
    return out;
  }
  if (tag === SFNT_TRUETYPE || tag === SFNT_OTTO || tag === SFNT_TRUE) return [0];
  throw new Error('不是 TrueType/OpenType 字体文件');
}

/** The table directory of the face whose directory starts at `offset`. */
export function readTables(read: ByteReader, offset: number): { version: number; tables: TableRecord[] } {
  const hdr = view(read(offset, 12));
  const version = hdr.getUint32(0);
  const n = hdr.getUint16(4);
  if (n === 0 || n > 200) throw new Error('字体表目录无效');
  const dir = read(offset + 12, 16 * n);
  const dv = view(dir);
  const tables: TableRecord[] = [];
  for (let i = 0; i < n; i++) {
    const o = 16 * i;
    tables.push({
      tag: String.fromCharCode(dir[o], dir[o + 1], dir[o + 2], dir[o + 3]),
      checksum: dv.getUint32(o + 4),
      offset: dv.getUint32(o + 8),
      length: dv.getUint32(o + 12),
    });
  }
  return { version, tables };
}

function decodeUtf16be(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
  return s;
}

function decodeLatin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Decodes a `name` table: family, full and PostScript names (Windows Unicode and Mac Roman records). */
export function parseNameTable(name: Uint8Array): { families: string[]; fullNames: string[]; postscriptName: string } {
  const dv = view(name);
  const count = dv.getUint16(2);
  const strOff = dv.getUint16(4);
  const families: string[] = [];
  const fullNames: string[] = [];
  let postscriptName = '';
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    if (r + 12 > name.length) break;
    const platform = dv.getUint16(r);
    const encoding = dv.getUint16(r + 2);
    const nameId = dv.getUint16(r + 6);
    const len = dv.getUint16(r + 8);
    const off = dv.getUint16(r + 10);
    if (nameId !== 1 && nameId !== 4 && nameId !== 6 && nameId !== 16) continue;
    const start = strOff + off;
    if (start + len > name.length) continue;
    const raw = name.subarray(start, start + len);
    let s: string;
    if (platform === 3 || platform === 0) s = decodeUtf16be(raw);
    else if (platform === 1 && encoding === 0) s = decodeLatin1(raw);
    else continue; // Mac CJK encodings: the Windows records carry the same names
    s = s.replace(/\0/g, '').trim();
    if (!s) continue;
    if (nameId === 6) {
      if (!postscriptName || platform === 3) postscriptName = s;
    } else {
      const list = nameId === 4 ? fullNames : families;
      if (!list.includes(s)) list.push(s);
    }
  }
  return { families, fullNames, postscriptName };
}

/** Names and outline kind of every face in a font file, reading only the headers and name tables. */
export function readFaceNames(read: ByteReader): FaceNames[] {
  return faceOffsets(read).map((offset, index) => {
    const { version, tables } = readTables(read, offset);
    const nameRec = tables.find((t) => t.tag === 'name');
    const names = nameRec ? parseNameTable(read(nameRec.offset, nameRec.length)) : { families: [], fullNames: [], postscriptName: '' };
    const cff = version === SFNT_OTTO || tables.some((t) => t.tag === 'CFF ' || t.tag === 'CFF2');
    return { index, ...names, cff };
  });
}

/** A reader over bytes already in memory. */
export function bufferReader(b: Uint8Array): ByteReader {
  return (offset, length) => {
    if (offset + length > b.length) throw new Error('字体文件被截断');
    return b.subarray(offset, offset + length);
  };
}

/**
 * A reproducible zip writer (the .docx package, workbooks, the portable .zip): entries in the
 * order given, every entry stamped with the same fixed time, DEFLATE with fixed settings, no extra
 * fields, no comment. Identical entries give identical bytes, whatever ran before in the process.
 */
import { crc32 } from './crc32';
import * as zlib from 'node:zlib';

/** A date and time in MS-DOS form (2-second resolution, 1980–2107). */
export interface DosTime {
  time: number;
  date: number;
}

/** One file of a zip. */
export interface ZipEntry {
  path: string;
  data: string | Uint8Array;
}

/** How hard to compress (zlib level, default 6), and whether every name carries the UTF-8 flag or only non-ASCII ones. */
export interface ZipOptions {
  level?: number;
  utf8Names?: 'always' | 'when-needed';
}

/** An entry's data compressed, with what the zip headers record of it. */
interface Packed {
  packed: Uint8Array;
  crc: number;
  size: number;
}

/** Text entries up to this length are remembered compressed; this many at most. */
const REMEMBERED_LENGTH = 16 * 1024;
const REMEMBERED_ENTRIES = 64;
// Most parts of a .docx are the same text in every document a process writes (relationships,
// content types, styles, settings, footers): compressing each once saves most of a zip's calls
// into zlib. Compression depends only on the data and the level, so the bytes are the same.
const remembered = new Map<string, Packed>();

function pack(data: string | Uint8Array, level: number): Packed {
  const key = typeof data === 'string' && data.length <= REMEMBERED_LENGTH ? `${level}\0${data}` : undefined;
  const known = key === undefined ? undefined : remembered.get(key);
  if (known) return known;
  const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const packed: Packed = { packed: zlib.deflateRawSync(raw, { level, memLevel: 8, strategy: zlib.constants.Z_DEFAULT_STRATEGY }), crc: crc32(raw), size: raw.length };
  if (key !== undefined) {
    if (remembered.size >= REMEMBERED_ENTRIES) remembered.clear();
    remembered.set(key, packed);
  }
  return packed;
}

/** Zip the entries, in order, all stamped with `when`. */
export function zip(entries: readonly ZipEntry[], when: DosTime, options: ZipOptions = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.path, 'utf8');
    const { packed, crc, size } = pack(e.data, options.level ?? 6);
    const flags = options.utf8Names === 'always' || /[^\x20-\x7e]/.test(e.path) ? 0x0800 : 0; // UTF-8 names

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(when.time, 10);
    local.writeUInt16LE(when.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(when.time, 12);
    central.writeUInt16LE(when.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += 30 + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...centrals, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

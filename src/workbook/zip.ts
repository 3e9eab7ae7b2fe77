/**
 * A small synchronous zip reader and a deterministic zip writer for workbooks. The reader
 * checks the central directory against the caps in docs/WORKBOOK.md before anything is
 * inflated, and bounds every inflation, so a zip bomb is refused early.
 */
import { zip } from '../util/zip-writer';
import { inflateRawSync } from 'node:zlib';

/** Largest workbook file accepted (a filled report workbook is about 40 KB). */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
/** Most entries in the zip (an xxgk workbook has 14; Excel adds a few). */
export const MAX_ENTRIES = 200;
/** Largest inflated size of one entry. */
export const MAX_ENTRY_BYTES = 20 * 1024 * 1024;
/** Largest inflated size of all entries together. */
export const MAX_TOTAL_BYTES = 50 * 1024 * 1024;

/** Raised for a zip that is broken or over a cap; the message is for the user. */
export class ZipError extends Error {}

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Buffer, o: number) => b.readUInt16LE(o);
const u32 = (b: Buffer, o: number) => b.readUInt32LE(o);

/** Reads and checks the central directory of a zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > MAX_WORKBOOK_BYTES) throw new ZipError(`文件太大（${(b.length / 1024 / 1024).toFixed(1)} MB），已拒绝：报告工作簿一般只有几十 KB，最大 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB`);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('文件已损坏：找不到 zip 目录（可能没有完整保存或下载）');
  const count = u16(b, eocd + 10);
  const dirSize = u32(b, eocd + 12);
  const dirOffset = u32(b, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('文件使用了 ZIP64 格式，报告工作簿不需要，已拒绝');
  if (count > MAX_ENTRIES) throw new ZipError(`工作簿中有 ${count} 个部件，超过上限 ${MAX_ENTRIES}，已拒绝（可能是恶意构造的文件）`);
  if (dirOffset + dirSize > eocd) throw new ZipError('文件已损坏：zip 目录超出文件范围');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) throw new ZipError('文件已损坏：zip 目录项不完整');
    const nameLength = u16(b, p + 28);
    const entry: ZipEntry = {
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localOffset: u32(b, p + 42),
      name: b.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.flags & 1) throw new ZipError('工作簿已加密，无法读取：请在 Excel/WPS 中取消密码后另存为 .xlsx');
    if (entry.size > MAX_ENTRY_BYTES) throw new ZipError(`工作簿部件 ${entry.name} 解压后有 ${entry.size} 字节，超过上限 ${MAX_ENTRY_BYTES}，已拒绝`);
    total += entry.size;
    if (total > MAX_TOTAL_BYTES) throw new ZipError(`工作簿解压后超过 ${MAX_TOTAL_BYTES / 1024 / 1024} MB 的上限，已拒绝（可能是恶意构造的文件）`);
    entries.push(entry);
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/** Inflates one entry, never beyond its declared size (which the caps have bounded). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = entry.localOffset;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new ZipError(`文件已损坏：找不到部件 ${entry.name}`);
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const data = b.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipError(`文件已损坏：部件 ${entry.name} 不完整`);
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw new ZipError(`文件已损坏：部件 ${entry.name} 无法解压，或解压后比声明的大`);
    }
  } else throw new ZipError(`部件 ${entry.name} 使用了不支持的压缩方式（${entry.method}）`);
  if (out.length !== entry.size) throw new ZipError(`文件已损坏：部件 ${entry.name} 的大小与目录不符`);
  return out;
}


/** Writes a zip of the given parts, in order, all dated 1980-01-01 (same parts, same bytes). */
export function writeZip(parts: readonly { name: string; data: Uint8Array }[]): Buffer {
  const bytes = zip(parts.map((p) => ({ path: p.name, data: p.data })), { time: 0, date: (1 << 5) | 1 }, { level: 9, utf8Names: 'always' });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Hostile and wrong files given as workbooks: refused before any library sees them, with a Chinese message. */
import { deflateRawSync } from 'node:zlib';
import { parseReportBytes } from '../../src/pipeline/check-report';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, MAX_WORKBOOK_BYTES, readZipDirectory, writeZip } from '../../src/workbook/zip';

const message = (bytes: Uint8Array, file = '报告.xlsx') => {
  const r = parseReportBytes(bytes, file);
  expect(r.data).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0].message;
};

const part = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8') });

/** Patches a declared uncompressed size in both the local header and the central directory. */
function declareSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  const [entry] = readZipDirectory(out);
  out.writeUInt32LE(size, entry.localOffset + 22);
  const eocd = out.length - 22;
  out.writeUInt32LE(size, out.readUInt32LE(eocd + 16) + 24);
  return out;
}

test('more entries than the cap', () => {
  const parts = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => part(`x/${i}.txt`, 'a'));
  expect(message(writeZip(parts))).toContain(`超过上限 ${MAX_ENTRIES}`);
});

test('an entry declaring more than the per-entry cap', () => {
  expect(message(declareSize(writeZip([part('xl/workbook.xml', '<workbook/>')]), MAX_ENTRY_BYTES + 1))).toContain('超过上限');
});

test('entries declaring more than the total cap together', () => {
  const n = Math.ceil(MAX_TOTAL_BYTES / MAX_ENTRY_BYTES) + 1;
  const zip = writeZip(Array.from({ length: n }, (_, i) => part(`p${i}.bin`, 'a')));
  const out = Buffer.from(zip);
  for (const e of readZipDirectory(zip)) {
    out.writeUInt32LE(MAX_ENTRY_BYTES, e.localOffset + 22);
  }
  let p = out.readUInt32LE(out.length - 22 + 16);
  for (let i = 0; i < n; i++) {
    out.writeUInt32LE(MAX_ENTRY_BYTES, p + 24);
    p += 46 + out.readUInt16LE(p + 28);
  }
  expect(message(out)).toContain(`超过 ${MAX_TOTAL_BYTES / 1024 / 1024} MB`);
});

test('a zip bomb lying about its size: inflation stops at the declared size', () => {
  const bomb = Buffer.alloc(50 * 1024 * 1024, 0x20);
  const zip = writeZip([part('xl/workbook.xml', '<workbook/>')]);
  // Replace the entry's data with 50 MB of spaces deflated, still declaring 11 bytes.
  const packed = deflateRawSync(bomb);
  const [e] = readZipDirectory(zip);
  const head = zip.subarray(0, e.localOffset + 30 + 'xl/workbook.xml'.length);
  const dirStart = zip.readUInt32LE(zip.length - 22 + 16);
  const dir = Buffer.from(zip.subarray(dirStart));
  const local = Buffer.from(head);
  local.writeUInt32LE(packed.length, 18);
  dir.writeUInt32LE(packed.length, 20);
  const newDirStart = local.length + packed.length;
  dir.writeUInt32LE(newDirStart, dir.length - 22 + 16);
  expect(message(Buffer.concat([local, packed, dir]))).toContain('解压后比声明的大');
});

test('a file larger than the cap', () => {
  const big = Buffer.alloc(MAX_WORKBOOK_BYTES + 1);
  big.write('PK\u0003\u0004', 'latin1');
  expect(message(big)).toContain('文件太大');
});

test('a DOCTYPE in any part (entity expansion, external entities) is refused', () => {
  const zip = writeZip([
    part('[Content_Types].xml', '<Types/>'),
    part('xl/workbook.xml', '<workbook/>'),
    part('docProps/custom.xml', '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><x>&a;</x>'),
  ]);
  expect(message(zip)).toContain('DOCTYPE');
});

test('a truncated workbook', () => {
  const zip = writeZip([part('xl/workbook.xml', '<workbook/>')]);
  expect(message(zip.subarray(0, zip.length - 30))).toContain('已损坏');
});

test('.xls, .xlsm, .et and .ods by name, and an OLE file named .xlsx (old format or password), ask for a plain .xlsx', () => {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  expect(message(ole, '报告.xls')).toContain('旧版 Excel 文件（.xls）');
  expect(message(ole, '报告.et')).toContain('WPS 表格文件（.et）');
  expect(message(Buffer.from('PK\u0003\u0004', 'latin1'), '报告.xlsm')).toContain('启用宏');
  expect(message(ole, '报告.xlsx')).toContain('设置了打开密码');
  for (const m of [message(ole, '报告.xls'), message(ole, '报告.et')]) expect(m).toContain('.xlsx');
});

test('a macro workbook renamed .xlsx is still refused by its content', () => {
  const zip = writeZip([
    part('[Content_Types].xml', '<Types><Override ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'),
    part('xl/workbook.xml', '<workbook/>'),
  ]);
  expect(message(zip)).toContain('.xlsm');
});

test('a Word file given as a report', () => {
  const zip = writeZip([part('[Content_Types].xml', '<Types/>'), part('word/document.xml', '<document/>')]);
  expect(message(zip, '报告.docx')).toContain('Word 文件');
});

test('deep nesting in a part is refused, not a stack overflow', () => {
  const deep = '<a>'.repeat(100000) + '</a>'.repeat(100000);
  const zip = writeZip([part('xl/workbook.xml', deep)]);
  expect(readReportWorkbook(zip).diagnostics[0].message).toContain('嵌套过深');
});

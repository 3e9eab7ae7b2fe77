/**
 * Reads a roster (应报单位名单) from YAML, CSV or an .xlsx workbook. A CSV may be UTF-8 (with
 * or without BOM) or GBK/GB18030, what Excel on Chinese Windows saves; its column 单位 (or
 * else its first column) names the units, and optional columns 级别 and 排序 give each
 * unit's level and publishing order. Mistakes are usage errors naming the file and row.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../errors/usage-error';
import { openWorkbook, cellKey, WorkbookError } from '../workbook/open-workbook';
import { ZipError } from '../workbook/zip';
import { XmlError } from '../workbook/xml';
import { normalizeName } from './normalize-name';
import type { Roster, RosterEntry } from './roster';

/** A roster larger than this is surely not one (a county has tens to hundreds of units). */
const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

const NAME_HEADERS = ['单位', '单位名称', '名称', '机关', '机关名称'];
const LEVEL_HEADERS = ['级别', '层级', '机关层级'];
const ORDER_HEADERS = ['排序', '序号', '顺序'];

const LEVEL_WORDS: Record<string, 'department' | 'government'> = {
  政府部门: 'department',
  部门: 'department',
  department: 'department',
  人民政府: 'government',
  政府: 'government',
  government: 'government',
};

/** One row as read: cells as text, and where it is for messages. */
interface RawRow {
  cells: string[];
  where: string;
}

/**
 * Decodes CSV bytes: UTF-16 with its BOM (Excel's “Unicode 文本”), UTF-8 (BOM or not) when
 * they are valid UTF-8, else GB18030 (a superset of GBK).
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Splits CSV text into rows of cells (RFC 4180 quoting; comma, or tab when the first line has tabs and no comma). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0];
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

function csvRows(file: string, bytes: Uint8Array): RawRow[] {
  return parseCsv(decodeCsv(bytes)).map((cells, i) => ({ cells, where: `${file} 第${i + 1}行` }));
}

function xlsxRows(file: string, bytes: Uint8Array): RawRow[] {
  let first: string | undefined;
  let sheet;
  try {
    first = openWorkbook(bytes, []).sheetNames[0];
    sheet = first === undefined ? undefined : openWorkbook(bytes, [first]).sheets.get(first);
  } catch (e) {
    if (e instanceof WorkbookError || e instanceof ZipError || e instanceof XmlError) throw new UsageError(`应报单位名单 ${file} 无法读取：${e.message}`);
    throw e;
  }
  if (!sheet) throw new UsageError(`应报单位名单 ${file} 中没有工作表`);
  let maxRow = 0;
  let maxCol = 0;
  for (const key of sheet.cells.keys()) {
    const [r, c] = key.split(':').map(Number);
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
  }
  const rows: RawRow[] = [];
  for (let r = 1; r <= maxRow; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const v = sheet.cells.get(cellKey(r, c))?.value;
      cells.push(v === undefined ? '' : String(v));
    }
    rows.push({ cells, where: `${file} ${first}!第${r}行` });
  }
  return rows;
}

function yamlRows(file: string, text: string): RawRow[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new UsageError(`应报单位名单 ${file} 无法读取：${(e as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(data)) throw new UsageError(`应报单位名单 ${file} 应为列表，每项是单位名称，或形如 { 单位: 某某县教育局, 级别: 政府部门, 排序: 1 }`);
  const header = ['单位', '级别', '排序'];
  return [
    { cells: header, where: file },
    ...data.map((item, i): RawRow => {
      const where = `${file} 第${i + 1}项`;
      if (typeof item === 'string' || typeof item === 'number') return { cells: [String(item), '', ''], where };
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const o = item as Record<string, unknown>;
        const pick = (...keys: string[]) => {
          const k = keys.find((x) => o[x] !== undefined && o[x] !== null);
          return k === undefined ? '' : String(o[k]);
        };
        return { cells: [pick('单位', '单位名称', 'name', 'agency'), pick('级别', 'level'), pick('排序', 'order')], where };
      }
      throw new UsageError(`${where}：应为单位名称，或形如 { 单位: 某某县教育局, 级别: 政府部门, 排序: 1 }`);
    }),
  ];
}

/** Turns rows (the first possibly a header) into entries, sorted by 排序 where given. */
function entriesOf(file: string, rows: RawRow[]): RosterEntry[] {
  const clean = (s: string) => s.normalize('NFKC').trim();
  const head = rows[0]?.cells.map(clean) ?? [];
  // The first name of each list wins over its alternatives (排序 over 序号).
  const find = (names: string[]) => names.map((n) => head.indexOf(n)).find((i) => i >= 0) ?? -1;
  const hasHeader = [NAME_HEADERS, LEVEL_HEADERS, ORDER_HEADERS].some((n) => find(n) >= 0);
  const nameCol = hasHeader ? Math.max(0, find(NAME_HEADERS)) : 0;
  const levelCol = hasHeader ? find(LEVEL_HEADERS) : -1;
  const orderCol = hasHeader ? find(ORDER_HEADERS) : -1;
  const seen = new Map<string, string>();
  const ordered: { entry: RosterEntry; order: number; index: number }[] = [];
  for (const [index, row] of (hasHeader ? rows.slice(1) : rows).entries()) {
    const name = (row.cells[nameCol] ?? '').trim();
    if (name === '') continue;
    const key = normalizeName(name);
    const before = seen.get(key);
    if (before) throw new UsageError(`${row.where}：单位“${name}”与 ${before} 重复`);
    seen.set(key, row.where);
    const entry: RosterEntry = { name, where: row.where };
    const levelText = levelCol >= 0 ? clean(row.cells[levelCol] ?? '') : '';
    if (levelText !== '') {
      const level = LEVEL_WORDS[levelText];
      if (!level) throw new UsageError(`${row.where}：级别“${levelText}”应为“政府部门”或“人民政府”`);
      entry.level = level;
    }
    const orderText = orderCol >= 0 ? clean(row.cells[orderCol] ?? '') : '';
    let order = Infinity;
    if (orderText !== '') {
      order = Number(orderText);
      if (!Number.isFinite(order)) throw new UsageError(`${row.where}：排序“${orderText}”应为数字`);
    }
    ordered.push({ entry, order, index });
  }
  if (ordered.length === 0) throw new UsageError(`应报单位名单 ${file} 中没有单位${hasHeader ? '（“单位”一列是空的）' : ''}`);
  // Units without 排序 keep their written order, after those with one.
  return ordered.sort((a, b) => (a.order === b.order ? a.index - b.index : a.order < b.order ? -1 : 1)).map((x) => x.entry);
}

/** Reads a roster file (.yaml/.yml/.json, .csv/.txt, .xlsx). */
export function readRoster(file: string): Roster {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`应报单位名单 ${file} 不存在或无法读取`);
  }
  if (bytes.length > MAX_ROSTER_BYTES) throw new UsageError(`应报单位名单 ${file} 超过 5 MB，不像是名单`);
  const ext = extname(file).toLowerCase();
  const label = basename(file);
  let rows: RawRow[];
  if (ext === '.csv' || ext === '.txt') rows = csvRows(label, bytes);
  else if (ext === '.xlsx') rows = xlsxRows(label, bytes);
  else if (ext === '.yaml' || ext === '.yml' || ext === '.json') rows = yamlRows(label, decodeCsv(bytes));
  else throw new UsageError(`应报单位名单 ${file}：只读取 .csv、.xlsx、.yaml 或 .json 文件`);
  return { file, entries: entriesOf(label, rows) };
}

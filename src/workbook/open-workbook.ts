/**
 * Opens an .xlsx file without a spreadsheet library: the zip checked against the caps,
 * every XML part checked for DOCTYPE, and the cells of the named sheets with their
 * types, values and whether they hold a formula (docs/WORKBOOK.md).
 */
import { posix } from 'node:path';
import { parseXml, childNamed, childrenNamed, decodeXstring, textOf, type XmlElement } from './xml';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip';
import { parseAddress } from './layout';

/** A cell as stored: its type, its value (the cached result for a formula) and whether it is a formula. */
export interface StoredCell {
  kind: 'number' | 'string' | 'bool' | 'error' | 'blank';
  value?: number | string | boolean;
  formula: boolean;
}

/** One worksheet: cells by `row:col` (1-based). */
export interface StoredSheet {
  name: string;
  cells: Map<string, StoredCell>;
}

/** The parts of a workbook xxgk reads. */
export interface StoredWorkbook {
  sheetNames: string[];
  sheets: Map<string, StoredSheet>;
  /** Defined names (workbook scope) and their formula text. */
  definedNames: Map<string, string>;
  /** True for the 1904 date system (old Mac Excel). */
  date1904: boolean;
}

/** Raised when the file is not a workbook xxgk can read; the message is for the user. */
export class WorkbookError extends Error {}

/** The key of a cell in `StoredSheet.cells`. */
export const cellKey = (row: number, col: number) => `${row}:${col}`;

function allText(el: XmlElement, skip: string): string {
  let s = '';
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === skip) continue;
      if (c.name === 't') s += textOf(c);
      else walk(c);
    }
  };
  walk(el);
  return s;
}

/** Reads the workbook's structure and the cells of the sheets named in `wanted`. */
export function openWorkbook(bytes: Uint8Array, wanted: readonly string[]): StoredWorkbook {
  const entries = readZipDirectory(bytes);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));
  const xmlCache = new Map<string, XmlElement>();
  // Every XML part is checked, not only those read, so a hostile part is refused wherever it sits.
  for (const e of entries) if (/\.(xml|rels)$/i.test(e.name)) xmlCache.set(e.name, parseXml(readZipEntry(bytes, e).toString('utf8'), e.name));
  const part = (name: string) => xmlCache.get(name);
  if (byName.has('xl/vbaProject.bin') || /macroEnabled/i.test(JSON.stringify(part('[Content_Types].xml') ?? ''))) {
    throw new WorkbookError('这是启用宏的工作簿（.xlsm），xxgk 不读取含宏的文件：请在 Excel/WPS 中“另存为” Excel 工作簿（.xlsx）');
  }
  const rootRels = part('_rels/.rels');
  const officeDoc = rootRels && childrenNamed(rootRels, 'Relationship').find((r) => /officeDocument$/.test(r.attrs.Type ?? ''));
  const wbPath = officeDoc ? posix.normalize((officeDoc.attrs.Target ?? '').replace(/^\//, '')) : 'xl/workbook.xml';
  const wb = part(wbPath);
  if (!wb || wb.name !== 'workbook') {
    if (byName.has('word/document.xml')) throw new WorkbookError('这是 Word 文件（.docx），不是 Excel 工作簿：请选择用 xxgk init 生成的 .xlsx 工作簿');
    throw new WorkbookError('这不是 Excel 工作簿（.xlsx）：文件中没有工作簿部件');
  }
  const dir = posix.dirname(wbPath);
  const relsPath = posix.join(dir, '_rels', `${posix.basename(wbPath)}.rels`);
  const rels = new Map<string, string>();
  const relsXml = part(relsPath);
  if (relsXml) for (const r of childrenNamed(relsXml, 'Relationship')) rels.set(r.attrs.Id, r.attrs.Target);
  const resolveTarget = (t: string) => (t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(dir, t)));

  const sheetNames: string[] = [];
  const sheetPaths = new Map<string, string>();
  for (const s of childrenNamed(childNamed(wb, 'sheets') ?? { name: '', attrs: {}, children: [] }, 'sheet')) {
    sheetNames.push(s.attrs.name);
    const target = rels.get(s.attrs.id);
    if (target) sheetPaths.set(s.attrs.name, resolveTarget(target));
  }
  const definedNames = new Map<string, string>();
  for (const d of childrenNamed(childNamed(wb, 'definedNames') ?? { name: '', attrs: {}, children: [] }, 'definedName')) {
    if (d.attrs.localSheetId === undefined) definedNames.set(d.attrs.name, textOf(d));
  }
  const date1904 = ['1', 'true'].includes(childNamed(wb, 'workbookPr')?.attrs.date1904 ?? '');

  const sharedPath = [...rels.values()].map(resolveTarget).find((p) => /sharedStrings\d*\.xml$/i.test(p));
  const shared = sharedPath && part(sharedPath) ? childrenNamed(part(sharedPath)!, 'si').map((si) => decodeXstring(allText(si, 'rPh'))) : [];

  const sheets = new Map<string, StoredSheet>();
  for (const name of wanted) {
    const path = sheetPaths.get(name);
    const xml = path ? part(path) : undefined;
    if (!xml) continue;
    sheets.set(name, { name, cells: readCells(xml, shared) });
  }
  return { sheetNames, sheets, definedNames, date1904 };
}

function readCells(sheet: XmlElement, shared: readonly string[]): Map<string, StoredCell> {
  const cells = new Map<string, StoredCell>();
  const data = childNamed(sheet, 'sheetData');
  if (!data) return cells;
  let rowNo = 0;
  for (const row of childrenNamed(data, 'row')) {
    rowNo = row.attrs.r ? Number(row.attrs.r) : rowNo + 1;
    let colNo = 0;
    for (const c of childrenNamed(row, 'c')) {
      const at = c.attrs.r ? parseAddress(c.attrs.r) : undefined;
      colNo = at ? at.col : colNo + 1;
      const r = at ? at.row : rowNo;
      const formula = childNamed(c, 'f') !== undefined;
      const v = childNamed(c, 'v');
      const raw = v ? textOf(v) : undefined;
      const t = c.attrs.t ?? 'n';
      let cell: StoredCell;
      if (t === 'inlineStr') {
        const is = childNamed(c, 'is');
        cell = { kind: 'string', value: is ? decodeXstring(allText(is, 'rPh')) : '', formula };
      } else if (raw === undefined) cell = { kind: 'blank', formula };
      else if (t === 's') cell = { kind: 'string', value: shared[Number(raw)] ?? '', formula };
      else if (t === 'str') cell = { kind: 'string', value: decodeXstring(raw), formula };
      else if (t === 'b') cell = { kind: 'bool', value: raw.trim() === '1' || raw.trim() === 'true', formula };
      else if (t === 'e') cell = { kind: 'error', value: raw, formula };
      else if (raw.trim() === '') cell = { kind: 'blank', formula };
      else cell = { kind: 'number', value: Number(raw), formula };
      cells.set(cellKey(r, colNo), cell);
    }
  }
  return cells;
}

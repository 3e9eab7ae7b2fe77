/**
 * Writes a report as a workbook to fill in (docs/WORKBOOK.md): the text sheet, 表二–表四
 * laid out as the catalogue's grid with locked labels, unlocked validated input cells and
 * SUM formulas in the 总计 cells, the acknowledged-warnings sheet, and defined names for
 * every input cell and the layout version. exceljs is loaded here only, when a workbook
 * is written; its zip is rewritten with fixed dates so the same report gives the same bytes.
 */
import type { Workbook, Worksheet, Cell, DataValidation } from 'exceljs';
import { OUTCOME_ROWS, OUTCOME_TOTAL } from '../catalogue/format-2021';
import { NOT_APPLICABLE } from '../catalogue/types';
import {
  ACK_HEADER,
  ACK_SHEET,
  CONVENTIONS,
  LAYOUT_NAME,
  LAYOUT_VERSION,
  LEVEL_WORDS,
  OVERVIEW_LABEL,
  TABLE_SHEETS,
  TABLE_TOP_ROWS,
  TEXT_FIELDS,
  TEXT_HEADER,
  TEXT_SHEET,
  columnLetters,
  definedNameOf,
  type SheetCell,
  type TableSheet,
} from './layout';
import { encodeXstring } from './xml';
import { readZipDirectory, readZipEntry, writeZip } from './zip';

/** Fixed document dates, so the same report gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2021, 0, 1));
const TEXT_FORMAT = '@';
const FONT = { name: '宋体', size: 11 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFFFFF' } };
const LABEL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } };

type Data = Record<string, unknown>;

/** The value at a data path like `applications.denied.stateSecret[1]`. */
export function valueAt(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const text = (s: string) => encodeXstring(s);

/** Lines a text takes in a column `width` characters wide (a CJK character counts two). */
function linesIn(value: unknown, width: number): number {
  if (typeof value !== 'string' || value === '') return 1;
  return value.split('\n').reduce((n, line) => {
    let w = 0;
    for (const ch of line) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    return n + Math.max(1, Math.ceil(w / (width - 2)));
  }, 0);
}

/** Row height in points for the texts of a row: Excel and LibreOffice do not grow wrapped rows written without one. */
const heightFor = (...cells: [unknown, number][]) => Math.min(409, Math.max(18, 15 * Math.max(...cells.map(([v, w]) => linesIn(v, w)))));

function writeTextSheet(ws: Worksheet, data: Data): void {
  ws.columns = [{ width: 30 }, { width: 60 }, { width: 80 }];
  const title = `${String(data.agency ?? '')}${String(data.year ?? '')}年政府信息公开工作年度报告：基本信息与正文`;
  ws.mergeCells(1, 1, 1, 3);
  Object.assign(ws.getCell(1, 1), { value: text(title), font: { ...FONT, size: 14, bold: true } });
  TEXT_HEADER.forEach((h, i) => Object.assign(ws.getCell(2, i + 1), { value: h, font: { ...FONT, bold: true }, fill: LABEL_FILL, border: BORDER }));
  let row = 3;
  const labelCell = (r: number, label: string) => Object.assign(ws.getCell(r, 1), { value: label, font: { ...FONT, bold: true }, fill: LABEL_FILL, border: BORDER, alignment: { vertical: 'top', wrapText: true } });
  const textCell = (c: Cell, v: unknown) => {
    c.numFmt = TEXT_FORMAT;
    c.alignment = { vertical: 'top', wrapText: true };
    c.border = BORDER;
    c.font = FONT;
    if (typeof v === 'string') c.value = text(v);
    else if (v !== undefined && v !== null) c.value = text(String(v));
  };
  for (const field of TEXT_FIELDS) {
    labelCell(row, field.label);
    const c = ws.getCell(row, 2);
    const v = valueAt(data, field.path);
    if (field.kind === 'year' || field.kind === 'integer') {
      Object.assign(c, { font: FONT, border: BORDER, alignment: { horizontal: 'left', vertical: 'top' } });
      if (typeof v === 'number') c.value = v;
      else textCell(c, v);
      c.dataValidation = { type: 'whole', operator: 'between', formulae: [field.kind === 'year' ? 2000 : 2021, field.kind === 'year' ? 2100 : 2100], allowBlank: field.kind !== 'year', showErrorMessage: true, errorTitle: field.label, error: field.hint };
    } else if (field.kind === 'level') {
      textCell(c, v === 'department' || v === 'government' ? LEVEL_WORDS[v] : v);
      c.dataValidation = { type: 'list', formulae: [`"${LEVEL_WORDS.department},${LEVEL_WORDS.government}"`], allowBlank: true, showErrorMessage: true, errorTitle: field.label, error: field.hint };
    } else textCell(c, v);
    Object.assign(ws.getCell(row, 3), { value: field.hint, font: { ...FONT, color: { argb: 'FF666666' } }, alignment: { vertical: 'top', wrapText: true } });
    ws.getRow(row).height = heightFor([v, 60], [field.hint, 80]);
    row++;
    if (field.path === 'overviewIntro') {
      const items = Array.isArray(data.overview) ? (data.overview as Data[]) : [];
      for (const item of items.length > 0 ? items : [{}]) {
        labelCell(row, OVERVIEW_LABEL);
        textCell(ws.getCell(row, 2), item?.heading);
        textCell(ws.getCell(row, 3), item?.body);
        ws.getRow(row).height = heightFor([item?.heading, 60], [item?.body, 80]);
        row++;
      }
    }
  }
  row++;
  for (const line of CONVENTIONS) {
    ws.mergeCells(row, 1, row, 3);
    Object.assign(ws.getCell(row, 1), { value: line, font: { ...FONT, bold: line === CONVENTIONS[0] }, alignment: { wrapText: true, vertical: 'top' } });
    ws.getRow(row).height = line === CONVENTIONS[0] ? 18 : 32;
    row++;
  }
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } };
}

function validationOf(cell: SheetCell, address: string): DataValidation {
  const f = cell.figure!;
  const common = { allowBlank: false, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: '填写有误' };
  if (f.kind === 'amount') {
    return { ...common, type: 'custom', formulae: [`IF(${address}="${NOT_APPLICABLE}",TRUE,IFERROR(VALUE(${address})>=0,FALSE))`], error: '请填写金额（万元，可有小数，如 0.50），不适用的填 /' };
  }
  if (f.notApplicable) {
    return { ...common, type: 'custom', formulae: [`IF(${address}="${NOT_APPLICABLE}",TRUE,IF(ISNUMBER(${address}),AND(${address}>=0,INT(${address})=${address}),FALSE))`], error: '请填写 0 或正整数，不适用的填 /' };
  }
  return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: '请填写 0 或正整数' };
}

/** The formula of a 总计 cell, and its value from the data (blank cells count 0). */
function totalFormula(sheet: TableSheet, cell: SheetCell, data: Data): { formula: string; result: number } {
  const at = (path: string) => sheet.figures.get(path)!;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : 0);
  const path = cell.figure!.path;
  const col = columnLetters(cell.col);
  const m = /^applications\.(.+)\[(\d)\]$/.exec(path);
  if (m && m[1] === OUTCOME_TOTAL.key && m[2] !== '6') {
    const i = Number(m[2]);
    const first = at(`applications.${OUTCOME_ROWS[0].key}[${i}]`).row;
    const last = at(`applications.${OUTCOME_ROWS[OUTCOME_ROWS.length - 1].key}[${i}]`).row;
    return { formula: `SUM(${col}${first}:${col}${last})`, result: OUTCOME_ROWS.reduce((a, r) => a + num(valueAt(data, `applications.${r.key}[${i}]`)), 0) };
  }
  // A row's 总计: the cells to its left in the same row (6 applicant columns, or 4 outcome columns).
  const span = m ? 6 : 4;
  const from = columnLetters(cell.col - span);
  const to = columnLetters(cell.col - 1);
  const row = m ? m[1] : path.slice(0, path.lastIndexOf('.'));
  const parts = m
    ? [0, 1, 2, 3, 4, 5].map((i) => (m[1] === OUTCOME_TOTAL.key ? OUTCOME_ROWS.reduce((a, r) => a + num(valueAt(data, `applications.${r.key}[${i}]`)), 0) : num(valueAt(data, `applications.${row}[${i}]`))))
    : ['upheld', 'corrected', 'other', 'pending'].map((k) => num(valueAt(data, `${row}.${k}`)));
  return { formula: `SUM(${from}${cell.row}:${to}${cell.row})`, result: parts.reduce((a, b) => a + b, 0) };
}

/** The stated value of a derived cell, when the data states one (the 7th number, `total`). */
function statedTotal(path: string, data: Data): unknown {
  const m = /^applications\.(.+)\[(\d)\]$/.exec(path);
  if (m) {
    const row = valueAt(data, `applications.${m[1]}`);
    if (!Array.isArray(row)) return undefined;
    if (m[1] === OUTCOME_TOTAL.key) return row[Number(m[2])];
    return row.length >= 7 ? row[6] : undefined;
  }
  return valueAt(data, path);
}

function writeTableSheet(ws: Worksheet, sheet: TableSheet, data: Data): void {
  const t = sheet.table;
  const widths = t.name === '表三' ? [8, 14, 40, ...new Array(7).fill(11)] : t.name === '表二' ? [28, 18, 18, 18] : new Array(15).fill(9);
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, t.columns);
  Object.assign(ws.getCell(1, 1), { value: `${t.name}  ${t.section}`, font: { ...FONT, size: 14, bold: true }, alignment: { horizontal: 'center' } });
  ws.mergeCells(2, 1, 2, t.columns);
  const note = t.name === '表二' ? '白色格填数字，没有的填 0，不适用的填 /；收费金额单位为万元，可有小数。' : '白色格填数字，没有的填 0；黄色的总计格是公式，自动合计。';
  Object.assign(ws.getCell(2, 1), { value: note, font: { ...FONT, color: { argb: 'FF666666' } } });
  for (const c of sheet.cells) {
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(c.row, c.col, c.row + c.rowSpan - 1, c.col + c.colSpan - 1);
    const cell = ws.getCell(c.row, c.col);
    cell.border = BORDER;
    cell.font = FONT;
    if (c.label !== undefined) {
      cell.value = c.label;
      cell.fill = LABEL_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      continue;
    }
    const f = c.figure!;
    const address = `${columnLetters(c.col)}${c.row}`;
    cell.protection = { locked: false };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.dataValidation = validationOf(c, address);
    if (f.derived) {
      cell.fill = TOTAL_FILL;
      const stated = statedTotal(f.path, data);
      if (stated !== undefined) cell.value = stated as number;
      else {
        const { formula, result } = totalFormula(sheet, c, data);
        cell.value = { formula, result };
      }
      continue;
    }
    cell.fill = INPUT_FILL;
    const v = valueAt(data, f.path);
    if (f.kind === 'amount') {
      cell.numFmt = TEXT_FORMAT;
      cell.value = v === undefined ? '0' : v === null ? null : text(String(v));
    } else if (v === undefined) cell.value = 0;
    else if (v === null) cell.value = null;
    else if (typeof v === 'number') cell.value = v;
    else cell.value = text(String(v));
  }
  // Borders on the covered cells of merges, so a merged block prints with its full frame.
  for (const c of sheet.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) ws.getCell(r, k).border = BORDER;
  // Rows as tall as their longest one-row label wraps (表三's （六）1./2. take two lines).
  const lines = new Map<number, number>();
  for (const c of sheet.cells) {
    if (c.label === undefined || c.rowSpan > 1) continue;
    const width = widths.slice(c.col - 1, c.col - 1 + c.colSpan).reduce((a, b) => a + b, 0);
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, linesIn(c.label, width)));
  }
  for (let r = TABLE_TOP_ROWS + 1; r <= TABLE_TOP_ROWS + t.rows; r++) ws.getRow(r).height = Math.max(20, 15 * (lines.get(r) ?? 1) + 4);
  ws.pageSetup = {
    paperSize: 9,
    orientation: t.name === '表二' ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(t.headerRows > 0 ? { printTitlesRow: `${TABLE_TOP_ROWS + 1}:${TABLE_TOP_ROWS + t.headerRows}` } : {}),
  };
  ws.views = [{ state: 'frozen', ySplit: TABLE_TOP_ROWS + t.headerRows }];
}

function writeAckSheet(ws: Worksheet, data: Data): void {
  ws.columns = [{ width: 14 }, { width: 40 }, { width: 80 }];
  ACK_HEADER.forEach((h, i) => Object.assign(ws.getCell(1, i + 1), { value: h, font: { ...FONT, bold: true }, fill: LABEL_FILL, border: BORDER }));
  const items = Array.isArray(data.acknowledged) ? (data.acknowledged as Data[]) : [];
  items.forEach((a, i) => {
    ['code', 'path', 'reason'].forEach((k, j) => {
      const c = ws.getCell(i + 2, j + 1);
      c.numFmt = TEXT_FORMAT;
      c.alignment = { vertical: 'top', wrapText: true };
      const v = a?.[k];
      if (v !== undefined && v !== null) c.value = text(String(v));
    });
  });
}

/** The `<definedNames>` entries: the layout version and every figure cell. */
function definedNamesXml(): string {
  const names: [string, string][] = [[LAYOUT_NAME, `"${LAYOUT_VERSION}"`]];
  for (const s of TABLE_SHEETS) for (const [path, c] of s.figures) names.push([definedNameOf(path), `'${s.name}'!$${columnLetters(c.col)}$${c.row}`]);
  names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return names.map(([n, v]) => `<definedName name="${n}">${esc(v)}</definedName>`).join('');
}

/** Rewrites exceljs' zip: our defined names added to workbook.xml, fixed dates, same order, no folder entries. */
function finish(bytes: Uint8Array): Buffer {
  // Folder entries (JSZip writes them) carry nothing a workbook needs; Excel writes none.
  const parts = readZipDirectory(bytes)
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => ({ name: e.name, data: readZipEntry(bytes, e) }));
  for (const p of parts) {
    if (p.name !== 'xl/workbook.xml') continue;
    let xml = p.data.toString('utf8');
    xml = xml.includes('<definedNames>')
      ? xml.replace('<definedNames>', `<definedNames>${definedNamesXml()}`)
      : xml.replace('</sheets>', `</sheets><definedNames>${definedNamesXml()}</definedNames>`);
    p.data = Buffer.from(xml, 'utf8');
  }
  return writeZip(parts);
}

/** Writes raw report data (as loaded from YAML, JSON or a workbook) as workbook bytes. */
export async function writeReportWorkbook(data: Data): Promise<Buffer> {
  // Lazily, so a YAML render never loads exceljs.
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = 'xxgk';
  wb.lastModifiedBy = 'xxgk';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties = { fullCalcOnLoad: true };
  writeTextSheet(wb.addWorksheet(TEXT_SHEET, { properties: { tabColor: { argb: 'FF4472C4' } } }), data);
  for (const sheet of TABLE_SHEETS) {
    const ws = wb.addWorksheet(sheet.name);
    writeTableSheet(ws, sheet, data);
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  writeAckSheet(wb.addWorksheet(ACK_SHEET), data);
  const out = await wb.xlsx.writeBuffer();
  return finish(new Uint8Array(out as ArrayBuffer));
}

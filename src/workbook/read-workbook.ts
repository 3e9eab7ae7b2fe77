/**
 * Reads a report workbook (as written by `xxgk init 报告.xlsx`, then filled in by hand)
 * into the same raw data a YAML file gives, with a source map from data paths to cells
 * (`表三!E6`). Cells are found through the workbook's defined names, or, where those are
 * missing, at the layout's positions after checking the official labels there
 * (docs/WORKBOOK.md).
 */
import { APPLICATION_ROWS, OUTCOME_COLUMNS, OUTCOME_TOTAL, REVIEW_LITIGATION_PARTS, DOCUMENT_ROWS, DOCUMENT_COLUMNS } from '../catalogue/format-2021';
import { NOT_APPLICABLE } from '../catalogue/types';
import type { SourceMap } from '../load/source-map';
import type { Diagnostic } from '../validate/diagnostic';
import {
  ACK_SHEET,
  LAYOUT_NAME,
  LAYOUT_VERSION,
  LEVEL_WORDS,
  OVERVIEW_LABEL,
  TABLE_SHEETS,
  TEXT_FIELDS,
  TEXT_SHEET,
  cellRef,
  definedNameOf,
  parseAddress,
  type SheetCell,
  type TableSheet,
} from './layout';
import { cellKey, openWorkbook, WorkbookError, type StoredCell, type StoredSheet, type StoredWorkbook } from './open-workbook';
import { XmlError } from './xml';
import { ZipError } from './zip';

/** What reading a workbook gives: raw data (not yet validated), cells by path, findings. */
export interface LoadedWorkbook {
  data: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

const BLANK: StoredCell = { kind: 'blank', formula: false };

function shapeError(message: string): Diagnostic {
  return { severity: 'error', code: 'XLSX', path: '', message };
}

/** Full-width digits, points and spaces to ASCII (as typed with a Chinese input method). */
function normalizeDigits(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000]/g, '');
}

/** Excel date serial to YYYY-MM-DD. */
function serialToDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // Excel's 1900 system counts a 29 February 1900 that never was; serials after it are one day late.
  const ms = Date.UTC(1899, 11, days < 61 ? 31 : 30) + days * 86400000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  readonly cells = new Map<string, string>();

  constructor(private readonly wb: StoredWorkbook) {}

  warn(path: string, ref: string, message: string): void {
    this.diagnostics.push({ severity: 'warning', code: 'XLSX-CONVERTED', path, cell: ref, message });
  }

  error(path: string, ref: string, message: string): void {
    this.diagnostics.push({ severity: 'error', code: 'XLSX-CELL', path, cell: ref, message });
  }

  /** The cells of a figure of a table sheet, by defined name where present, else by position. */
  locate(sheet: TableSheet, cell: SheetCell, useNames: boolean): { sheet: StoredSheet; row: number; col: number } | undefined {
    if (useNames) {
      const target = this.wb.definedNames.get(definedNameOf(cell.figure!.path));
      const m = target ? /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+)$/.exec(target.trim()) : null;
      const s = m ? this.wb.sheets.get((m[1] ?? m[2]).replace(/''/g, "'")) : undefined;
      const at = m ? parseAddress(m[3]) : undefined;
      if (s && at) return { sheet: s, ...at };
    }
    const s = this.wb.sheets.get(sheet.name);
    return s ? { sheet: s, row: cell.row, col: cell.col } : undefined;
  }

  /** A figure cell's value: a number, “/”, a string to be rejected by validation, or null when blank. */
  figure(path: string, ref: string, cell: StoredCell, kind: 'count' | 'amount'): unknown {
    if (cell.kind === 'blank') return null;
    if (cell.kind === 'error') {
      this.error(path, ref, `是错误值 ${String(cell.value)}，请改为数字`);
      return null;
    }
    if (cell.kind === 'number') {
      const n = cell.value as number;
      if (cell.formula) this.warn(path, ref, `是公式，按其计算结果 ${n} 读取；请直接填写数字`);
      return n;
    }
    if (cell.kind === 'bool') return cell.value;
    const raw = cell.value as string;
    if (raw.trim() === '') return null;
    if (raw.trim() === NOT_APPLICABLE || normalizeDigits(raw) === NOT_APPLICABLE) return NOT_APPLICABLE;
    const digits = normalizeDigits(raw);
    if (/^\d+(\.\d+)?$/.test(digits)) {
      if (kind === 'amount') {
        if (digits !== raw) this.warn(path, ref, `“${raw}”按 ${digits} 读取`);
        return digits;
      }
      this.warn(path, ref, `“${raw}”是文本，按数字 ${Number(digits)} 读取`);
      return Number(digits);
    }
    return raw;
  }
}

/** True when the label cell at the layout's position says what the catalogue says. */
function sameLabel(stored: StoredCell | undefined, label: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return stored?.kind === 'string' && norm(String(stored.value)) === norm(label);
}

function readTables(wb: StoredWorkbook, r: Reader): Record<string, unknown> | undefined {
  const useNames = wb.definedNames.get(LAYOUT_NAME) !== undefined;
  const missing = TABLE_SHEETS.filter((t) => !wb.sheets.has(t.name)).map((t) => t.name);
  if (missing.length > 0) {
    r.diagnostics.push(shapeError(`工作簿中没有工作表 ${missing.join('、')}：请用 xxgk init 报告.xlsx 生成的工作簿填写（现有工作表：${wb.sheetNames.join('、') || '无'}）`));
    return undefined;
  }
  if (!useNames || TABLE_SHEETS.some((t) => [...t.figures.keys()].some((p) => !wb.definedNames.has(definedNameOf(p))))) {
    // Without the names, the layout's positions are trusted only where the official labels are where they belong.
    for (const t of TABLE_SHEETS) {
      const s = wb.sheets.get(t.name)!;
      const wrong = t.cells.find((c) => c.label !== undefined && !sameLabel(s.cells.get(cellKey(c.row, c.col)), c.label));
      if (wrong) {
        const found = s.cells.get(cellKey(wrong.row, wrong.col));
        r.diagnostics.push(
          shapeError(
            `${cellRef(t.name, wrong.row, wrong.col)} 应为“${wrong.label}”，实际是${found?.value !== undefined ? `“${String(found.value)}”` : '空白'}：` +
              `工作表 ${t.name} 的格式与国家格式不同（行或列被移动、插入或删除）。请用 xxgk init 报告.xlsx 重新生成工作簿，再把数字抄过去`,
          ),
        );
        return undefined;
      }
    }
  }
  const data: Record<string, unknown> = {};
  const values = new Map<string, { value: unknown; stated: boolean }>();
  for (const t of TABLE_SHEETS) {
    r.cells.set(t.table.key, t.name);
    for (const cell of t.cells) {
      if (!cell.figure) continue;
      const f = cell.figure;
      const at = r.locate(t, cell, useNames);
      if (!at) continue;
      const ref = cellRef(at.sheet.name, at.row, at.col);
      r.cells.set(f.path, ref);
      const stored = at.sheet.cells.get(cellKey(at.row, at.col)) ?? BLANK;
      if (f.derived) {
        // A formula (or nothing) in a 总计 cell leaves the total to xxgk; a constant is a stated total to check.
        if (stored.formula || stored.kind === 'blank') values.set(f.path, { value: undefined, stated: false });
        else values.set(f.path, { value: r.figure(f.path, ref, stored, f.kind), stated: true });
      } else values.set(f.path, { value: r.figure(f.path, ref, stored, f.kind), stated: true });
    }
  }
  const get = (p: string) => values.get(p)?.value;

  const proactive: Record<string, unknown> = {};
  for (const row of DOCUMENT_ROWS) proactive[row.key] = Object.fromEntries(DOCUMENT_COLUMNS.map((c) => [c.key, get(`proactive.${row.key}.${c.key}`)]));
  for (const key of ['licensing', 'penalty', 'coercion', 'fees']) proactive[key] = get(`proactive.${key}`);
  data.proactive = proactive;

  const applications: Record<string, unknown> = {};
  const setIn = (key: string, v: unknown) => {
    const parts = key.split('.');
    let o = applications;
    for (const k of parts.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = v;
  };
  for (const row of APPLICATION_ROWS) {
    const p = (i: number) => `applications.${row.key}[${i}]`;
    if (row === OUTCOME_TOTAL) {
      if (![0, 1, 2, 3, 4, 5, 6].some((i) => values.get(p(i))?.stated)) continue;
      // A stated （七）总计 row: cells still holding their formula are the column sums they compute.
      const sums = [0, 1, 2, 3, 4, 5].map((i) => {
        const v = get(p(i));
        if (values.get(p(i))?.stated) return v;
        const parts = APPLICATION_ROWS.filter((x) => x.block && x !== OUTCOME_TOTAL).map((x) => get(`applications.${x.key}[${i}]`));
        return parts.every((x) => typeof x === 'number') ? (parts as number[]).reduce((a, b) => a + b, 0) : null;
      });
      const total = values.get(p(6))?.stated ? get(p(6)) : undefined;
      setIn(row.key, total === undefined ? sums : [...sums, total]);
      continue;
    }
    const six = [0, 1, 2, 3, 4, 5].map((i) => get(p(i)));
    const total = values.get(p(6))?.stated ? get(p(6)) : undefined;
    setIn(row.key, total === undefined ? six : [...six, total]);
  }
  data.applications = applications;

  const reviewLitigation: Record<string, unknown> = {};
  for (const part of REVIEW_LITIGATION_PARTS) {
    const o: Record<string, unknown> = {};
    for (const c of OUTCOME_COLUMNS) o[c.key] = get(`reviewLitigation.${part.key}.${c.key}`);
    const total = values.get(`reviewLitigation.${part.key}.total`);
    if (total?.stated) o.total = total.value;
    reviewLitigation[part.key] = o;
  }
  data.reviewLitigation = reviewLitigation;
  return data;
}

function cellText(c: StoredCell | undefined): string | undefined {
  if (!c || c.kind === 'blank') return undefined;
  return String(c.value);
}

function readText(wb: StoredWorkbook, r: Reader): Record<string, unknown> | undefined {
  const sheet = wb.sheets.get(TEXT_SHEET);
  if (!sheet) {
    r.diagnostics.push(shapeError(`工作簿中没有工作表“${TEXT_SHEET}”：请用 xxgk init 报告.xlsx 生成的工作簿填写（现有工作表：${wb.sheetNames.join('、') || '无'}）`));
    return undefined;
  }
  r.cells.set('', TEXT_SHEET);
  let lastRow = 0;
  for (const key of sheet.cells.keys()) lastRow = Math.max(lastRow, Number(key.split(':')[0]));
  const labelAt = (row: number) => cellText(sheet.cells.get(cellKey(row, 1)))?.normalize('NFKC').replace(/\s+/g, '');
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const rowOf = new Map<string, number>();
  for (let row = 1; row <= lastRow; row++) {
    const l = labelAt(row);
    if (l && !rowOf.has(l)) rowOf.set(l, row);
  }
  const data: Record<string, unknown> = {};
  const signature: Record<string, unknown> = {};
  const textValue = (path: string, ref: string, c: StoredCell | undefined): string | undefined => {
    if (!c || c.kind === 'blank') return undefined;
    if (c.kind === 'error') {
      r.error(path, ref, `是错误值 ${String(c.value)}`);
      return undefined;
    }
    if (c.kind === 'number' || c.kind === 'bool') {
      r.warn(path, ref, `是数字 ${String(c.value)}，按文字读取；请把单元格设为“文本”格式再填写，以免丢失开头的 0 或小数末尾的 0`);
      return String(c.value);
    }
    const s = (c.value as string).replace(/\r\n?/g, '\n');
    return s === '' ? undefined : s;
  };
  for (const field of TEXT_FIELDS) {
    const row = rowOf.get(norm(field.label));
    if (row === undefined) continue;
    const ref = cellRef(TEXT_SHEET, row, 2);
    r.cells.set(field.path, ref);
    const c = sheet.cells.get(cellKey(row, 2));
    let value: unknown;
    if (field.kind === 'text') value = textValue(field.path, ref, c);
    else if (field.kind === 'year' || field.kind === 'integer') {
      if (c?.kind === 'number') value = c.value;
      else {
        const s = textValue(field.path, ref, c);
        const digits = s === undefined ? undefined : normalizeDigits(s);
        if (digits !== undefined && /^\d+$/.test(digits)) {
          if (digits !== s) r.warn(field.path, ref, `“${s}”按数字 ${digits} 读取`);
          value = Number(digits);
        } else value = s;
      }
    } else if (field.kind === 'date') {
      if (c?.kind === 'number') {
        value = serialToDate(c.value as number, wb.date1904) ?? String(c.value);
        r.warn(field.path, ref, `是 Excel 日期，按 ${String(value)} 读取`);
      } else value = textValue(field.path, ref, c)?.trim();
    } else {
      const s = textValue(field.path, ref, c)?.trim();
      value = s === undefined ? undefined : s === LEVEL_WORDS.department ? 'department' : s === LEVEL_WORDS.government ? 'government' : s;
    }
    if (field.path.startsWith('signature.')) {
      if (value !== undefined) signature[field.path.slice('signature.'.length)] = value;
    } else if (value !== undefined) data[field.path] = value;
  }
  const overview: Record<string, unknown>[] = [];
  let inBlock = false;
  for (let row = 1; row <= lastRow; row++) {
    const l = labelAt(row);
    const isOverview: boolean = l === norm(OVERVIEW_LABEL) || (inBlock && l === undefined);
    inBlock = isOverview;
    if (!isOverview) continue;
    const i = overview.length;
    const headRef = cellRef(TEXT_SHEET, row, 2);
    const bodyRef = cellRef(TEXT_SHEET, row, 3);
    const heading = textValue(`overview[${i}].heading`, headRef, sheet.cells.get(cellKey(row, 2)));
    const body = textValue(`overview[${i}].body`, bodyRef, sheet.cells.get(cellKey(row, 3)));
    if (heading === undefined && body === undefined) continue;
    r.cells.set(`overview[${i}]`, headRef);
    r.cells.set(`overview[${i}].heading`, headRef);
    r.cells.set(`overview[${i}].body`, bodyRef);
    overview.push(body === undefined ? { heading: heading ?? '' } : { heading: heading ?? '', body });
  }
  if (overview.length > 0) data.overview = overview;
  if (Object.keys(signature).length > 0) data.signature = signature;
  return data;
}

function readAcknowledged(wb: StoredWorkbook, r: Reader): unknown[] | undefined {
  const sheet = wb.sheets.get(ACK_SHEET);
  if (!sheet) return undefined;
  let lastRow = 0;
  for (const key of sheet.cells.keys()) lastRow = Math.max(lastRow, Number(key.split(':')[0]));
  const out: unknown[] = [];
  for (let row = 2; row <= lastRow; row++) {
    const [code, path, reason] = [1, 2, 3].map((col) => cellText(sheet.cells.get(cellKey(row, col)))?.replace(/\r\n?/g, '\n'));
    if (code === undefined && path === undefined && reason === undefined) continue;
    const i = out.length;
    r.cells.set(`acknowledged[${i}]`, cellRef(ACK_SHEET, row, 1));
    r.cells.set(`acknowledged[${i}].code`, cellRef(ACK_SHEET, row, 1));
    r.cells.set(`acknowledged[${i}].path`, cellRef(ACK_SHEET, row, 2));
    r.cells.set(`acknowledged[${i}].reason`, cellRef(ACK_SHEET, row, 3));
    out.push({ code: code ?? '', ...(path !== undefined ? { path } : {}), reason: reason ?? '' });
  }
  if (out.length > 0) r.cells.set('acknowledged', ACK_SHEET);
  return out.length > 0 ? out : undefined;
}

/** The canonical key order of a report (the schema's), so converted files read naturally. */
const KEY_ORDER = ['agency', 'year', 'title', 'contact', 'preamble', 'overviewIntro', 'overview', 'proactive', 'applicationsIntro', 'applications', 'reviewLitigation', 'problems', 'otherMatters', 'signature', 'format', 'level', 'published', 'acknowledged'];

/** Reads workbook bytes into raw report data, a source map by cell, and findings. */
export function readReportWorkbook(bytes: Uint8Array): LoadedWorkbook {
  const r0 = new Map<string, string>();
  const sourceMap: SourceMap = { lineOf: () => undefined, cellOf: (p) => r0.get(p) };
  let wb: StoredWorkbook;
  try {
    wb = openWorkbook(bytes, [TEXT_SHEET, ACK_SHEET, ...TABLE_SHEETS.map((t) => t.name)]);
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlError || e instanceof WorkbookError) return { data: undefined, sourceMap, diagnostics: [shapeError(e.message)] };
    throw e;
  }
  const version = wb.definedNames.get(LAYOUT_NAME)?.replace(/^"|"$/g, '');
  if (version !== undefined && version !== LAYOUT_VERSION) {
    return { data: undefined, sourceMap, diagnostics: [shapeError(`工作簿的版式版本是 ${version}，这个版本的 xxgk 只认识 ${LAYOUT_VERSION}：请升级 xxgk，或用 xxgk init 重新生成工作簿`)] };
  }
  const r = new Reader(wb);
  const text = readText(wb, r);
  const tables = readTables(wb, r);
  if (!text || !tables) return { data: undefined, sourceMap, diagnostics: r.diagnostics.filter((d) => d.code === 'XLSX') };
  const acknowledged = readAcknowledged(wb, r);
  const all: Record<string, unknown> = { ...text, ...tables, ...(acknowledged ? { acknowledged } : {}) };
  const data: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (all[k] !== undefined) data[k] = all[k];
  for (const [k, v] of r.cells) r0.set(k, v);
  return { data, sourceMap, diagnostics: r.diagnostics };
}

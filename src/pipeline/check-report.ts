import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Report } from '../model/schema';
import { decodeInput, loadReportText } from '../load/load-report';
import { nearestCell, type SourceMap } from '../load/source-map';
import type { Diagnostic } from '../validate/diagnostic';
import type { RulesConfig } from '../validate/rules-config';
import { validateReport } from '../validate/validate';
import { LOCKED_ADVICE } from '../util/atomic-write';

/** A report file read and validated: the typed report (when its shape is valid) and every finding. */
export interface CheckedReport {
  file: string;
  report?: Report;
  sourceMap?: SourceMap;
  diagnostics: Diagnostic[];
}

import { InputFileError } from './input-file-error';

export { InputFileError };

/** Reads a file's bytes, turning a missing or unreadable file into an `InputFileError`. */
export function readInputBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError(`${file}: 文件不存在`);
    if (code === 'EISDIR') throw new InputFileError(`${file}: 这是一个文件夹，不是报告文件`);
    if (code === 'EACCES') throw new InputFileError(`${file}: 没有读取权限`);
    if (code === 'EBUSY' || code === 'EPERM') throw new InputFileError(`${file}: 正被其他程序占用，${LOCKED_ADVICE}`);
    throw new InputFileError(`${file}: 无法读取（${code ?? (e as Error).message}）`);
  }
}

/** Extensions of spreadsheet files xxgk does not read, with what to say. */
const OTHER_SPREADSHEETS: Record<string, string> = {
  '.xls': '旧版 Excel 文件（.xls）',
  '.xlsm': '启用宏的 Excel 工作簿（.xlsm）',
  '.et': 'WPS 表格文件（.et）',
  '.ods': 'OpenDocument 表格（.ods）',
};

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Parses report bytes (YAML, JSON or an .xlsx workbook, told apart by content) without validating them. */
export function parseReportBytes(bytes: Uint8Array, file = ''): { data: unknown; sourceMap?: SourceMap; diagnostics: Diagnostic[] } {
  const other = OTHER_SPREADSHEETS[extname(file).toLowerCase()];
  const refuse = (what: string) => ({
    data: undefined,
    diagnostics: [{ severity: 'error' as const, code: 'XLSX', path: '', message: `这是${what}，xxgk 只读取普通的 Excel 工作簿（.xlsx）：请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx）后再试` }],
  });
  if (other) return refuse(other);
  if (isOle(bytes) && /\.(xlsx|xls|et)$/i.test(file)) return refuse('旧版 Excel/WPS 表格文件（.xls/.et）或设置了打开密码的工作簿');
  // A zip named .yaml/.json keeps the loader's “this is a Word/Excel file” message; any other name is read as a workbook.
  if (isZip(bytes) && !['.yaml', '.yml', '.json'].includes(extname(file).toLowerCase())) {
    // Lazily, so reading YAML never loads the workbook code.
    const { readReportWorkbook } = require('../workbook/read-workbook') as typeof import('../workbook/read-workbook');
    return readReportWorkbook(bytes);
  }
  const decoded = decodeInput(bytes);
  if (decoded.diagnostic) return { data: undefined, diagnostics: [decoded.diagnostic] };
  return loadReportText(decoded.text ?? '');
}

/**
 * Last year's report for the cross-year rules: its bytes (a data file), data already read (an
 * imported report), or why it could not be read.
 */
export type PreviousReport = Uint8Array | { data: unknown } | { error: string };

/** What a check takes besides the report: last year's report (and its file name), a rules file's values. */
export interface CheckOptions {
  previous?: PreviousReport;
  previousFile?: string;
  rules?: RulesConfig;
}

/** Loads and validates report bytes. */
export function checkReportBytes(file: string, bytes: Uint8Array, { previous, previousFile, rules }: CheckOptions = {}): CheckedReport {
  const loaded = parseReportBytes(bytes, file);
  // A workbook's cell-level errors (an error value read as blank) still let the rest be validated.
  if (loaded.data === undefined || !loaded.sourceMap) return { file, diagnostics: loaded.diagnostics };
  let prev: { data: unknown } | undefined;
  const extra: Diagnostic[] = [];
  if (previous && !(previous instanceof Uint8Array)) {
    if ('error' in previous) extra.push({ severity: 'error', code: 'PREVIOUS', path: '', message: `上年报告无法读取：${previous.error}` });
    else prev = { data: previous.data };
  } else if (previous) {
    const p = parseReportBytes(previous, previousFile);
    if (p.data === undefined) {
      extra.push({ severity: 'error', code: 'PREVIOUS', path: '', message: `上年报告无法读取：${p.diagnostics[0].message}` });
    } else prev = { data: p.data };
  }
  const { report, diagnostics } = validateReport(loaded.data, loaded.sourceMap, { previous: prev, rules });
  const map = loaded.sourceMap;
  const placed = map.cellOf ? diagnostics.map((d) => (d.cell === undefined ? { ...d, cell: nearestCell(map, d.path) } : d)) : diagnostics;
  return { file, report, sourceMap: map, diagnostics: [...extra, ...loaded.diagnostics, ...placed] };
}

/** Reads, loads and validates a report file. */
export function checkReportFile(file: string, previous?: string | PreviousReport, rules?: RulesConfig): CheckedReport {
  const bytes = readInputBytes(file);
  const previousFile = typeof previous === 'string' ? previous : undefined;
  return checkReportBytes(file, bytes, { previous: previousFile !== undefined ? readInputBytes(previousFile) : (previous as PreviousReport | undefined), previousFile, rules });
}

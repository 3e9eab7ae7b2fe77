import { readFileSync } from 'node:fs';
import type { Report } from '../model/schema';
import { decodeInput, loadReportText } from '../load/load-report';
import type { SourceMap } from '../load/source-map';
import type { Diagnostic } from '../validate/diagnostic';
import { validateReport } from '../validate/validate';

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
    throw new InputFileError(`${file}: 无法读取（${code ?? (e as Error).message}）`);
  }
}

/** Parses report bytes without validating them. */
export function parseReportBytes(bytes: Uint8Array): { data: unknown; sourceMap?: SourceMap; diagnostics: Diagnostic[] } {
  const decoded = decodeInput(bytes);
  if (decoded.diagnostic) return { data: undefined, diagnostics: [decoded.diagnostic] };
  return loadReportText(decoded.text ?? '');
}

/**
 * Last year's report for the cross-year rules: its bytes (YAML/JSON), data already read (an
 * imported report), or why it could not be read.
 */
export type PreviousReport = Uint8Array | { data: unknown } | { error: string };

/** Loads and validates report bytes; `previous` is last year's report for the cross-year rules. */
export function checkReportBytes(file: string, bytes: Uint8Array, previous?: PreviousReport): CheckedReport {
  const loaded = parseReportBytes(bytes);
  if (loaded.diagnostics.length > 0 || !loaded.sourceMap) return { file, diagnostics: loaded.diagnostics };
  let prev: { data: unknown } | undefined;
  const extra: Diagnostic[] = [];
  if (previous && !(previous instanceof Uint8Array)) {
    if ('error' in previous) extra.push({ severity: 'error', code: 'PREVIOUS', path: '', message: `上年报告无法读取：${previous.error}` });
    else prev = { data: previous.data };
  } else if (previous) {
    const p = parseReportBytes(previous);
    if (p.diagnostics.length > 0) {
      extra.push({ severity: 'error', code: 'PREVIOUS', path: '', message: `上年报告无法读取：${p.diagnostics[0].message}` });
    } else prev = { data: p.data };
  }
  const { report, diagnostics } = validateReport(loaded.data, loaded.sourceMap, prev ? { previous: prev } : undefined);
  return { file, report, sourceMap: loaded.sourceMap, diagnostics: [...extra, ...diagnostics] };
}

/** Reads, loads and validates a report file. */
export function checkReportFile(file: string, previousFile?: string | PreviousReport): CheckedReport {
  const bytes = readInputBytes(file);
  const previous = typeof previousFile === 'string' ? readInputBytes(previousFile) : previousFile;
  return checkReportBytes(file, bytes, previous);
}

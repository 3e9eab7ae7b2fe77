import type { Diagnostic } from '../validate/diagnostic';
import { OUTSIDE_LABEL, STATUS_LABEL, type BatchStatus } from './batch-status';

/** The outcome of one file in a batch (a row of summary.json / summary.csv); with a roster, also of a unit that sent none (`missing`, file ''). */
export interface ReportOutcome {
  file: string;
  agency?: string;
  year?: number;
  status: BatchStatus;
  errors: number;
  warnings: number;
  acknowledged: number;
  /** The findings; for a skipped file, one note (severity `hint`, code `SKIP`) saying why. */
  diagnostics: Diagnostic[];
  outputs: string[];
  /** Pages of the PDF, when one was made. */
  pdfPages?: number;
  ms: number;
  /** With a roster: the roster's name of the unit this report is (or, for `missing`, that sent none). */
  rosterName?: string;
  /** With a roster: true for a report whose agency is on no entry (名单外). */
  outside?: boolean;
  /** For a report outside the roster: roster names close to its agency (edit distance ≤ 2), not matched. */
  suggestions?: string[];
}

/** The compiled volume of a batch: its file, reports, pages and where each unit starts (printed page number). */
export interface CombinedOutcome {
  file: string;
  reports: number;
  pages: number;
  units: { file: string; agency: string; firstPage: number }[];
  /** Why it was not written, when it was not. */
  error?: string;
  /** Findings laying out its cover and 目录. */
  warnings?: string[];
}

/** The whole batch summary written to DIR/summary.json: how many files have each status, and each file's outcome in input order. */
export interface BatchSummary extends Record<BatchStatus, number> {
  /** Files that are reports: every file but the skipped ones (and the roster's missing units). */
  reports: number;
  /** With `--combined`: the compiled volume written (or why not). */
  combined?: CombinedOutcome;
  /** With a roster: the roster file, its number of units and the reports outside it (名单外). */
  roster?: { file: string; units: number; outside: number };
  results: ReportOutcome[];
}

/** Builds the summary from per-file outcomes. */
export function summarize(results: ReportOutcome[], roster?: { file: string; units: number }): BatchSummary {
  const count = (s: BatchStatus) => results.filter((r) => r.status === s).length;
  return {
    reports: results.length - count('skipped') - count('missing'),
    ok: count('ok'),
    errors: count('errors'),
    refused: count('refused'),
    failed: count('failed'),
    skipped: count('skipped'),
    missing: count('missing'),
    ...(roster ? { roster: { ...roster, outside: results.filter((r) => r.outside).length } } : {}),
    results,
  };
}

/** The batch's last line: the count of each status, in the words used everywhere else. */
export function statusCounts(summary: BatchSummary): string {
  const reports = (['ok', 'errors', 'refused', 'failed'] as const).map((s) => `${STATUS_LABEL[s]} ${summary[s]}`);
  const roster = summary.roster ? `；名单 ${summary.roster.units} 个单位：${STATUS_LABEL.missing} ${summary.missing}，${OUTSIDE_LABEL} ${summary.roster.outside} 份` : '';
  return `共 ${summary.reports} 份报告：${reports.join('，')}；${STATUS_LABEL.skipped} ${summary.skipped} 个文件${roster}`;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A CSV cell Excel reads as text: a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading `'` (OWASP's rule against CSV injection), except a plain number;
 * then it is quoted when it holds a quote, comma or line break.
 */
export function csvCell(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** summary.csv: UTF-8 with BOM so Excel opens it, one row per input. */
export function summaryCsv(summary: BatchSummary): string {
  const header = ['文件', '机关名称', '年度', '状态', '错误数', '警告数', '已确认警告数', '问题', '输出文件', 'PDF 页数', '耗时（毫秒）', ...(summary.roster ? ['名单'] : [])];
  const rows = summary.results.map((r) => [
    r.file,
    r.agency,
    r.year,
    STATUS_LABEL[r.status],
    r.errors,
    r.warnings,
    r.acknowledged,
    r.diagnostics.map((d) => `${d.severity === 'error' ? '错误' : d.severity === 'warning' ? '警告' : '提示'} ${d.code}${d.line ? ` 第${d.line}行` : ''}：${d.message}${d.acknowledged ? `（已确认：${d.acknowledged.reason}）` : ''}`).join('\n'),
    r.outputs.join('\n'),
    r.pdfPages,
    r.status === 'missing' ? undefined : Math.round(r.ms),
    ...(summary.roster ? [rosterCell(r)] : []),
  ]);
  return '\ufeff' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The 名单 column: the roster's name for the unit, or 名单外 with the near names. */
export function rosterCell(r: ReportOutcome): string {
  if (r.outside) return `${OUTSIDE_LABEL}${r.suggestions?.length ? `（名单中相近的单位：${r.suggestions.join('、')}）` : ''}`;
  return r.rosterName ?? '';
}

import type { Diagnostic } from '../validate/diagnostic';

/** The outcome of one report in a batch (a row of summary.json / summary.csv). */
export interface ReportOutcome {
  file: string;
  agency?: string;
  year?: number;
  /** `ok`: rendered; `failed`: could not be parsed or rendered; `refused`: `--strict` and errors. */
  status: 'ok' | 'failed' | 'refused';
  errors: number;
  warnings: number;
  acknowledged: number;
  diagnostics: Diagnostic[];
  outputs: string[];
  /** Pages of the PDF, when one was made. */
  pdfPages?: number;
  ms: number;
}

/** The whole batch summary written to DIR/summary.json. */
export interface BatchSummary {
  reports: number;
  ok: number;
  failed: number;
  refused: number;
  withErrors: number;
  results: ReportOutcome[];
}

/** Builds the summary from per-report outcomes. */
export function summarize(results: ReportOutcome[]): BatchSummary {
  return {
    reports: results.length,
    ok: results.filter((r) => r.status === 'ok').length,
    failed: results.filter((r) => r.status === 'failed').length,
    refused: results.filter((r) => r.status === 'refused').length,
    withErrors: results.filter((r) => r.errors > 0).length,
    results,
  };
}

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const STATUS_LABEL: Record<ReportOutcome['status'], string> = { ok: '成功', failed: '失败', refused: '因错误未生成' };

/** summary.csv: UTF-8 with BOM so Excel opens it, one row per input. */
export function summaryCsv(summary: BatchSummary): string {
  const header = ['文件', '机关名称', '年度', '状态', '错误数', '警告数', '已确认警告数', '问题', '输出文件', 'PDF 页数', '耗时（毫秒）'];
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
    Math.round(r.ms),
  ]);
  return '\ufeff' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * xxgk as a library: validate and render 政府信息公开工作年度报告 from other Node programs.
 *
 * ```ts
 * import { renderReport, renderBatch } from 'xxgk';
 * const r = await renderReport({ file: 'report.yaml', formats: ['pdf'] });
 * ```
 */
import { readInputBytes } from './pipeline/check-report';
import { renderReportBytes } from './pipeline/render-report';
import type { RenderedReport, RenderSettings } from './pipeline/render-types';

export type { Report } from './model/schema';
export { ReportSchema, jsonSchema } from './model/schema';
export { deriveTables, type DerivedTables } from './model/derive';
export type { Diagnostic, Severity } from './validate/diagnostic';
export { countDiagnostics } from './validate/diagnostic';
export { validateReport } from './validate/validate';
export { RULES, type RuleInfo } from './validate/rules';
export { checkReportFile, checkReportBytes, type CheckedReport } from './pipeline/check-report';
export type { DocTree, Block, Inline } from './doc/tree';
export { buildDocTree } from './template/build-doc-tree';
export { GBT9704, type StyleSettings } from './style/settings';
export type { OutputFormat, RenderSettings, RenderedReport } from './pipeline/render-types';
export { renderReportBytes } from './pipeline/render-report';
export { renderBatch, type BatchOptions } from './batch/run-batch';
export type { BatchSummary, ReportOutcome } from './batch/summary';

/** Renders one report file (or its bytes) in memory: the documents and every diagnostic. */
export async function renderReport(options: { file: string; bytes?: Uint8Array } & Partial<RenderSettings>): Promise<RenderedReport> {
  const { file, bytes, ...settings } = options;
  return renderReportBytes(file, bytes ?? readInputBytes(file), { formats: ['docx', 'pdf'], ...settings });
}

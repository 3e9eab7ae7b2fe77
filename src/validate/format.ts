/** The text form of diagnostics (`xxgk validate`, batch logs). */
import type { Diagnostic, Severity } from './diagnostic';

const SEVERITY_WORDS: Record<Severity, string> = { error: '错误', warning: '警告', hint: '提示' };

/**
 * The text form of a diagnostic: `file:line: code 错误：message`, or `file 表三!E6: …` for
 * a workbook cell (no place when it is unknown); an acknowledged warning ends with its reason.
 */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = d.cell !== undefined ? `${file} ${d.cell}` : d.line !== undefined ? `${file}:${d.line}` : file;
  const severity = d.acknowledged ? '已确认的警告' : SEVERITY_WORDS[d.severity];
  const ack = d.acknowledged ? `（已确认：${d.acknowledged.reason}）` : '';
  return `${where}: ${d.code} ${severity}：${d.message}${ack}`;
}

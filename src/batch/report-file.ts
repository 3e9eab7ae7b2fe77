import { reportJsonSchema } from '../model/report-json-schema';
import type { Diagnostic } from '../validate/diagnostic';

/** File extensions a batch reads as report data. */
export const REPORT_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.xlsx']);

/** An Office (`~$报告.xlsx`) or LibreOffice (`.~lock.报告.xlsx#`) lock file, left while a document is open. */
export const isLockFile = (name: string): boolean => name.startsWith('~$') || (name.startsWith('.~lock.') && name.endsWith('#'));

let reportKeys: Set<string> | undefined;

// `$schema` does not count: a JSON Schema document has it too, and a report without any
// other key is no report.
function contractKeys(): Set<string> {
  reportKeys ??= new Set(Object.keys(reportJsonSchema().properties ?? {}).filter((k) => k !== '$schema'));
  return reportKeys;
}

/**
 * Why parsed data is not a report (in Chinese), or undefined when it is one: data with
 * none of the data contract's top-level keys (a batch summary, a manifest, notes) or a
 * JSON Schema document. Data with any contract key is a report, typos and all; so is a
 * file with no data at all.
 */
export function whyNotAReport(data: unknown): string | undefined {
  // No data at all (only comments) is a report left empty: it fails as an empty file does.
  if (data === null || data === undefined) return undefined;
  if (typeof data !== 'object' || Array.isArray(data)) return '不是报告数据：内容不是“字段: 值”的形式';
  const keys = Object.keys(data);
  const schemaUrl = (data as { $schema?: unknown }).$schema;
  if (typeof schemaUrl === 'string' && /^https?:\/\/json-schema\.org\//.test(schemaUrl)) return '这是数据格式说明（JSON Schema），不是报告数据';
  const contract = contractKeys();
  if (keys.some((k) => contract.has(k))) return undefined;
  return `不是报告数据：没有报告的任何字段（如 agency、year）`;
}

/** The note (a hint, code `SKIP`) that a batch's summary gives a file it skipped, saying why. */
export const skipNote = (reason: string): Diagnostic => ({ severity: 'hint', code: 'SKIP', path: '', message: reason });

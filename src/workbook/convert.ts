/**
 * Serializes raw report data as YAML, JSON or a workbook, for `xxgk convert`
 * (docs/WORKBOOK.md, “Converting”).
 */
import { stringify } from 'yaml';
import { validateReport } from '../validate/validate';

/** Codes of findings that mean the data does not fit the workbook's cells. */
const SHAPE_CODES = new Set(['SCHEMA-TYPE', 'SCHEMA-UNKNOWN-KEY', 'SCHEMA-LENGTH']);

/** The data as the bytes of `ext` (`.yaml`, `.yml`, `.json`, `.xlsx`), or why it cannot be put in a workbook. */
export async function serializeReport(data: unknown, ext: string): Promise<string | Buffer | { problems: string[] }> {
  if (ext === '.json') return JSON.stringify(data, null, 2) + '\n';
  if (ext === '.yaml' || ext === '.yml') return stringify(data, { lineWidth: 0 });
  // A workbook has a cell for every field of the contract and nothing else: refuse what would be lost.
  const shape = validateReport(data, { lineOf: () => undefined }).diagnostics.filter((d) => SHAPE_CODES.has(d.code) && !isBlankCell(data, d.path));
  if (data === null || typeof data !== 'object' || Array.isArray(data) || shape.length > 0) {
    return { problems: shape.length > 0 ? shape.map((d) => `${d.code}：${d.message}`) : ['数据不是一份报告'] };
  }
  const { writeReportWorkbook } = require('./write-workbook') as typeof import('./write-workbook');
  return writeReportWorkbook(data as Record<string, unknown>);
}

function isBlankCell(data: unknown, path: string): boolean {
  let v: unknown = data;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<string, unknown>)[part];
  }
  return v === null;
}

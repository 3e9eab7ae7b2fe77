/**
 * The data's `format`: the national table format it is written in. An unknown one stops
 * the report (its tables could not be read), naming the formats that exist.
 */
import { catalogueFor, unknownFormatMessage } from '../catalogue/index';
import { nearestLine, type SourceMap } from '../load/source-map';
import type { Diagnostic } from './diagnostic';
import { own } from './read';

/** FORMAT: `format`, when given as a whole number, names a format xxgk knows. */
export function checkReportFormat(data: unknown, map: SourceMap): Diagnostic[] {
  const format = own(data, 'format');
  // Other types are the schema check's (SCHEMA-TYPE).
  if (typeof format !== 'number' || !Number.isInteger(format) || catalogueFor(format)) return [];
  return [{ severity: 'error', code: 'FORMAT', path: 'format', line: nearestLine(map, 'format'), message: `报告格式（format）：${unknownFormatMessage(format)}` }];
}

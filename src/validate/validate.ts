/**
 * Validation of a report: schema (Chinese messages naming the official labels), the
 * report's national format, the 勾稽关系 of docs/FORMAT.md §C, cross-year rules, the
 * narrative rules, placeholders and acknowledged warnings. Never throws on bad data.
 */
import type { SourceMap } from '../load/source-map';
import { deriveTables, type DerivedTables } from '../model/derive';
import type { Report } from '../model/schema';
import { applyAcknowledgements } from './acknowledge';
import { checkCopiedText } from './copied-text';
import { checkCrossYear } from './cross-year';
import { checkDeadline } from './deadline';
import { checkOverviewLength } from './overview-length';
import { applySeverities, DEFAULT_RULES, type RulesConfig } from './rules-config';
import type { Diagnostic } from './diagnostic';
import { parsePath } from './labels';
import { checkNarrative } from './narrative';
import { isRecord } from './read';
import { checkReportFormat } from './report-format';
import { checkSchema, tableCellCode } from './schema-check';
import { checkApplications, checkReviewLitigation } from './table-rules';
import { checkTextHygiene } from './text-hygiene';

export { RULES, formatDiagnostic, ruleInfo, type RuleInfo } from './rules';
export type { Diagnostic, Severity } from './diagnostic';

export interface ValidateOptions {
  /** Last year's report of the same agency (raw data), for X1, X2 and C1. */
  previous?: { data: unknown };
  /** Thresholds and severities from a rules file (default: the catalogue's). */
  rules?: RulesConfig;
}

export interface ValidationResult {
  /** The report, set when there are no schema errors (rule errors still return it). */
  report?: Report;
  /** Every finding, ordered by line; acknowledged warnings stay in the list, marked. */
  diagnostics: Diagnostic[];
  /** The derived tables, set when the three tables have no schema errors. */
  derived?: DerivedTables;
}

const NO_LINES: SourceMap = { lineOf: () => undefined };

function dropPaths(data: Record<string, unknown>, paths: readonly string[]): void {
  for (const path of paths) {
    const segs = parsePath(path);
    let node: unknown = data;
    for (const seg of segs.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[seg];
    const last = segs[segs.length - 1];
    if (node && typeof node === 'object' && typeof last === 'string') delete (node as Record<string, unknown>)[last];
  }
}

function byLine(ds: Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? Infinity) - (b.d.line ?? Infinity) || a.i - b.i)
    .map((x) => x.d);
}

function run(raw: unknown, rawSourceMap: SourceMap, options: ValidateOptions): ValidationResult {
  // Invisible and control characters are removed first: every rule and the report see clean text.
  const hygiene = checkTextHygiene(raw, rawSourceMap);
  const data = hygiene.data;
  const sourceMap = hygiene.sourceMap;
  const schema = checkSchema(data, sourceMap);
  const format = checkReportFormat(data, sourceMap);
  const diagnostics: Diagnostic[] = [...hygiene.diagnostics, ...schema.diagnostics, ...format];
  const schemaErrors = [...schema.diagnostics, ...format].filter((d) => d.severity === 'error');
  if (!isRecord(data)) return { diagnostics };
  // In a format xxgk does not know, the tables mean something else: no rule can read them.
  if (format.length > 0) return { diagnostics: byLine(diagnostics) };

  const tablesUsable = !schemaErrors.some((d) => tableCellCode(d.path) !== undefined);
  const derived = tablesUsable ? deriveTables(data as Report) : undefined;

  diagnostics.push(...checkApplications(data, sourceMap), ...checkReviewLitigation(data, sourceMap));
  const rules = options.rules ?? DEFAULT_RULES;
  if (options.previous) {
    diagnostics.push(...checkCrossYear(data, options.previous.data, sourceMap));
    diagnostics.push(...checkCopiedText(data, options.previous.data, sourceMap, rules.copiedShare));
  }
  diagnostics.push(...checkNarrative(data, sourceMap, derived));
  diagnostics.push(...checkOverviewLength(data, sourceMap, rules.overviewMaxChars));
  diagnostics.push(...checkDeadline(data, sourceMap, rules.deadlines));
  applySeverities(diagnostics, rules);
  diagnostics.push(...applyAcknowledgements(data, diagnostics, sourceMap));

  let report: Report | undefined;
  if (schemaErrors.length === 0) {
    const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    dropPaths(copy, schema.omitted);
    report = copy as Report;
  }
  return { report, diagnostics: byLine(diagnostics), derived };
}

/**
 * Validates raw report data (from `loadReportText`). `report` is set when the data
 * matches the schema; rule errors still return it so rendering can proceed without
 * `--strict`. Never throws: an internal failure becomes an `INTERNAL` diagnostic.
 */
export function validateReport(data: unknown, sourceMap: SourceMap = NO_LINES, options: ValidateOptions = {}): ValidationResult {
  try {
    return run(data, sourceMap ?? NO_LINES, options ?? {});
  } catch (e) {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'INTERNAL',
          path: '',
          message: `校验程序内部出错（${(e as Error)?.message ?? String(e)}），请把数据文件发给维护者`,
        },
      ],
    };
  }
}

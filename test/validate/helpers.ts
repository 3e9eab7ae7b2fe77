import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReportText } from '../../src/load/load-report';
import type { SourceMap } from '../../src/load/source-map';
import type { Diagnostic } from '../../src/validate/diagnostic';
import { validateReport, type ValidateOptions, type ValidationResult } from '../../src/validate/validate';

export const EXAMPLE_PATH = join(__dirname, '..', '..', 'examples', 'pingluo-kejiju-2021.yaml');
export const EXAMPLE_TEXT = readFileSync(EXAMPLE_PATH, 'utf8');

/** Every diagnostic code seen by the tests (checked against the rule catalogue). */
export const seenCodes = new Set<string>();

/** Loads YAML text and validates it. */
export function validateText(text: string, options?: ValidateOptions): ValidationResult & { sourceMap: SourceMap } {
  const loaded = loadReportText(text);
  if (loaded.diagnostics.length > 0) throw new Error(`test data does not parse: ${loaded.diagnostics[0].message}`);
  const result = validateReport(loaded.data, loaded.sourceMap, options);
  for (const d of result.diagnostics) seenCodes.add(d.code);
  return { ...result, sourceMap: loaded.sourceMap };
}

/** The example's raw data (a fresh copy each time). */
export function example(): Record<string, any> {
  return loadReportText(EXAMPLE_TEXT).data as Record<string, any>;
}

const NO_LINES: SourceMap = { lineOf: () => undefined };

/** Validates data built in code (variants of the example). */
export function validateData(data: unknown, options?: ValidateOptions): ValidationResult {
  const result = validateReport(data, NO_LINES, options);
  for (const d of result.diagnostics) seenCodes.add(d.code);
  return result;
}

/** A variant of the example: `edit` changes a copy in place. */
export function variant(edit: (d: Record<string, any>) => void): Record<string, any> {
  const d = example();
  edit(d);
  return d;
}

export function codes(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => d.code);
}

export function withCode(ds: readonly Diagnostic[], code: string): Diagnostic[] {
  return ds.filter((d) => d.code === code);
}

export function errors(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 'error');
}

export function warnings(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 'warning');
}

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i + 1;
}

/** Every code the tests saw is in the rule catalogue (call in afterAll). */
export function expectCatalogued(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ruleInfo } = require('../../src/validate/rules') as typeof import('../../src/validate/rules');
  const missing = [...seenCodes].filter((c) => ruleInfo(c) === undefined);
  expect(missing).toEqual([]);
}

/** How bad a finding is: `error` (wrong), `warning` (probably wrong), `hint`. */
export type Severity = 'error' | 'warning' | 'hint';

/** One finding about a report, naming the field or table cell in Chinese. */
export interface Diagnostic {
  severity: Severity;
  /** Stable rule code, e.g. `T3-R1`, `SCHEMA-UNKNOWN-KEY`. */
  code: string;
  /** Data path, e.g. `applications.newlyReceived[1]`; empty for the whole file. */
  path: string;
  /** 1-based line in the input file, where known. */
  line?: number;
  /** The workbook cell (`表三!E6`) or sheet, for .xlsx input. */
  cell?: string;
  message: string;
  /** Set when the data acknowledges this warning, with the stated reason. */
  acknowledged?: { reason: string };
}

/** True when a diagnostic counts as an error. */
export function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

/** Counts errors, and warnings not acknowledged. */
export function countDiagnostics(ds: readonly Diagnostic[]): { errors: number; warnings: number; hints: number; acknowledged: number } {
  let errors = 0, warnings = 0, hints = 0, acknowledged = 0;
  for (const d of ds) {
    if (d.acknowledged) acknowledged++;
    else if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else hints++;
  }
  return { errors, warnings, hints, acknowledged };
}

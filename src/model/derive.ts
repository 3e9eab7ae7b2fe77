import { NOT_APPLICABLE } from '../catalogue/types';
import type { Report } from './schema';
import { APPLICATION_ROWS, OUTCOME_ROWS, REVIEW_LITIGATION_PARTS } from '../catalogue/format-2021';

/** Seven figures of a table-三 row: six applicant columns and the derived 总计. */
export type SevenFigures = [number, number, number, number, number, number, number];

/** Four outcome figures and their derived 总计 (table 四). */
export interface OutcomeFigures {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  total: number;
}

/** A table-二 count: a number, or “/” where the item does not apply to the unit. */
export type CountOrNotApplicable = number | typeof NOT_APPLICABLE;

/** 本年制发、本年废止、现行有效 of a row of 第二十条第（一）项. */
export interface DocumentCounts {
  issued: CountOrNotApplicable;
  repealed: CountOrNotApplicable;
  inForce: CountOrNotApplicable;
}

/** The tables with every derived total, ready to print: never template arithmetic. */
export interface DerivedTables {
  proactive: {
    rules: DocumentCounts;
    normativeDocuments: DocumentCounts;
    licensing: CountOrNotApplicable;
    penalty: CountOrNotApplicable;
    coercion: CountOrNotApplicable;
    /** The amount in 万元 as entered (no float artefacts). */
    fees: string;
  };
  /** Table 三 rows by key (`newlyReceived`, `denied.stateSecret`, `total`, …). */
  applications: Record<string, SevenFigures>;
  reviewLitigation: Record<'review' | 'litigationDirect' | 'litigationAfterReview', OutcomeFigures>;
}

/** Reads a row of table 三 from the input by key path; omitted rows are zeros. */
export function inputRow(report: Report, key: string): number[] | undefined {
  let node: unknown = report.applications;
  for (const part of key.split('.')) {
    if (node === undefined || node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return Array.isArray(node) ? (node as number[]) : undefined;
}

function seven(six: readonly number[]): SevenFigures {
  const s = six.slice(0, 6);
  while (s.length < 6) s.push(0);
  return [...s, s.reduce((a, b) => a + b, 0)] as SevenFigures;
}

/** Formats a 万元 amount as entered: strings (and “/”) stay verbatim, numbers use the shortest exact form. */
export function formatAmount(value: number | string | undefined): string {
  if (value === undefined) return '0';
  if (typeof value === 'string') return value;
  return String(value);
}

/** Derives every total of the three tables from a validated report. */
export function deriveTables(report: Report): DerivedTables {
  const p = report.proactive ?? {};
  const docs = (d?: Partial<DocumentCounts>): DocumentCounts => ({
    issued: d?.issued ?? 0,
    repealed: d?.repealed ?? 0,
    inForce: d?.inForce ?? 0,
  });

  const applications: Record<string, SevenFigures> = {};
  for (const row of APPLICATION_ROWS) {
    if (row.key === 'total') continue;
    applications[row.key] = seven(inputRow(report, row.key) ?? []);
  }
  const total = [0, 0, 0, 0, 0, 0];
  for (const row of OUTCOME_ROWS) {
    applications[row.key].slice(0, 6).forEach((v, i) => (total[i] += v));
  }
  applications.total = seven(total);

  const rl = report.reviewLitigation ?? {};
  const reviewLitigation = {} as DerivedTables['reviewLitigation'];
  for (const part of REVIEW_LITIGATION_PARTS) {
    const o = rl[part.key];
    const f = { upheld: o?.upheld ?? 0, corrected: o?.corrected ?? 0, other: o?.other ?? 0, pending: o?.pending ?? 0 };
    reviewLitigation[part.key] = { ...f, total: f.upheld + f.corrected + f.other + f.pending };
  }

  return {
    proactive: {
      rules: docs(p.rules),
      normativeDocuments: docs(p.normativeDocuments),
      licensing: p.licensing ?? 0,
      penalty: p.penalty ?? 0,
      coercion: p.coercion ?? 0,
      fees: formatAmount(p.fees),
    },
    applications,
    reviewLitigation,
  };
}

/**
 * Totals a data file states (a 7th number of a 表三 row, the （七）总计 row, a 表四 `total`) are
 * checked, never trusted (docs/ARCHITECTURE.md §2); when the page edits the figures they sum,
 * the stated totals are rewritten with the new sums so that an edit never leaves a stale total.
 */
import { OUTCOME_ROWS } from '../catalogue/format-2021';
import type { CheckedEdit } from './edit-paths';

type Obj = Record<string, unknown>;

const own = (o: unknown, k: string): unknown => (o && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Obj)[k] : undefined);
const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((x, k) => own(x, k), o);
const nums = (row: unknown): number[] | undefined =>
  Array.isArray(row) && row.slice(0, 6).every((x) => typeof x === 'number') && row.length >= 6 ? (row.slice(0, 6) as number[]) : undefined;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Edits that bring the stated totals of `data` in line with its figures, for the blocks the page edited. */
export function totalEdits(data: unknown, edited: readonly CheckedEdit[]): CheckedEdit[] {
  const out: CheckedEdit[] = [];
  const set = (path: string, keys: (string | number)[], have: unknown, want: number) => {
    if (have !== want) out.push({ kind: 'value', path, keys, value: want });
  };
  const touched = (prefix: string) => edited.some((e) => e.path.startsWith(prefix));
  if (touched('applications.')) {
    const apps = own(data, 'applications');
    const columns: (number | undefined)[] = [0, 0, 0, 0, 0, 0];
    for (const r of OUTCOME_ROWS) {
      const row = at(apps, r.key);
      const n = row === undefined ? [0, 0, 0, 0, 0, 0] : nums(row);
      for (let c = 0; c < 6; c++) columns[c] = n && columns[c] !== undefined ? columns[c]! + n[c] : undefined;
    }
    const stated = own(apps, 'total');
    if (Array.isArray(stated)) columns.forEach((v, c) => v !== undefined && typeof stated[c] === 'number' && set(`applications.total[${c}]`, ['applications', 'total', c], stated[c], v));
    for (const key of ['newlyReceived', 'carriedOver', ...OUTCOME_ROWS.map((r) => r.key), 'carriedForward']) {
      const row = at(apps, key);
      const n = nums(row);
      if (n && Array.isArray(row) && row.length === 7 && typeof row[6] === 'number') set(`applications.${key}[6]`, ['applications', ...key.split('.'), 6], row[6], sum(n));
    }
    if (Array.isArray(stated) && stated.length === 7 && typeof stated[6] === 'number' && columns.every((v) => v !== undefined)) {
      set('applications.total[6]', ['applications', 'total', 6], stated[6], sum(columns as number[]));
    }
  }
  for (const part of ['review', 'litigationDirect', 'litigationAfterReview']) {
    if (!touched(`reviewLitigation.${part}.`)) continue;
    const p = at(data, `reviewLitigation.${part}`);
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((k) => own(p, k));
    if (typeof own(p, 'total') === 'number' && parts.every((x) => typeof x === 'number')) {
      set(`reviewLitigation.${part}.total`, ['reviewLitigation', part, 'total'], own(p, 'total'), sum(parts as number[]));
    }
  }
  return out;
}

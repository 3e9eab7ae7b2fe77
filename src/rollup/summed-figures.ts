/**
 * The figures a county adds up: every cell of 表二, 表三 and 表四 that units enter (the
 * catalogue's figures that are not a derived 总计). `xxgk rollup` writes their sums and
 * rule B1 checks a parent against the same sums, so the two can never disagree about
 * which cells are summed or how (docs/ARCHITECTURE.md §8).
 */
import { FORMAT_2021 } from '../catalogue/format-2021';
import { NOT_APPLICABLE, type FigureCell } from '../catalogue/types';
import { canonicalDecimal, sumDecimals } from './decimal-sum';

/** The summed figures in print order: 表二's counts and amount, 表三's six applicant columns of its 24 stated rows, 表四's four outcome columns. */
export const SUMMED_FIGURES: readonly FigureCell[] = FORMAT_2021.figures.filter((f) => !f.derived);

/** A figure's value: a count, an amount as entered (string or number), or “/”. */
export type FigureValue = number | string;

/** The value at a figure path (`applications.denied.stateSecret[1]`) of validated data; an omitted cell is 0. */
export function figureValue(data: unknown, path: string): FigureValue {
  let v: unknown = data;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (v === null || typeof v !== 'object') return 0;
    v = (v as Record<string, unknown>)[part];
  }
  return typeof v === 'number' || typeof v === 'string' ? v : 0;
}

/**
 * The sum of one figure over children: “/” cells are skipped, and a cell where every
 * child has “/” stays “/”; counts are summed as integers, amounts exactly in decimal.
 */
export function sumFigure(figure: FigureCell, values: readonly FigureValue[]): FigureValue {
  const stated = values.filter((v) => v !== NOT_APPLICABLE);
  if (stated.length === 0 && values.length > 0) return NOT_APPLICABLE;
  if (figure.kind === 'amount') return sumDecimals(stated);
  return stated.reduce<number>((s, v) => s + Number(v), 0);
}

/** Whether a parent's value equals the children's sum (amounts compared as decimals: `1.50` equals `1.5`). */
export function sameFigure(figure: FigureCell, parent: FigureValue, sum: FigureValue): boolean {
  if (parent === NOT_APPLICABLE || sum === NOT_APPLICABLE) return parent === sum;
  if (figure.kind === 'amount') return canonicalDecimal(parent) === canonicalDecimal(sum);
  return Number(parent) === Number(sum);
}

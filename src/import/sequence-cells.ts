/**
 * The cells of a flattened table row (docs/IMPORT.md §3.3): text copied or extracted from a
 * table gives a row's cells one after the other, and blank cells may have been lost or doubled
 * on the way. A row whose count fits its columns is read in order; otherwise a cell is read only
 * when every placement of the row's values that such a loss or doubling allows, and that the
 * table's totals admit, gives it the same value. The rest is unread, with the reason.
 */
import type { TableCell } from './blocks';
import { readCell, type CellReading } from './normalize';
import type { RawCell } from './read-tables';

/** How a table's value columns are laid out: `columns` cells in `groups` equal groups, each closed by its 总计 when `totals`. */
export interface RowShape {
  columns: number;
  groups: number;
  totals: boolean;
}

/** A flattened row split into its label fields and its value fields (trailing blanks dropped). */
export function splitSequenceRow(row: readonly TableCell[]): { labels: string[]; values: string[] } {
  const texts = row.map((c) => c.text.trim());
  let lastLabel = -1;
  texts.forEach((t, i) => {
    if (t !== '' && readCell(t).kind === 'other') lastLabel = i;
  });
  const values = texts.slice(lastLabel + 1);
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return { labels: texts.slice(0, lastLabel + 1).filter((t) => t !== ''), values };
}

/**
 * The cells of a flattened row (its value fields) of a table shaped `shape`: in order when the
 * row has exactly as many fields, or exactly as many values, as the table has columns;
 * otherwise those every admissible placement agrees on (`agreedCells`), or for a table without
 * totals only a value in the last field of a longer row (its last column).
 */
export function sequenceCells(values: readonly string[], shape: RowShape): RawCell[] {
  const n = shape.columns;
  const readings = values.map((v) => readCell(v));
  const filled = readings.filter((r) => r.kind !== 'blank');
  if (values.length === n) return readings;
  if (filled.length === n) return filled;
  const why = `这一行有 ${values.length} 格、${filled.length} 个数，与表格的 ${n} 列对不上，不能确定各数属于哪一列`;
  if (shape.totals) return agreedCells(readings, shape, why);
  const out: RawCell[] = new Array<RawCell>(n).fill({ kind: 'missing', reason: why, derivable: false });
  const last = readings[readings.length - 1];
  if (values.length > n && last.kind === 'number') {
    out[n - 1] = last;
    // The other cells are blank or 0 when every other value in the row is 0.
    if (filled.slice(0, -1).every((r) => r.kind === 'number' && r.value === 0)) for (let i = 0; i < n - 1; i++) out[i] = { kind: 'blank' };
  }
  return out;
}

/** What a placement makes of a cell: a value printed in it, 0 (blank in a group whose values add up to its 总计), or unknown. */
type CellValue = { printed: CellReading } | { zero: true } | undefined;

const keyOf = (v: CellValue): string | undefined => {
  if (v === undefined) return undefined;
  if ('zero' in v) return 'n:0';
  const r = v.printed;
  return r.kind === 'number' ? `n:${r.value}` : `${r.kind}:${'text' in r ? r.text : ''}`;
};

/**
 * The values a placement gives each cell, or undefined when the table's totals rule it out: a
 * group that shows any value shows its 总计 (its last cell), and its values do not exceed it;
 * its blank cells are 0 when its values add up to the 总计, else unknown; a group showing
 * nothing is unknown.
 */
function placedValues(readings: readonly CellReading[], fields: readonly number[], cols: readonly number[], shape: RowShape): CellValue[] | undefined {
  const n = shape.columns;
  const size = n / shape.groups;
  const at: (CellReading | undefined)[] = new Array(n).fill(undefined);
  cols.forEach((c, j) => (at[c] = readings[fields[j]]));
  const out: CellValue[] = new Array(n).fill(undefined);
  for (let g = 0; g < shape.groups; g++) {
    const cells = at.slice(g * size, (g + 1) * size);
    if (cells.every((c) => c === undefined)) continue;
    const total = cells[size - 1];
    if (total === undefined) return undefined;
    cells.forEach((c, i) => {
      if (c !== undefined) out[g * size + i] = { printed: c };
    });
    const parts = cells.slice(0, -1);
    if (total.kind !== 'number' || parts.some((c) => c !== undefined && c.kind !== 'number')) continue;
    const sum = parts.reduce((s, c) => s + (c?.kind === 'number' ? c.value : 0), 0);
    if (sum > total.value) return undefined;
    if (sum === total.value) parts.forEach((c, i) => (out[g * size + i] ??= { zero: true }));
  }
  return out;
}

/**
 * Every way the row's values (fields `fields`, in order) can sit in `n` columns when blank
 * cells were only doubled (`doubled`: a value is at or left of its field's column, and the
 * shift only grows) or only lost (a value is at or right of it, the shift only grows).
 */
function* placements(fields: readonly number[], n: number, doubled: boolean): Generator<number[]> {
  const cols: number[] = [];
  function* place(j: number): Generator<number[]> {
    if (j === fields.length) {
      yield [...cols];
      return;
    }
    const f = fields[j];
    const room = n - (fields.length - j);
    for (let c = 0; c <= room; c++) {
      if (doubled ? c > f : c < f) continue;
      if (j > 0) {
        const gap = c - cols[j - 1];
        const fieldGap = f - fields[j - 1];
        if (gap <= 0 || (doubled ? gap > fieldGap : gap < fieldGap)) continue;
      }
      cols.push(c);
      yield* place(j + 1);
      cols.pop();
    }
  }
  yield* place(0);
}

/**
 * The cells of a row that does not fit, read only where every admissible placement agrees. A
 * longer row had blank cells doubled; a shorter one lost blank cells, or had some doubled
 * before a blank end was dropped. The true placement is among those tried, so a cell all of
 * them agree on has the value the table gives it; a cell they disagree on is unread.
 */
function agreedCells(readings: readonly CellReading[], shape: RowShape, why: string): RawCell[] {
  const n = shape.columns;
  const fields = readings.flatMap((r, i) => (r.kind === 'blank' ? [] : [i]));
  // Per cell: the value every placement so far gives it (null once two differ or one leaves it unknown).
  const agreed: (string | null)[] = new Array<string | null>(n).fill(null);
  const sample: CellValue[] = new Array<CellValue>(n).fill(undefined);
  const printedInAll = new Array<boolean>(n).fill(true);
  let tried = 0;
  const directions = readings.length > n ? [true] : [true, false];
  for (const doubled of directions) {
    if (fields.length > n) break;
    for (const cols of placements(fields, n, doubled)) {
      const values = placedValues(readings, fields, cols, shape);
      if (!values) continue;
      values.forEach((v, c) => {
        const k = keyOf(v) ?? null;
        if (tried === 0) [agreed[c], sample[c]] = [k, v];
        else if (agreed[c] !== k) agreed[c] = null;
        if (!v || 'zero' in v) printedInAll[c] = false;
      });
      tried++;
    }
  }
  const reason = tried > 0 || fields.length > n ? why : `${why}（按各组的总计也排不出各数的位置）`;
  return agreed.map((k, c): RawCell => {
    const v = sample[c];
    if (k === null || v === undefined) return { kind: 'missing', reason, derivable: false };
    return printedInAll[c] && 'printed' in v ? v.printed : { kind: 'blank' };
  });
}

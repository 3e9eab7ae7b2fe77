/**
 * Places rows of cells on a grid as HTML tables do: each cell takes the next column not
 * covered by a row span from above.
 */
import type { FigureCell, GridCell } from './types';

/** A cell before placement: a label or a figure, with its spans. */
export interface CellSpec {
  label?: string;
  figure?: FigureCell;
  rowSpan?: number;
  colSpan?: number;
}

/** A label cell. */
export function label(text: string, spans: { rowSpan?: number; colSpan?: number } = {}): CellSpec {
  return { label: text, ...spans };
}

/** Places rows of cells on a grid of `columns` columns; throws if a row does not fill it exactly. */
export function placeRows(rows: readonly (readonly CellSpec[])[], columns: number): GridCell[] {
  const covered: boolean[][] = rows.map(() => new Array<boolean>(columns).fill(false));
  const out: GridCell[] = [];
  rows.forEach((specs, r) => {
    let c = 0;
    for (const spec of specs) {
      while (c < columns && covered[r][c]) c++;
      const rowSpan = spec.rowSpan ?? 1;
      const colSpan = spec.colSpan ?? 1;
      if (c + colSpan > columns || r + rowSpan > rows.length) throw new Error(`catalogue grid: row ${r + 1} overflows`);
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) covered[i][j] = true;
      out.push({ row: r, col: c, rowSpan, colSpan, ...(spec.label !== undefined ? { label: spec.label } : {}), ...(spec.figure ? { figure: spec.figure } : {}) });
      c += colSpan;
    }
    if (covered[r].some((x) => !x)) throw new Error(`catalogue grid: row ${r + 1} leaves a gap`);
  });
  return out;
}

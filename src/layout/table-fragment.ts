import { shiftItem, type FrameItem, type LineItem } from './frames';
import { EPS } from './lines';
import type { TableLayout } from './table';

/**
 * Rows of the table that fit from body row `a` in `avail` points below the repeated
 * header: the end row (exclusive). Rows are never split, nor parted from the next row when the
 * grid keeps them with it. A break inside a row span is moved up until both parts of every span
 * it cuts are tall enough for the cell's text (the label is repeated in each part); if no such
 * break exists the last break after a row not kept with the next is used. Returns `a` when not
 * even one row fits, or when every row that fits is kept with the next.
 */
export function fitRows(t: TableLayout, a: number, avail: number): number {
  const y = t.rowY;
  const head = y[t.headerRows];
  let e = a;
  while (e < t.rows && head + y[e + 1] - y[a] <= avail + EPS) e++;
  if (e === a || e === t.rows) return e;
  let kept = a;
  for (let c = e; c > a; c--) {
    if (t.keepWithNext[c - 1]) continue;
    if (spanSplitOk(t, a, c)) return c;
    if (kept === a) kept = c;
  }
  return kept;
}

/** The first body row a page may end after, plus one: the rows a table's first fragment must hold. */
export function leadRows(t: TableLayout): number {
  let r = t.headerRows;
  while (r < t.rows - 1 && t.keepWithNext[r]) r++;
  return Math.min(t.rows, r + 1);
}

/** True when cutting before row `e` (fragment starting at `a`) leaves every cut span room for its text. */
export function spanSplitOk(t: TableLayout, a: number, e: number): boolean {
  const y = t.rowY;
  for (const cell of t.cells) {
    const end = cell.row + cell.rowSpan;
    if (cell.row < e && end > e && cell.row >= t.headerRows) {
      if (y[e] - y[Math.max(cell.row, a)] < cell.needed - EPS || y[end] - y[e] < cell.needed - EPS) return false;
    }
  }
  return true;
}

/** Height of the fragment with the header and body rows `[a, b)`. */
export function fragmentHeight(t: TableLayout, a: number, b: number): number {
  return t.rowY[t.headerRows] + t.rowY[b] - t.rowY[a];
}

/**
 * Draws the header rows and body rows `[a, b)` with the table's top at `top`: cell texts
 * in reading order (row by row, left to right; a cell continued from the previous page
 * comes first in its first row here, its text repeated and centred in its part), then the
 * borders. Borders are merged segments of the grid, drawn once each: a rule lies wherever
 * two different cells meet and around the fragment. Returns the fragment's height.
 */
export function drawFragment(t: TableLayout, a: number, b: number, top: number, out: FrameItem[]): number {
  const cols = t.cols;
  const h = t.headerRows;
  const fr = h + (b - a); // fragment rows
  const rowOf = (j: number) => (j < h ? j : a + j - h);
  // Fragment row tops (absolute).
  const ys = new Float64Array(fr + 1);
  ys[0] = top;
  for (let j = 0; j < fr; j++) ys[j + 1] = ys[j] + t.rowH[rowOf(j)];

  // Cell parts: first fragment row, last fragment row + 1.
  const parts: { cell: number; j0: number; j1: number }[] = [];
  for (let id = 0; id < t.cells.length; id++) {
    const cell = t.cells[id];
    let j0: number;
    let j1: number;
    if (cell.row < h) {
      j0 = cell.row;
      j1 = Math.min(cell.row + cell.rowSpan, h);
    } else {
      const r0 = Math.max(cell.row, a);
      const r1 = Math.min(cell.row + cell.rowSpan, b);
      if (r1 <= r0) continue;
      j0 = h + r0 - a;
      j1 = h + r1 - a;
    }
    parts.push({ cell: id, j0, j1 });
  }
  parts.sort((p, q) => p.j0 - q.j0 || t.cells[p.cell].col - t.cells[q.cell].col);

  const fo = new Int32Array(fr * cols);
  for (let j = 0; j < fr; j++) {
    const r = rowOf(j);
    for (let c = 0; c < cols; c++) {
      const id = t.owner[r * cols + c];
      fo[j * cols + c] = id >= 0 ? id : -1 - (r * cols + c); // an empty slot is its own cell
    }
  }

  // A cell is content where the table first shows it; its header row repeated on a later
  // page, or its label repeated below a page break inside its span, is a pagination artifact.
  const first = a === h;
  for (const part of parts) {
    const cell = t.cells[part.cell];
    const blockTop = (ys[part.j0] + ys[part.j1] - cell.textHeight) / 2;
    const items = cell.items.map((it) => shiftItem(it, blockTop));
    if (items.length === 0) continue;
    const repeated = cell.row < h ? !first : cell.row < a;
    out.push(repeated ? { kind: 'group', artifact: 'Pagination', items } : { kind: 'group', tag: cell.tag, items });
  }

  const w = t.borderWidth;
  const lines: LineItem[] = [];
  // Horizontal rules, extended by half a rule at each end so corners are closed.
  for (let j = 0; j <= fr; j++) {
    let c0 = -1;
    for (let c = 0; c <= cols; c++) {
      const need = c < cols && (j === 0 || j === fr || fo[(j - 1) * cols + c] !== fo[j * cols + c]);
      if (need && c0 < 0) c0 = c;
      else if (!need && c0 >= 0) {
        lines.push({ kind: 'line', x1: t.colX[c0] - w / 2, y1: ys[j], x2: t.colX[c] + w / 2, y2: ys[j], width: w });
        c0 = -1;
      }
    }
  }
  // Vertical rules.
  for (let c = 0; c <= cols; c++) {
    let j0 = -1;
    for (let j = 0; j <= fr; j++) {
      const need = j < fr && (c === 0 || c === cols || fo[j * cols + c - 1] !== fo[j * cols + c]);
      if (need && j0 < 0) j0 = j;
      else if (!need && j0 >= 0) {
        lines.push({ kind: 'line', x1: t.colX[c], y1: ys[j0], x2: t.colX[c], y2: ys[j], width: w });
        j0 = -1;
      }
    }
  }
  out.push({ kind: 'group', artifact: 'Layout', items: lines });
  return ys[fr] - top;
}

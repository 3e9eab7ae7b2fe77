/**
 * Rows of a table set as PDF text (docs/IMPORT.md §3.2): a cell's text may wrap over several
 * lines and is centred (or top-aligned) in its row, so a row's label and its numbers need not
 * share a line. Label fragments are joined into label blocks, a number wrapped in a narrow
 * column is joined with its remainder below, and each number goes to the row whose label block
 * is clearly nearest; a number between two rows is marked unreadable, never guessed.
 */
import type { TableCell } from './blocks';
import { isNumberText } from './normalize';

interface Column {
  x0: number;
  x1: number;
}

const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
const ENUMERATED = /^(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,2}、)/;

interface Piece {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

/** Joins vertically adjacent pieces of one cell: `join(upper, lower)` says whether two may be one cell. */
function stack(cells: TableCell[], reach: number, join: (upper: Piece, lower: TableCell) => boolean): Piece[] {
  const sorted = [...cells].sort((a, b) => (b.y ?? 0) - (a.y ?? 0) || a.x0 - b.x0);
  const out: Piece[] = [];
  for (const c of sorted) {
    const size = c.size ?? 12;
    const y = c.y ?? 0;
    const above = out.find((p) => p.bottom - y > 0.5 && p.bottom - y <= size * reach && c.x0 < p.x1 && c.x1 > p.x0 && join(p, c));
    if (above) {
      above.text += c.text;
      above.x0 = Math.min(above.x0, c.x0);
      above.x1 = Math.max(above.x1, c.x1);
      above.bottom = y;
    } else out.push({ text: c.text, x0: c.x0, x1: c.x1, top: y, bottom: y, size });
  }
  return out;
}

/**
 * Logical rows of a positioned table: each is a label cell (the joined label) followed by the
 * numbers placed in it. `isRowLabel` says whether a joined label names a row of the table.
 */
export function positionedRows(lines: readonly TableCell[][], columns: readonly Column[], isRowLabel: (text: string) => boolean): TableCell[][] {
  if (columns.length === 0) return [];
  const firstX = Math.min(...columns.map((c) => c.x0));
  const cells = lines.flat();
  const labelCells = cells.filter((c) => c.x1 <= firstX + 2 && !isNumberText(c.text));
  const valueCells = cells.filter((c) => !(c.x1 <= firstX + 2 && !isNumberText(c.text)));
  const pitch = columns.length > 1 ? Math.min(...columns.slice(1).map((c, i) => Math.abs(mid(c) - mid(columns[i])))) : Infinity;
  // A label line continues the one above unless it starts a new enumerated row.
  const labels = stack(labelCells, 1.6, (_, lower) => !ENUMERATED.test(lower.text.trim())).filter((p) => isRowLabel(p.text));
  // A number wraps only when its first line fills the column (a short number is a cell of its own).
  const values = stack(valueCells, 1.35, (upper, lower) => isNumberText(upper.text) && isNumberText(lower.text) && upper.x1 - upper.x0 >= pitch - upper.size);
  const centre = (p: Piece) => (p.top + p.bottom) / 2;
  const rows: TableCell[][] = labels.map((l) => [{ text: l.text, x0: l.x0, x1: Math.min(l.x1, firstX) }]);
  for (const v of values) {
    const d = labels.map((l) => Math.abs(centre(l) - centre(v)));
    const order = d.map((_, i) => i).sort((a, b) => d[a] - d[b]);
    if (order.length === 0) continue;
    const [best, second] = order;
    const clear = second === undefined || d[best] < d[second] * 0.6;
    const cell: TableCell = { text: v.text, x0: v.x0, x1: v.x1 };
    if (clear) rows[best].push(cell);
    else for (const i of [best, second]) rows[i].push({ ...cell, text: `？${v.text}` });
  }
  return rows;
}

/** The numbers of a one-row table part set as PDF text (表四): wrapped numbers joined, each a cell. */
export function stackedValues(lines: readonly TableCell[][], columns: readonly Column[]): TableCell[] {
  const pitch = columns.length > 1 ? Math.min(...columns.slice(1).map((c, i) => Math.abs(mid(c) - mid(columns[i])))) : Infinity;
  const cells = lines.flat().filter((c) => isNumberText(c.text) || c.text.trim() !== '');
  return stack(cells, 1.35, (upper, lower) => isNumberText(upper.text) && isNumberText(lower.text) && upper.x1 - upper.x0 >= pitch - upper.size).map((p) => ({
    text: p.text,
    x0: p.x0,
    x1: p.x1,
  }));
}

/**
 * Rows of a table set as PDF text (docs/IMPORT.md §3.2): a cell's text may wrap over several
 * lines and is centred (or top-aligned) in its row, so a row's label and its numbers need not
 * share a line. Where the page draws the cell borders, a label is the text of one cell and a
 * number belongs to the row whose label cell spans the middle of its own; otherwise label
 * fragments are joined into label blocks and each number goes to the row whose label block it
 * lies beside. A number wrapped in a narrow column is joined with its remainder below; a number
 * in two rows' reach is marked unreadable, never guessed.
 */
import type { RuledLine, TableCell } from './blocks';
import { isNumberText } from './normalize';
import { boxMiddle, cellBoxes, sameBox, type CellBox } from './pdf-rules';

interface Column {
  x0: number;
  x1: number;
}

const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
const ENUMERATED = /^(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,3}|[一二三四五六七八九十]{1,2}、)/;

interface Piece {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  box?: CellBox;
}

/**
 * Joins the pieces of one cell: those in one box when `boxOf` finds boxes; otherwise a piece
 * joins the one above it (within `reach` lines, overlapping it) when `join(upper, lower)` says
 * they may be one cell. Pieces of one line are never joined without boxes: the reader already
 * joined what the gaps allow, and a wider gap may be a column's border.
 */
function stack(cells: TableCell[], reach: number, join: (upper: Piece, lower: TableCell) => boolean, boxOf: (c: TableCell) => CellBox | undefined): Piece[] {
  const sorted = [...cells].sort((a, b) => (b.y ?? 0) - (a.y ?? 0) || a.x0 - b.x0);
  const out: Piece[] = [];
  for (const c of sorted) {
    const size = c.size ?? 12;
    const y = c.y ?? 0;
    const box = boxOf(c);
    const into = box
      ? out.find((p) => p.box && sameBox(p.box, box))
      : out.find((p) => !p.box && p.bottom - y > 0.5 && p.bottom - y <= size * reach && c.x0 < p.x1 && c.x1 > p.x0 && join(p, c));
    if (into) {
      into.text += c.text;
      into.x0 = Math.min(into.x0, c.x0);
      into.x1 = Math.max(into.x1, c.x1);
      into.bottom = Math.min(into.bottom, y);
    } else out.push({ text: c.text, x0: c.x0, x1: c.x1, top: y, bottom: y, size, ...(box ? { box } : {}) });
  }
  return out;
}

/**
 * The box finder of a table's label cells, or none when the lines drawn do not separate its rows
 * (a box holding two enumerated labels: borders round the table only, say).
 */
function labelBoxes(labels: readonly TableCell[], rules: readonly RuledLine[] | undefined): (c: TableCell) => CellBox | undefined {
  const none = () => undefined;
  if (!rules || rules.length === 0) return none;
  const boxOf = cellBoxes(rules);
  const starts: CellBox[] = [];
  for (const c of labels) {
    const box = boxOf(c);
    if (!box || !ENUMERATED.test(c.text.trim())) continue;
    if (starts.some((b) => sameBox(b, box))) return none;
    starts.push(box);
  }
  return boxOf;
}

/**
 * Logical rows of a positioned table: each is a label cell (the joined label) followed by the
 * numbers placed in it. `isRowLabel` says whether a joined label names a row of the table,
 * `isGroupLabel` whether it names a group (（三）不予公开), which holds no numbers of its own.
 */
export function positionedRows(
  lines: readonly TableCell[][],
  columns: readonly Column[],
  isRowLabel: (text: string) => boolean,
  isGroupLabel: (text: string) => boolean,
  rules?: readonly RuledLine[],
): TableCell[][] {
  if (columns.length === 0) return [];
  const firstX = Math.min(...columns.map((c) => c.x0));
  const cells = lines.flat();
  const isLabel = (c: TableCell) => c.x1 <= firstX + 2 && !isNumberText(c.text);
  const labels = cells.filter(isLabel);
  const boxOf = labelBoxes(labels, rules);
  // A label line continues the one above unless it starts a new enumerated row.
  // Only labels that name a row hold numbers: a group label or a fragment holds none, and a number
  // beside an unrecognised label reaches no row (that row is then unread).
  const anchors = stack(labels, 1.6, (_, lower) => !ENUMERATED.test(lower.text.trim()), boxOf).filter((p) => !isGroupLabel(p.text) && isRowLabel(p.text));
  const rows: TableCell[][] = anchors.map((l) => [{ text: l.text, x0: l.x0, x1: Math.min(l.x1, firstX) }]);
  for (const v of cells.filter((c) => !isLabel(c))) {
    const y = v.y ?? 0;
    const size = v.size ?? 12;
    const box = boxOf(v);
    // In a ruled table a number belongs to the row whose label cell spans its cell's middle.
    // Otherwise it belongs to the row whose label it lies beside (cells are centred or
    // top-aligned): within the label's lines and three quarters of a line around them.
    // In two rows' reach it is unreadable.
    const hits = box
      ? anchors.flatMap((a, i) => (a.box && a.box.bottom <= boxMiddle(box) && boxMiddle(box) <= a.box.top ? [i] : []))
      : anchors.flatMap((a, i) => (!a.box && y <= a.top + size * 0.75 && y >= a.bottom - size * 0.75 ? [i] : []));
    const cell: TableCell = { text: v.text, x0: v.x0, x1: v.x1 };
    if (hits.length === 1) rows[hits[0]].push({ ...cell, y, size });
    else for (const i of hits) rows[i].push({ ...cell, text: `？${v.text}` });
  }
  return rows.map((row) => [row[0], ...joinWrapped(row.slice(1), columns)]);
}

/**
 * The numbers of one row, one cell per column: the lines of a number wrapped in a narrow column
 * (adjacent lines) are joined; anything else sharing a column is marked unreadable.
 */
function joinWrapped(cells: TableCell[], columns: readonly Column[]): TableCell[] {
  const byColumn = new Map<number, TableCell[]>();
  const mids = columns.map(mid).sort((a, b) => a - b);
  const pitch = mids.length > 1 ? Math.min(...mids.slice(1).map((m, i) => m - mids[i])) : Infinity;
  for (const c of cells) {
    const d = columns.map((col) => Math.abs(mid(col) - mid(c)));
    const k = d.indexOf(Math.min(...d));
    // Beyond half a column from every column found, a number is in a column whose header was not found.
    if (d[k] > pitch / 2) continue;
    (byColumn.get(k) ?? byColumn.set(k, []).get(k)!).push(c);
  }
  const out: TableCell[] = [];
  for (const group of byColumn.values()) {
    group.sort((a, b) => (b.y ?? 0) - (a.y ?? 0));
    const adjacent = group.every((c, i) => {
      if (i === 0) return true;
      const dy = (group[i - 1].y ?? 0) - (c.y ?? 0);
      return dy > 0.5 && dy <= (c.size ?? 12) * 1.35 && isNumberText(c.text) && isNumberText(group[i - 1].text);
    });
    const text = group.map((c) => c.text).join('');
    out.push({ text: adjacent ? text : `？${text}`, x0: Math.min(...group.map((c) => c.x0)), x1: Math.max(...group.map((c) => c.x1)) });
  }
  return out;
}

/** The numbers of a one-row table part set as PDF text (表四): the pieces of a wrapped number joined. */
export function stackedValues(cells: readonly TableCell[], columns: readonly Column[]): TableCell[] {
  return joinWrapped(cells.filter((c) => c.text.trim() !== ''), columns);
}

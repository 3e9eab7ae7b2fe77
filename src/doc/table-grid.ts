/**
 * The one placement of a table's cells on its grid (docs/ARCHITECTURE.md §7): cells listed at the
 * top-left of their span, as in HTML, each taking the next column not covered by a span from above.
 * The markup parser refuses a table this cannot place; the PDF layout, the Word writer and the web
 * page all read the placed grid, with its header rows and each cell's alignment, from here.
 * Needs no fonts: widths and line breaks are added by `layout/table-model.ts`.
 */
import type { Align, Inline, TableCell, TableNode, TableRow } from './tree';

/** A cell placed on the grid. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The tree's cell. */
  cell: TableCell;
  /** Its text, a forced line break as `\n`. */
  text: string;
  /** Holds only a number (a count or an amount): never broken across lines. */
  numeric: boolean;
  /** The alignment every format sets it with. */
  align: Align;
}

/** A table placed on its grid. */
export interface TableGrid {
  rows: number;
  cols: number;
  /** The tree's relative column widths. */
  widths: readonly number[];
  /** Cells in reading order (row by row, left to right). */
  cells: GridCell[];
  /** Index into `cells` at each slot (row * cols + col). */
  owner: Int32Array;
  /** Leading rows repeated at the top of every page the table continues on. */
  headerRows: number;
  /** Rows that stay on the page of the row after them (`keepRowsOf`). */
  keepWithNext: readonly boolean[];
}

/** A table that cannot be placed; `reason` is Chinese and names the row and column. */
export class TableGridError extends Error {
  override readonly name = 'TableGridError';
}

const NUMBER = /^\s*[-+−]?[\d,，]*\.?\d+\s*%?\s*$/;

/** True for a cell text that is a number (“123456”, “12.50”), not “/” or a label. */
export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

/**
 * Alignment of a cell in every format: a number is centred, whatever the template says, so a
 * justified number never spreads its digits; anything else keeps the tree's alignment.
 */
export function cellAlign(cell: TableCell, numeric: boolean): Align {
  return numeric ? 'center' : cell.align;
}

/** Plain text of inline content, a forced line break as `\n`. */
export function inlineText(children: readonly Inline[]): string {
  let s = '';
  for (const n of children) {
    if (n.kind === 'text' || n.kind === 'runIn') s += n.text;
    else if (n.kind === 'strong') s += inlineText(n.children);
    else s += '\n';
  }
  return s;
}

/**
 * Places the cells of `node` on its grid; throws `TableGridError` when a span runs past the table,
 * cells overlap, a slot is left empty, rows cover different numbers of columns or the widths do
 * not match the columns.
 */
export function placeTable(node: TableNode): TableGrid {
  const { cols, placed } = placeCells(node.rows);
  const rows = node.rows.length;
  if (node.widths.length !== cols) throw new TableGridError(`表格的 widths 给出${node.widths.length}列，但表格有${cols}列`);
  if (node.widths.some((w) => !(w > 0 && Number.isFinite(w)))) throw new TableGridError('表格的列宽应为正数');

  const owner = new Int32Array(rows * cols).fill(-1);
  const cells = placed.map(({ row, col, cell }, id): GridCell => {
    for (let i = row; i < row + cell.rowSpan; i++) for (let j = col; j < col + cell.colSpan; j++) owner[i * cols + j] = id;
    const text = inlineText(cell.children);
    const numeric = isNumberText(text);
    return { row, col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, cell, text, numeric, align: cellAlign(cell, numeric) };
  });
  const headerRows = headerRowsOf(node, cells);
  return { rows, cols, widths: node.widths, cells, owner, headerRows, keepWithNext: keepRowsOf(rows, cols, cells, headerRows) };
}

/**
 * The rows no page may end after: the header rows, and a band heading (a row that is one cell
 * across the table, as table 二's 第二十条第（一）项) with the row after it (the band's column
 * heads), so a band never stands at the foot of a page apart from its figures. The last row
 * keeps with nothing.
 */
function keepRowsOf(rows: number, cols: number, cells: readonly GridCell[], headerRows: number): boolean[] {
  const band = new Array<boolean>(rows).fill(false);
  for (const c of cells) if (c.col === 0 && c.colSpan === cols && c.rowSpan === 1) band[c.row] = true;
  return band.map((b, r) => r < rows - 1 && (r < headerRows || b || (r > 0 && band[r - 1])));
}

/** Places rows of cells, HTML's way; returns the number of columns they fill. Throws `TableGridError`. */
export function placeCells(tableRows: readonly TableRow[]): { cols: number; placed: { row: number; col: number; cell: TableCell }[] } {
  const rows = tableRows.length;
  if (rows === 0) throw new TableGridError('表格中没有任何行');
  const taken: boolean[][] = tableRows.map(() => []);
  const placed: { row: number; col: number; cell: TableCell }[] = [];
  let cols = -1;
  tableRows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken[r][c]) c++;
      if (!(Number.isInteger(cell.rowSpan) && cell.rowSpan >= 1 && Number.isInteger(cell.colSpan) && cell.colSpan >= 1)) {
        throw new TableGridError(`表格第${r + 1}行第${c + 1}列的单元格合并范围无效`);
      }
      if (r + cell.rowSpan > rows) {
        throw new TableGridError(`表格第${r + 1}行第${c + 1}列的单元格 rowspan="${cell.rowSpan}" 超出了表格的最后一行`);
      }
      for (let i = r; i < r + cell.rowSpan; i++) {
        for (let j = c; j < c + cell.colSpan; j++) {
          if (taken[i][j]) throw new TableGridError(`表格第${i + 1}行第${j + 1}列被两个单元格重叠占用`);
          taken[i][j] = true;
        }
      }
      placed.push({ row: r, col: c, cell });
      c += cell.colSpan;
    }
    const width = taken[r].length;
    for (let i = 0; i < width; i++) if (!taken[r][i]) throw new TableGridError(`表格第${r + 1}行第${i + 1}列没有单元格`);
    if (cols === -1) cols = width;
    else if (width !== cols) throw new TableGridError(`表格第${r + 1}行占${width}列，与第1行的${cols}列不一致`);
  });
  return { cols, placed };
}

/** The leading rows marked header, plus any row a header cell spans into. */
function headerRowsOf(node: TableNode, cells: readonly GridCell[]): number {
  let n = 0;
  while (n < node.rows.length && node.rows[n].header) n++;
  for (const cell of cells) if (cell.row < n) n = Math.max(n, cell.row + cell.rowSpan);
  return n;
}

/**
 * The resolved table model (docs/ARCHITECTURE.md §7): the placed grid (`doc/table-grid.ts`) plus
 * what font metrics decide — column widths, each cell's type size and its lines. Computed once per
 * table from the document tree; the PDF layout draws it, the Word writer writes its widths, sizes
 * and line breaks, the web page its widths. Pure: text is measured through a `TextMeasure`, so
 * the writers never load fonts themselves.
 *
 * Numbers are never broken across lines. The template's column widths are minimums: a column
 * whose widest number does not fit widens, taking width from the label columns (the widest
 * first) down to their longest unbreakable run; a number that still does not fit is set
 * smaller, in half points down to 9 pt; only then L-TABLE-NUMBER names its table, row and column.
 */
import type { Block, DocTree, TableNode } from '../doc/tree';
import { placeTable, type GridCell, type TableGrid } from '../doc/table-grid';
import type { StyleSettings } from '../style/settings';
import { breakOpportunities } from './breaks';
import { collectInlines, type StyledText } from './collect';
import { whereOf, type LayoutDiagnostic } from './diagnostics';
import { pageGeometry } from './geometry';
import { breakLines, EPS, prefixWidths, trimEnd, type LineRange } from './lines';
import { columnEdges } from './column-edges';

/** Advances in points per UTF-16 offset of styled text, at its roles' sizes (layout/measure.ts). */
export type TextMeasure = (st: StyledText, where: string) => Float64Array;

/** The smallest size a number is shrunk to before it is reported, points. */
export const MIN_NUMBER_SIZE = 9;

/**
 * Room a number keeps beside it in its cell, points: Word's widths are whole twips and a word
 * processor wraps a line that fills its cell exactly (LibreOffice set 23456 as “2345/6” in a
 * column that fitted it to the point).
 */
export const NUMBER_ROOM = 1;

/** A cell with its measured text and lines. */
export interface CellModel {
  grid: GridCell;
  /** The cell's styled text (table role). */
  st: StyledText;
  /** Advances at the table size. */
  adv: Float64Array;
  brk: Uint8Array;
  /** Type size, points: the table size, or smaller for a number that would not fit. */
  size: number;
  /** Width the text is set in: the cell's width less its padding. */
  inner: number;
  /** Its lines, as the PDF sets them; widths at `size`. */
  lines: LineRange[];
  /** Where the cell is, for messages: `第2个表格第4行第4列“123456”`. */
  where: string;
}

/** A table resolved for every format. */
export interface TableModel {
  grid: TableGrid;
  /** Column edges, absolute x in points from the type area's left edge `left` (length cols + 1). */
  colX: number[];
  /** Relative column widths: the template's where no number widened a column, else the widths in points. */
  weights: readonly number[];
  /** Cells, in the grid's order. */
  cells: CellModel[];
  /** Messages: L-TABLE-NUMBER, L-OVERFULL. */
  diagnostics: LayoutDiagnostic[];
}

/** Where and how wide the table is set, and what to call it in messages. */
export interface TableFrame {
  left: number;
  width: number;
  /** `第2个表格`. */
  name: string;
  /** The section it is in, for messages (`三、收到和处理政府信息公开申请情况`). */
  section?: string;
}

/** Resolves one table: grid, widths, sizes and lines. */
export function resolveTable(node: TableNode, frame: TableFrame, style: StyleSettings, measure: TextMeasure): TableModel {
  const grid = placeTable(node);
  const size = style.roles.table.size;
  const pad = style.tableCellPaddingPt;
  const diagnostics: LayoutDiagnostic[] = [];
  const texts = grid.cells.map((gc) => {
    const st = collectInlines(gc.cell.children, 'table');
    const where = whereOf(`${frame.name}第${gc.row + 1}行第${gc.col + 1}列`, st.text);
    const adv = measure(st, where);
    const brk = breakOpportunities(st.text);
    return { st, where, adv, brk, p: prefixWidths({ text: st.text, adv, brk, spacing: 0 }) };
  });
  const natural = texts.map(({ st, p }) => p[trimEnd(st.text, 0, st.text.length)]);

  const base = columnEdges(grid.widths, frame.left, frame.width);
  const colX = fitColumns(
    grid,
    frame,
    base,
    (id) => natural[id] + NUMBER_ROOM + 2 * pad,
    (id) => longestRun(texts[id].st.text, texts[id].brk, texts[id].p) + 2 * pad,
    size + 2 * pad,
  );

  const cells = grid.cells.map((gc, id): CellModel => {
    const { st, where, adv, brk, p } = texts[id];
    const inner = Math.max(size, colX[gc.col + gc.colSpan] - colX[gc.col] - 2 * pad);
    const inp = { text: st.text, adv, brk, spacing: 0 };
    if (gc.numeric) {
      const cellSize = numberSize(natural[id], inner - NUMBER_ROOM, size);
      if (natural[id] * (cellSize / size) > inner - NUMBER_ROOM + EPS) diagnostics.push(numberTooWide(grid, gc, frame, st.text, where));
      const scale = cellSize / size;
      const lines = breakLines(inp, Infinity, Infinity, p).map((l) => ({ ...l, width: l.width * scale }));
      return { grid: gc, st, adv, brk, size: cellSize, inner, lines, where };
    }
    const lines = breakLines(inp, inner, inner, p);
    const over = lines.find((l) => l.overfull);
    if (over) {
      diagnostics.push({
        severity: 'warning',
        code: 'L-OVERFULL',
        message: `${frame.name}第${gc.row + 1}行第${gc.col + 1}列的“${st.text.slice(over.start, Math.min(over.end, over.start + 20))}”中有一段不可断开的文字宽于单元格，已在字符之间强行断行`,
        where,
      });
    }
    return { grid: gc, st, adv, brk, size, inner, lines, where };
  });
  const weights = colX === base ? grid.widths : colX.slice(1).map((x, i) => x - colX[i]);
  return { grid, colX, weights, cells, diagnostics };
}

/** Resolves every table of a document, in order (the k-th table block is `tables[k]`). */
export function resolveTables(tree: DocTree, style: StyleSettings, measure: TextMeasure): TableModel[] {
  const geo = pageGeometry(style);
  const out: TableModel[] = [];
  let section: string | undefined;
  for (const b of tree.blocks) {
    if (b.kind === 'heading' && b.level === 1) section = headingText(b);
    if (b.kind === 'table') out.push(resolveTable(b, { left: geo.left, width: geo.width, name: `第${out.length + 1}个表格`, section }, style, measure));
  }
  return out;
}

function headingText(b: Extract<Block, { kind: 'heading' }>): string {
  return collectInlines(b.children, 'heading1').text;
}

/**
 * Column edges with every number fitting where the label columns can give the width: the
 * template's edges unless a number cell needs more (then the same array, so an unchanged table
 * is set exactly as before).
 */
function fitColumns(
  grid: TableGrid,
  frame: TableFrame,
  base: number[],
  numberNeed: (id: number) => number,
  labelMin: (id: number) => number,
  oneChar: number,
): number[] {
  const cols = grid.cols;
  const w = base.slice(1).map((x, i) => x - base[i]);
  const numericCol = new Array<boolean>(cols).fill(false);
  for (const gc of grid.cells) if (gc.numeric) for (let c = gc.col; c < gc.col + gc.colSpan; c++) numericCol[c] = true;

  const grow = new Array<number>(cols).fill(0);
  const numbers = grid.cells.map((gc, id) => ({ gc, id })).filter(({ gc }) => gc.numeric);
  for (const { gc, id } of numbers) if (gc.colSpan === 1) grow[gc.col] = Math.max(grow[gc.col], numberNeed(id) - w[gc.col]);
  for (const { gc, id } of numbers) {
    if (gc.colSpan === 1) continue;
    let have = 0;
    for (let c = gc.col; c < gc.col + gc.colSpan; c++) have += w[c] + grow[c];
    const more = numberNeed(id) - have;
    if (more > EPS) for (let c = gc.col; c < gc.col + gc.colSpan; c++) grow[c] += more / gc.colSpan;
  }
  const need = grow.reduce((a, b) => a + b, 0);
  if (need <= EPS) return base;

  const min = new Array<number>(cols).fill(oneChar);
  grid.cells.forEach((gc, id) => {
    if (!gc.numeric && gc.colSpan === 1) min[gc.col] = Math.max(min[gc.col], labelMin(id));
  });
  const slack = w.map((x, c) => (numericCol[c] ? 0 : Math.max(0, x - min[c])));
  const given = Math.min(need, slack.reduce((a, b) => a + b, 0));
  const cut = cutWidest(slack, given);
  const scale = given / need;
  const widths = w.map((x, c) => x - cut[c] + grow[c] * scale);
  const edges = [frame.left];
  let acc = frame.left;
  for (let c = 0; c < cols; c++) {
    acc += widths[c];
    edges.push(c === cols - 1 ? frame.left + frame.width : acc);
  }
  return edges;
}

/** Takes `amount` from the largest slacks first, bringing them down to one level. */
function cutWidest(slack: readonly number[], amount: number): number[] {
  if (amount <= 0) return slack.map(() => 0);
  const sorted = slack.filter((s) => s > 0).sort((a, b) => b - a);
  let sum = 0;
  let level = 0;
  for (let k = 0; k < sorted.length; k++) {
    sum += sorted[k];
    const next = k + 1 < sorted.length ? sorted[k + 1] : 0;
    if (sum - (k + 1) * next >= amount - EPS) {
      level = Math.max(0, (sum - amount) / (k + 1));
      break;
    }
  }
  return slack.map((s) => Math.max(0, s - level));
}

/** Width of the longest stretch of text between two break opportunities. */
function longestRun(text: string, brk: Uint8Array, p: Float64Array): number {
  let best = 0;
  let a = 0;
  for (let b = 1; b <= text.length; b++) {
    if (b < text.length && brk[b] === 0) continue;
    best = Math.max(best, p[trimEnd(text, a, b)] - p[a]);
    a = b;
  }
  return best;
}

/** The size a number of `width` (at `size`) is set in to fit `inner`: half points, at least 9 pt. */
export function numberSize(width: number, inner: number, size: number): number {
  if (width <= inner + EPS) return size;
  const fit = Math.floor(((size * inner) / width) * 2 + 1e-9) / 2;
  return Math.max(MIN_NUMBER_SIZE, Math.min(size, fit));
}

/** L-TABLE-NUMBER for a number that does not fit even at 9 pt, naming its table, row and column. */
function numberTooWide(grid: TableGrid, gc: GridCell, frame: TableFrame, text: string, where: string): LayoutDiagnostic {
  const table = frame.section ? `${frame.name}（${frame.section}）` : frame.name;
  const row = labelLeft(grid, gc);
  const col = labelAbove(grid, gc);
  const place = `第${gc.row + 1}行${row ? `“${row}”` : ''}、第${gc.col + 1}列${col ? `“${col}”` : ''}`;
  return {
    severity: 'warning',
    code: 'L-TABLE-NUMBER',
    message: `${table}${place}的数字“${text}”缩小到${MIN_NUMBER_SIZE}磅仍宽于单元格，已不断行地超出单元格：请在模板中加宽该列`,
    where,
  };
}

/** The label nearest to the left of a cell in its row. */
function labelLeft(grid: TableGrid, gc: GridCell): string | undefined {
  for (let c = gc.col - 1; c >= 0; c--) {
    const cell = grid.cells[grid.owner[gc.row * grid.cols + c]];
    if (cell && !cell.numeric && cell.text.trim()) return cell.text.replace(/\n/g, '');
  }
  return undefined;
}

/**
 * The column's label: its header cells from the top, joined (“行政诉讼／未经复议直接起诉／结果纠正”),
 * or, in a table without header rows, the nearest label above.
 */
function labelAbove(grid: TableGrid, gc: GridCell): string | undefined {
  const heads: string[] = [];
  for (let r = 0; r < Math.min(grid.headerRows, gc.row); r++) {
    const cell = grid.cells[grid.owner[r * grid.cols + gc.col]];
    const text = cell && !cell.numeric ? cell.text.replace(/\n/g, '').trim() : '';
    if (text && cell.row === r) heads.push(text);
  }
  if (heads.length) return heads.join('／');
  for (let r = gc.row - 1; r >= 0; r--) {
    const cell = grid.cells[grid.owner[r * grid.cols + gc.col]];
    if (cell && !cell.numeric && cell.text.trim()) return cell.text.replace(/\n/g, '');
  }
  return undefined;
}

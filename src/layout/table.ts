import type { TableNode } from '../doc/tree';
import { alignLines } from './align';
import type { LayoutContext } from './context';
import { emitLine } from './emit';
import type { FrameItem, TextItem } from './frames';
import { baselineInBox } from './geometry';
import { EPS } from './lines';
import { resolveTable, type TableModel } from './table-model';
import { shapeText, type ShapedText } from './text';

/** One table cell, set once; fragments copy its items. */
export interface CellLayout {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Text items: x absolute, y relative to the top of the cell's text block. */
  items: FrameItem[];
  /** Height of the text block (lines × table line height). */
  textHeight: number;
  /** Height the cell needs: text block plus top and bottom padding. */
  needed: number;
  /** Its structure element (TH in the header rows, TD below). */
  tag: number;
}

/** A table with its columns, row heights and cells, before pagination. */
export interface TableLayout {
  cols: number;
  rows: number;
  /** Column edges, absolute x (length cols + 1). */
  colX: number[];
  /** Row heights. */
  rowH: number[];
  /** Prefix sums of row heights (length rows + 1). */
  rowY: number[];
  /** Leading rows repeated at the top of every page the table continues on. */
  headerRows: number;
  /** Rows no page ends after (the grid's band headings and the rows under them). */
  keepWithNext: readonly boolean[];
  cells: CellLayout[];
  /** Cell index at each grid slot (row * cols + col), −1 where no cell was given. */
  owner: Int32Array;
  borderWidth: number;
  where: string;
}

/**
 * Tables, steps 1–5 for each cell and then the grid, from the resolved model
 * (`table-model.ts`: grid, column widths, each cell's size and lines; computed here when the
 * caller has none): each cell's lines are aligned in its inner width and emitted; a row is
 * as tall as its tallest one-row cell, and a row-spanned cell that needs more than its rows
 * gives the extra to its last row.
 */
export function layoutTable(node: TableNode, index: number, ctx: LayoutContext, given?: TableModel): TableLayout {
  const { geo, style } = ctx;
  const tableName = `第${index}个表格`;
  const size = style.roles.table.size;
  const lineH = style.tableLineHeight * size;
  const pad = style.tableCellPaddingPt;
  const baseline = baselineInBox(lineH, size);

  const shaped: ShapedText[] = [];
  const model =
    given ??
    resolveTable(node, { left: geo.left, width: geo.width, name: tableName }, style, (st, where) => {
      const sh = shapeText(st, ctx, where);
      shaped.push(sh);
      return sh.adv;
    });
  const { grid, colX } = model;
  const { cols, rows } = grid;
  const cells: CellLayout[] = model.cells.map((cm, id) => {
    const gc = cm.grid;
    const sh = shaped[id] ?? shapeText(cm.st, ctx, cm.where);
    const scale = cm.size / size;
    const runs = scale === 1 ? sh.runs : sh.runs.map((r) => ({ ...r, size: cm.size }));
    const adv = scale === 1 ? sh.adv : sh.adv.map((a) => a * scale);
    const base = scale === 1 ? baseline : baselineInBox(lineH, cm.size);
    const lines = alignLines(sh.text, cm.lines, gc.align, cm.inner, 0);
    const glyphs: TextItem[] = [];
    for (let k = 0; k < lines.length; k++) emitLine(sh.text, runs, adv, 0, lines[k], colX[gc.col] + pad, k * lineH + base, glyphs);
    // A label wrapped over lines reads as one phrase when extracted or copied.
    const items: FrameItem[] = lines.length > 1 ? [{ kind: 'group', actualText: sh.text.replace(/\s*\n\s*/g, ''), items: glyphs }] : glyphs;
    const textHeight = lines.length * lineH;
    return { row: gc.row, col: gc.col, rowSpan: gc.rowSpan, colSpan: gc.colSpan, items, textHeight, needed: textHeight + 2 * pad, tag: -1 };
  });
  if (!given) ctx.diags.push(...model.diagnostics);
  const owner = grid.owner;

  const rowH = new Array<number>(rows).fill(lineH + 2 * pad);
  for (const cell of cells) if (cell.rowSpan === 1) rowH[cell.row] = Math.max(rowH[cell.row], cell.needed);
  const spanned = cells.filter((c) => c.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan);
  for (const cell of spanned) {
    let have = 0;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) have += rowH[r];
    if (cell.needed > have + EPS) rowH[cell.row + cell.rowSpan - 1] += cell.needed - have;
  }
  const rowY = [0];
  for (let r = 0; r < rows; r++) rowY.push(rowY[r] + rowH[r]);

  const headerRows = grid.headerRows;
  tagTable(cells, rows, headerRows, ctx);

  return { cols, rows, colX, rowH, rowY, headerRows, keepWithNext: grid.keepWithNext, cells, owner, borderWidth: style.tableBorderPt, where: tableName };
}

/**
 * The table's structure, as HTML has it: Table, then THead with the header rows and TBody
 * with the rest, a TR per row and a TH (header rows) or TD per cell in the row where the
 * cell starts, with its spans. Cells are in row-major order already.
 */
function tagTable(cells: CellLayout[], rows: number, headerRows: number, ctx: LayoutContext): void {
  const s = ctx.structure;
  const table = s.add('Table');
  let section = -1;
  let k = 0;
  for (let r = 0; r < rows; r++) {
    if (r === 0 || r === headerRows) section = s.add(r < headerRows ? 'THead' : 'TBody', table);
    const tr = s.add('TR', section);
    for (; k < cells.length && cells[k].row === r; k++) {
      const cell = cells[k];
      const spans = { rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined, colSpan: cell.colSpan > 1 ? cell.colSpan : undefined };
      cell.tag = r < headerRows ? s.add('TH', tr, { ...spans, scope: 'Column' }) : s.add('TD', tr, spans);
    }
  }
}

export { columnEdges } from './column-edges';

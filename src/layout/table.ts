import type { TableNode } from '../doc/tree';
import { collectInlines } from './collect';
import type { LayoutContext } from './context';
import { whereOf } from './diagnostics';
import { emitLine } from './emit';
import type { FrameItem, TextItem } from './frames';
import { baselineInBox } from './geometry';
import { EPS } from './lines';
import { setText, shapeText } from './text';

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
  cells: CellLayout[];
  /** Cell index at each grid slot (row * cols + col), −1 where no cell was given. */
  owner: Int32Array;
  borderWidth: number;
  where: string;
}

/**
 * Tables, steps 1–5 for each cell and then the grid: column widths are the relative
 * `widths` scaled to the type area; cells are placed on the grid as in HTML (a cell
 * skips slots taken by spans from above); each cell's text is set in its inner width
 * (table role, no grid spacing, the cell's alignment); a row is as tall as its tallest
 * one-row cell, and a row-spanned cell that needs more than its rows gives the extra to
 * its last row. Spans that do not fit the grid are clipped with a warning.
 */
export function layoutTable(node: TableNode, index: number, ctx: LayoutContext): TableLayout {
  const { geo, style, diags } = ctx;
  const tableName = `第${index}个表格`;
  const size = style.roles.table.size;
  const lineH = style.tableLineHeight * size;
  const pad = style.tableCellPaddingPt;
  const baseline = baselineInBox(lineH, size);

  const colX = columnEdges(node.widths, geo.left, geo.width);
  const cols = colX.length - 1;
  if (cols !== node.widths.length || node.widths.some((w) => !(w > 0))) {
    diags.push({ severity: 'warning', code: 'L-TABLE-WIDTHS', message: `${tableName}的列宽无效，已改为等宽`, where: tableName });
  }
  const rows = node.rows.length;
  const owner = new Int32Array(rows * cols).fill(-1);
  const cells: CellLayout[] = [];

  for (let r = 0; r < rows; r++) {
    let c = 0;
    for (const cell of node.rows[r].cells) {
      while (c < cols && owner[r * cols + c] !== -1) c++;
      const st = collectInlines(cell.children, 'table');
      const where = whereOf(`${tableName}第${r + 1}行第${c + 1}列`, st.text);
      if (c >= cols) {
        diags.push({ severity: 'error', code: 'L-TABLE-GRID', message: `${tableName}第${r + 1}行的单元格多于${cols}列，多出的单元格未排出`, where });
        break;
      }
      let cs = Math.max(1, Math.floor(cell.colSpan) || 1);
      let rs = Math.max(1, Math.floor(cell.rowSpan) || 1);
      let free = 0;
      while (free < cs && c + free < cols && owner[r * cols + c + free] === -1) free++;
      if (free < cs || r + rs > rows) {
        diags.push({ severity: 'warning', code: 'L-TABLE-SPAN', message: `${tableName}第${r + 1}行第${c + 1}列的合并范围超出表格或与其他单元格重叠，已截断`, where });
        cs = free;
        rs = Math.min(rs, rows - r);
      }
      const id = cells.length;
      for (let rr = r; rr < r + rs; rr++) for (let cc = c; cc < c + cs; cc++) owner[rr * cols + cc] = id;

      const sh = shapeText(st, ctx, where);
      const inner = Math.max(size, colX[c + cs] - colX[c] - 2 * pad);
      const lines = setText(sh, { width: inner, indent: 0, spacing: 0, align: cell.align }, ctx);
      const glyphs: TextItem[] = [];
      for (let k = 0; k < lines.length; k++) emitLine(sh.text, sh.runs, sh.adv, 0, lines[k], colX[c] + pad, k * lineH + baseline, glyphs);
      // A label wrapped over lines reads as one phrase when extracted or copied.
      const items: FrameItem[] = lines.length > 1 ? [{ kind: 'group', actualText: sh.text.replace(/\s*\n\s*/g, ''), items: glyphs }] : glyphs;
      const textHeight = lines.length * lineH;
      cells.push({ row: r, col: c, rowSpan: rs, colSpan: cs, items, textHeight, needed: textHeight + 2 * pad, tag: -1 });
      c += cs;
    }
    if (node.rows[r].cells.length > 0 && owner.subarray(r * cols, (r + 1) * cols).includes(-1)) {
      diags.push({ severity: 'warning', code: 'L-TABLE-GRID', message: `${tableName}第${r + 1}行的单元格少于${cols}列，空位按空白单元格画出`, where: tableName });
    }
  }

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

  // Header: the leading rows marked header, plus any row a header cell spans into.
  let headerRows = 0;
  while (headerRows < rows && node.rows[headerRows].header) headerRows++;
  for (const cell of cells) if (cell.row < headerRows) headerRows = Math.max(headerRows, cell.row + cell.rowSpan);
  tagTable(cells, rows, headerRows, ctx);

  return { cols, rows, colX, rowH, rowY, headerRows, cells, owner, borderWidth: style.tableBorderPt, where: tableName };
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

/** Column edges: relative widths scaled to `width` from `left`; equal widths if invalid. */
export function columnEdges(widths: readonly number[], left: number, width: number): number[] {
  const n = Math.max(1, widths.length);
  const valid = widths.length > 0 && widths.every((w) => w > 0 && Number.isFinite(w));
  const total = valid ? widths.reduce((a, b) => a + b, 0) : n;
  const edges = [left];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += valid ? widths[i] : 1;
    edges.push(i === n - 1 ? left + width : left + (acc / total) * width);
  }
  return edges;
}

/**
 * Tables, from the resolved model (`layout/table-model.ts`): the grid's cells written with explicit
 * `gridSpan` and `vMerge` (restart at the origin, continue in every row below it at the same grid
 * column), the model's column widths scaled to the type area (sum exact to the twip), its header
 * rows repeating on each page, the rows the grid keeps with the next staying with the row below them, its
 * alignment, a shrunk number's size, and a wrapped label's lines as the PDF breaks them, with
 * explicit breaks: a narrow label such as table 三's “三、本年度办理结果” stands upright a few
 * characters a line and reads in order when copied. The layout is fixed (LibreOffice and WPS do not
 * autofit like Word), every border is drawn, cells are centred vertically, and no row splits.
 */
import type { GridCell, TableGrid } from '../../doc/table-grid';
import type { TableModel } from '../../layout/table-model';
import type { DocxContext } from './context';
import { runs } from './inline';
import { jc, para } from './paragraph';
import { breakRun, runProps, textRun } from './run';
import { STYLE } from './styles';
import { apportion, ptToHalfPoints } from './units';

/** One grid position a `w:tc` is written for. */
export interface Slot {
  /** Grid column of the slot's left edge (0-based). */
  col: number;
  /** Grid columns covered (`gridSpan`). */
  span: number;
  /** Index of the model's cell whose area this is. */
  cell: number;
  /** `restart`/`continue` for cells spanning rows, none otherwise. */
  merge?: 'restart' | 'continue';
}

/** For every grid row, the `w:tc` slots in column order: a cell's own row, and the rows its span covers. */
export function slotsOf(grid: TableGrid): Slot[][] {
  const out: Slot[][] = [];
  for (let r = 0; r < grid.rows; r++) {
    const slots: Slot[] = [];
    for (let c = 0; c < grid.cols; c++) {
      const id = grid.owner[r * grid.cols + c];
      const cell = grid.cells[id];
      if (cell.col !== c) continue;
      const merge = cell.rowSpan > 1 ? (cell.row === r ? 'restart' : 'continue') : undefined;
      slots.push({ col: c, span: cell.colSpan, cell: id, ...(merge ? { merge } : {}) });
    }
    out.push(slots);
  }
  return out;
}

/** The runs of a cell: its lines as the model sets them, joined by explicit breaks where it wraps. */
function cellRuns(ctx: DocxContext, model: TableModel, id: number): string {
  const cm = model.cells[id];
  const gc: GridCell = cm.grid;
  const plain = gc.cell.children.every((c) => c.kind === 'text' || c.kind === 'lineBreak');
  const shrunk = cm.size !== ctx.style.roles.table.size;
  if (!plain || (cm.lines.length < 2 && !shrunk)) return runs(ctx, gc.cell.children, 'table', true);
  const rPr = runProps(ctx, { role: 'table', offGrid: true, ...(shrunk ? { size: ptToHalfPoints(cm.size) } : {}) });
  return cm.lines.map((l, k) => (k > 0 ? breakRun(rPr) : '') + textRun(rPr, cm.st.text.slice(l.start, l.end))).join('');
}

/** A table of the document, as its model resolves it. */
export function table(ctx: DocxContext, model: TableModel): string {
  const grid = slotsOf(model.grid);
  const widths = apportion(model.weights, ctx.typeWidth);
  const leadingHeaders = model.grid.headerRows;

  const border = `w:val="single" w:sz="${ctx.border}" w:space="0" w:color="000000"`;
  const pad = ctx.cellPadding;
  let xml =
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${ctx.typeWidth}" w:type="dxa"/>` +
    '<w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${border}/>`).join('') +
    '</w:tblBorders>' +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar>' +
    ['top', 'left', 'bottom', 'right'].map((side) => `<w:${side} w:w="${pad}" w:type="dxa"/>`).join('') +
    '</w:tblCellMar>' +
    '</w:tblPr><w:tblGrid>' +
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
    '</w:tblGrid>';

  grid.forEach((slots, r) => {
    const header = r < leadingHeaders;
    const keep = model.grid.keepWithNext[r];
    xml += `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    for (const slot of slots) {
      const width = widths.slice(slot.col, slot.col + slot.span).reduce((a, b) => a + b, 0);
      xml +=
        '<w:tc><w:tcPr>' +
        `<w:tcW w:w="${width}" w:type="dxa"/>` +
        (slot.span > 1 ? `<w:gridSpan w:val="${slot.span}"/>` : '') +
        (slot.merge ? `<w:vMerge w:val="${slot.merge}"/>` : '') +
        '<w:vAlign w:val="center"/></w:tcPr>' +
        // Word keeps a row with the next when its cells' paragraphs keep with the next
        para(
          { style: STYLE.table, keepNext: keep, jc: jc(model.cells[slot.cell].grid.align) },
          slot.merge === 'continue' ? '' : cellRuns(ctx, model, slot.cell),
        ) +
        '</w:tc>';
    }
    xml += '</w:tr>';
  });
  return xml + '</w:tbl>';
}

/**
 * Tables: the tree's HTML-like cells (listed only at the top-left of their span) laid out on an exact
 * grid and written with explicit `gridSpan` and `vMerge` (restart at the origin, continue in every
 * row below it at the same grid column). The layout is computed from the tree for every document,
 * and the tree is never modified, so one tree renders any number of times.
 *
 * Column widths are the tree's relative widths scaled to the type area (sum exact to the twip), the
 * layout is fixed (LibreOffice and WPS do not autofit like Word), every border is drawn, cells are
 * centred vertically, leading header rows repeat on each page (and, like band headings, stay with the
 * row below them), and no row splits across pages.
 * A tall merged cell too narrow for its text (table 三's “三、本年度办理结果”) runs sideways.
 */
import type { Align, TableCell as TreeCell, TableNode } from '../../doc/tree';
import type { DocxContext } from './context';
import { plainText, runs } from './inline';
import { jc, para } from './paragraph';
import { STYLE } from './styles';
import { emWidth } from './title';
import { apportion } from './units';

/** One grid position a `w:tc` is written for. */
export interface Slot {
  /** Grid column of the slot's left edge (0-based). */
  col: number;
  /** Grid columns covered (`gridSpan`). */
  span: number;
  /** The tree cell whose area this is. */
  cell: TreeCell;
  /** `restart`/`continue` for cells spanning rows, none otherwise. */
  merge?: 'restart' | 'continue';
}

/**
 * Lay a tree table out on its grid: for every grid row, the `w:tc` slots in column order. Throws with
 * the row and column when cells overlap, overrun the grid or leave holes.
 */
export function layoutTable(node: TableNode): Slot[][] {
  const cols = node.widths.length;
  const nRows = node.rows.length;
  if (cols === 0) throw new Error('table has no columns');
  const owner: (readonly [TreeCell, number, number] | undefined)[][] = node.rows.map(() => new Array(cols).fill(undefined));
  node.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < cols && owner[r][c]) c++;
      const rs = cell.rowSpan;
      const cs = cell.colSpan;
      if (!Number.isInteger(rs) || !Number.isInteger(cs) || rs < 1 || cs < 1) {
        throw new Error(`table row ${r + 1}: cell “${plainText(cell.children)}” has span ${rs}×${cs}`);
      }
      if (c + cs > cols) throw new Error(`table row ${r + 1}: cell “${plainText(cell.children)}” at column ${c + 1} spans past column ${cols}`);
      if (r + rs > nRows) throw new Error(`table row ${r + 1}: cell “${plainText(cell.children)}” spans past the last row`);
      for (let i = r; i < r + rs; i++) {
        for (let j = c; j < c + cs; j++) {
          if (owner[i][j]) throw new Error(`table row ${i + 1}, column ${j + 1}: cells overlap`);
          owner[i][j] = [cell, r, c];
        }
      }
      c += cs;
    }
  });
  return owner.map((row, r) => {
    const slots: Slot[] = [];
    for (let c = 0; c < cols; c++) {
      const o = row[c];
      if (!o) throw new Error(`table row ${r + 1}, column ${c + 1}: no cell covers it`);
      const [cell, r0, c0] = o;
      if (c0 !== c) continue;
      const merge = cell.rowSpan > 1 ? (r0 === r ? 'restart' : 'continue') : undefined;
      slots.push({ col: c, span: cell.colSpan, cell, ...(merge ? { merge } : {}) });
    }
    return slots;
  });
}

const NUMBER = /^\s*[-+−]?[\d,，]*\.?\d+\s*%?\s*$/;

/** Cells holding only a number are centred; otherwise the tree's alignment. */
function cellAlign(cell: TreeCell): Align {
  return cell.align === 'justify' && NUMBER.test(plainText(cell.children)) ? 'center' : cell.align;
}

/**
 * Should a merged cell's text run sideways (bottom to top)? Yes when it spans three or more rows, is
 * too narrow for three characters of table text (horizontal text would stack in fragments of one or
 * two characters, “三、/本年/度办/理结/果”, which also reads as garbage when the PDF is searched or
 * copied), and its text fits along the height its rows have at least.
 */
export function sideways(ctx: DocxContext, cell: TreeCell, width: number): boolean {
  if (cell.rowSpan < 3 || cell.children.some((c) => c.kind === 'lineBreak')) return false;
  const charTw = ctx.size.table * 10;
  const inner = width - 2 * ctx.cellPadding;
  const minHeight = cell.rowSpan * (ctx.tableLine + 2 * ctx.cellPadding);
  const textTw = emWidth(plainText(cell.children)) * charTw;
  return inner < 3 * charTw && textTw > inner && textTw + 2 * ctx.cellPadding <= minHeight;
}

export function table(ctx: DocxContext, node: TableNode): string {
  const grid = layoutTable(node);
  const widths = apportion(node.widths, ctx.typeWidth);
  // Only the leading run of header rows can repeat (Word ignores tblHeader further down).
  let leadingHeaders = 0;
  while (leadingHeaders < node.rows.length && node.rows[leadingHeaders].header) leadingHeaders++;

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

  // A row that is one cell across the table is a band heading (table 二's 第二十条第（一）项): it and
  // the row after it (the band's column heads) keep with the next row, like the header rows.
  const band = (r: number): boolean => grid[r]?.length === 1 && grid[r][0].span === widths.length && !grid[r][0].merge;
  grid.forEach((slots, r) => {
    const header = r < leadingHeaders;
    const keep = r < grid.length - 1 && (header || band(r) || band(r - 1));
    xml += `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    for (const slot of slots) {
      const width = widths.slice(slot.col, slot.col + slot.span).reduce((a, b) => a + b, 0);
      xml +=
        '<w:tc><w:tcPr>' +
        `<w:tcW w:w="${width}" w:type="dxa"/>` +
        (slot.span > 1 ? `<w:gridSpan w:val="${slot.span}"/>` : '') +
        (slot.merge ? `<w:vMerge w:val="${slot.merge}"/>` : '') +
        (sideways(ctx, slot.cell, width) ? '<w:textDirection w:val="btLr"/>' : '') +
        '<w:vAlign w:val="center"/></w:tcPr>' +
        // Word keeps a row with the next when its cells' paragraphs keep with the next
        para(
          { style: STYLE.table, keepNext: keep, jc: jc(cellAlign(slot.cell)) },
          slot.merge === 'continue' ? '' : runs(ctx, slot.cell.children, 'table', true),
        ) +
        '</w:tc>';
    }
    xml += '</w:tr>';
  });
  return xml + '</w:tbl>';
}

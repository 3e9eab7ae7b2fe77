import type { LaidBlock, LinesBlock } from './blocks';
import type { LayoutDiagnostic } from './diagnostics';
import type { FrameItem, GroupItem } from './frames';
import type { PageGeometry } from './geometry';
import { EPS } from './lines';
import { drawFragment, fitRows, fragmentHeight, leadRows, spanSplitOk } from './table-fragment';
import type { TableLayout } from './table';

/**
 * Step 8, paginate: places blocks page by page, top to bottom. Body lines sit on the
 * grid: grid line k of a page has its baseline at type-area top + k × pitch + the
 * baseline offset, and a page holds `geo.lines` of them (22). Tables sit off the grid:
 * a table starts at the top of the next free grid line, runs down to the type-area
 * bottom, repeats its header rows on each further page and never splits a row; body
 * text after it resumes on the next whole grid line. Headings and the title are never
 * the last thing on a page; the signature is never split; a page break starts a new
 * page unless the current one is still empty.
 * Returns the items of each page, in reading order, at absolute positions.
 */
export function paginate(blocks: readonly LaidBlock[], geo: PageGeometry, diags: LayoutDiagnostic[]): FrameItem[][] {
  const P = geo.linePitch;
  const H = geo.height;
  const maxLines = geo.lines;
  const pages: FrameItem[][] = [[]];
  let page = pages[0];
  let y = 0; // cursor below the type-area top
  let used = false; // anything on this page yet

  const newPage = () => {
    page = [];
    pages.push(page);
    y = 0;
    used = false;
  };
  const lineAt = (yy: number) => Math.max(0, Math.ceil(yy / P - EPS));

  /**
   * Where block `i`'s leading part ends when placed from `yy` on the current page, or
   * null when it does not fit: a block's first line (all of it when kept together or kept
   * with the next, then the next block's lead too); a table's header and its first row a page may
   * end after.
   */
  const leadEnd = (i: number, yy: number): number | null => {
    const b = blocks[i];
    if (!b || b.kind === 'pageBreak') return yy;
    if (b.kind === 'table') {
      const t = b.table;
      const y0 = lineAt(yy) * P;
      const end = y0 + fragmentHeight(t, t.headerRows, leadRows(t));
      return end <= H + EPS ? end : null;
    }
    if (b.units.length === 0) return leadEnd(i + 1, yy);
    let k = lineAt(yy) + b.blankBefore;
    const whole = b.keepTogether || b.keepWithNext;
    for (let u = 0; u < (whole ? b.units.length : 1); u++) {
      if (k + b.units[u].units > maxLines) return null;
      k += b.units[u].units;
    }
    if (!b.keepWithNext) return k * P;
    return leadEnd(i + 1, (k + b.blankAfter) * P);
  };

  const placeLines = (b: LinesBlock, i: number) => {
    if (b.units.length === 0) return;
    if (used && (b.keepTogether || b.keepWithNext) && leadEnd(i, y) === null) newPage();
    if (b.blankBefore && used) y = (lineAt(y) + b.blankBefore) * P;
    // The lines of one structure element on one page are one marked-content group.
    let group: GroupItem | undefined;
    for (const u of b.units) {
      let k = lineAt(y);
      if (k + u.units > maxLines && used) {
        newPage();
        k = 0;
      }
      const tag = u.tag ?? b.tag;
      if (!group || group.tag !== tag || page[page.length - 1] !== group) {
        group = { kind: 'group', tag, items: [] };
        page.push(group);
      }
      const base = geo.top + k * P + geo.baselineOffset;
      for (const it of u.items) {
        it.y += base;
        group.items.push(it);
      }
      y = (k + u.units) * P;
      used = true;
    }
    if (b.blankAfter) y = (lineAt(y) + b.blankAfter) * P;
  };

  const placeTable = (t: TableLayout) => {
    let y0 = lineAt(y) * P;
    let a = t.headerRows;
    if (a >= t.rows) {
      if (used && y0 + fragmentHeight(t, a, a) > H + EPS) {
        newPage();
        y0 = 0;
      }
      y = y0 + drawFragment(t, a, a, geo.top + y0, page);
      used = true;
      return;
    }
    while (a < t.rows) {
      let e = fitRows(t, a, H - y0);
      if (e === a) {
        if (used) {
          newPage();
          y0 = 0;
          continue;
        }
        e = a + 1;
        diags.push({ severity: 'error', code: 'L-ROW-TOO-TALL', message: `${t.where}第${a + 1}行连同表头高于一页，超出版心`, where: t.where });
      } else if (e < t.rows && !spanSplitOk(t, a, e)) {
        diags.push({ severity: 'warning', code: 'L-TABLE-SPAN-SPLIT', message: `${t.where}在第${e}行后分页，跨行单元格在页内的部分放不下其文字`, where: t.where });
      }
      y0 += drawFragment(t, a, e, geo.top + y0, page);
      used = true;
      a = e;
      if (a < t.rows) {
        newPage();
        y0 = 0;
      }
    }
    y = y0;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'pageBreak') {
      if (used) newPage();
    } else if (b.kind === 'lines') placeLines(b, i);
    else placeTable(b.table);
  }
  return pages;
}

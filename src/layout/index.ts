/**
 * The PDF layout engine: DocTree + style + fonts → pages of positioned items.
 * Pure: no pdf-lib, no fs. The steps, in the order they run:
 *
 *  0. collect.ts     inlines → styled text (roles, bold, forced breaks)
 *  1. itemize.ts     runs by font coverage, code point by code point (F-MISSING)
 *  2. measure.ts     advances from the faces' cached metrics
 *  3. breaks.ts      UAX #14 opportunities tailored for Chinese (kinsoku.ts data)
 *  4. lines.ts       greedy fill on the 28-character grid, push-out, overfull breaks
 *     title.ts       (titles: balanced lines instead of greedy)
 *  5. align.ts       justify (per-line character spacing) / left / centre / right
 *  6. emit.ts        lines → text items, one per face run
 *  7. blocks.ts      blocks on the grid: paragraphs, headings, title, signature;
 *     table-model.ts tables resolved for every format: grid (doc/table-grid.ts),
 *                    column widths, each cell's size and lines (numbers never broken)
 *     table.ts       tables drawn from the model: cells, row heights
 *  8. paginate.ts    grid lines and table fragments onto pages (table-fragment.ts:
 *                    row fitting, repeated header rows, split spans, borders)
 *  9. page-number.ts “— N —”, odd pages right, even pages left
 *     structure.ts   the logical structure (headings, paragraphs, table cells) that
 *                    groups of items on the pages belong to: tags and bookmarks
 * 10. frames         one PageFrame per page (below)
 */
import type { DocTree } from '../doc/tree';
import type { FontSet } from '../fonts/font-face';
import type { StyleSettings } from '../style/settings';
import { layoutBlocks } from './blocks';
import type { LayoutContext } from './context';
import type { LayoutDiagnostic } from './diagnostics';
import type { PageFrame } from './frames';
import { pageGeometry } from './geometry';
import { paginate } from './paginate';
import { pageNumberItems } from './page-number';
import { StructureBuilder, type StructElement } from './structure';
import type { TableModel } from './table-model';

export type { LayoutDiagnostic } from './diagnostics';
export type { PageFrame, FrameItem, TextItem, LineItem } from './frames';
export { pageGeometry, type PageGeometry } from './geometry';
export type { StructElement, StructRole } from './structure';

/** The result of laying out a document. */
export interface LayoutResult {
  pages: PageFrame[];
  /** The logical structure; groups on the pages name its elements (`GroupItem.tag`). */
  structure: StructElement[];
  diagnostics: LayoutDiagnostic[];
}

/** Options of `layoutDocument`. */
export interface LayoutOptions {
  /** The document's tables as `resolveTables` gave them with these fonts (their messages are the caller's to report). */
  tables?: readonly TableModel[];
  /** Draw “— N —” on every page (default true); a compiled volume numbers its pages itself. */
  pageNumbers?: boolean;
}

/** Lays out a document into A4 pages of positioned text runs and rules. */
export function layoutDocument(tree: DocTree, style: StyleSettings, fonts: FontSet, options: LayoutOptions = {}): LayoutResult {
  const geo = pageGeometry(style);
  const ctx: LayoutContext = { style, fonts, geo, diags: [], structure: new StructureBuilder(), tables: options.tables };
  const blocks = layoutBlocks(tree.blocks, ctx);
  const pageItems = paginate(blocks, geo, ctx.diags);
  const pages = pageItems.map((items, i): PageFrame => {
    if (options.pageNumbers !== false) items.push(pageNumberItems(i + 1, ctx));
    return { width: geo.pageWidth, height: geo.pageHeight, items };
  });
  return { pages, structure: ctx.structure.elements, diagnostics: dedupe(ctx.diags) };
}

/** The same finding reported twice (a page-number glyph on every page) is kept once. */
function dedupe(diags: LayoutDiagnostic[]): LayoutDiagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const key = `${d.code}\u0000${d.message}\u0000${d.where ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

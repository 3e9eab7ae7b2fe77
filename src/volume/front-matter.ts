/**
 * The front matter of a compiled volume (年报汇编): the cover (title, year, issuing
 * office) and the 目录, one entry per unit with the page its report starts on. Neither
 * carries a page number. Both are tagged: the cover's title is an H1, its other lines
 * are paragraphs; the 目录 is a TOC of TOCI entries, its dot leaders layout artifacts.
 */
import type { LayoutContext } from '../layout/context';
import type { FrameItem, GroupItem, PageFrame, TextItem } from '../layout/frames';
import { gridSpacing } from '../layout/text';
import type { StructureBuilder } from '../layout/structure';
import { setBlock } from './set-line';

/** What the cover says. */
export interface CoverText {
  title: string;
  year?: number;
  issuer?: string;
}

const page = (ctx: LayoutContext, items: FrameItem[]): PageFrame => ({ width: ctx.geo.pageWidth, height: ctx.geo.pageHeight, items });

/** Baseline of grid line `row` (0-based) of the type area. */
const baseline = (ctx: LayoutContext, row: number) => ctx.geo.top + ctx.geo.baselineOffset + row * ctx.geo.linePitch;

/** The cover: the title (标题 type, centred, on grid lines 5 onwards), the year below it, the issuing office near the foot. */
export function coverPage(cover: CoverText, ctx: LayoutContext, structure: StructureBuilder, part: number): PageFrame {
  const { geo, style } = ctx;
  const items: FrameItem[] = [];
  const block = (text: string, role: 'title' | 'heading1' | 'heading2', row: number, tag: number, pitch = geo.linePitch) => {
    const set = setBlock(text, role, geo.width, 'center', 0, ctx, '汇编封面');
    const out: TextItem[] = [];
    set.lines.forEach((l, i) => set.emit(l, geo.left, baseline(ctx, row) + i * pitch, out));
    items.push({ kind: 'group', tag, items: out });
    return set.lines.length;
  };
  const titleLines = block(cover.title, 'title', 5, structure.add('H1', part, { title: cover.title }), style.roles.title.size * 1.6);
  if (cover.year !== undefined) block(`（${cover.year}年度）`, 'heading2', 7 + Math.ceil((titleLines - 1) * 1.3), structure.add('P', part));
  if (cover.issuer) block(cover.issuer, 'heading1', geo.lines - 3, structure.add('P', part));
  return page(ctx, items);
}

/** One entry of the 目录. */
export interface TocEntry {
  name: string;
  /** The printed page number the unit's report starts on. */
  page: number;
}

/** The 目录's entries set into lines: the name's lines (width leaves room for the number). */
function entryLayouts(entries: readonly TocEntry[], ctx: LayoutContext) {
  const { geo, style } = ctx;
  const spacing = gridSpacing(geo.charPitch, style.roles.body.size);
  const numberRoom = 4 * geo.charPitch;
  return entries.map((e) => ({ entry: e, name: setBlock(e.name, 'body', geo.width - numberRoom, 'left', spacing, ctx, `目录 ${e.name}`) }));
}

/** Grid lines the heading 目录 takes on the first page (the heading and one empty line). */
const HEAD_ROWS = 2;

/** How many pages the 目录 of these entries takes (page numbers do not change it: their room is kept). */
export function tocPageCount(entries: readonly TocEntry[], ctx: LayoutContext): number {
  return tocPages(entries, ctx, undefined, 0).length;
}

/**
 * The 目录 pages: the heading 目  录 centred on the first, then one entry per unit, its name
 * from the left edge, dot leaders, and the page number ending at the right edge on the
 * entry's last line. An entry is never split across pages.
 */
export function tocPages(entries: readonly TocEntry[], ctx: LayoutContext, structure: StructureBuilder | undefined, part: number): PageFrame[] {
  const { geo } = ctx;
  const toc = structure?.add('TOC', part);
  const pages: FrameItem[][] = [[]];
  const head = setBlock('目  录', 'title', geo.width, 'center', 0, ctx, '目录');
  const headItems: TextItem[] = [];
  head.emit(head.lines[0], geo.left, baseline(ctx, 0), headItems);
  pages[0].push({ kind: 'group', tag: toc !== undefined ? structure!.add('H1', toc) : undefined, items: headItems });
  let row = HEAD_ROWS;
  const dot = setBlock('.', 'body', geo.width, 'left', 0, ctx, '目录');
  const dotWidth = dot.widthOf(dot.lines[0]);
  // Every entry's leaders end at the same place, before the widest number, so the dots line up.
  const numberWidth = (n: number) => {
    const set = setBlock(String(n), 'body', geo.width, 'right', 0, ctx, '目录');
    return set.widthOf(set.lines[0]);
  };
  const widest = Math.max(0, ...entries.map((e) => numberWidth(e.page)));
  const to = geo.left + geo.width - widest - dotWidth;
  for (const { entry, name } of entryLayouts(entries, ctx)) {
    if (row + name.lines.length > geo.lines) {
      pages.push([]);
      row = 0;
    }
    const item = toc !== undefined ? structure!.add('TOCI', toc) : undefined;
    const text: TextItem[] = [];
    name.lines.forEach((l, i) => name.emit(l, geo.left, baseline(ctx, row + i), text));
    const y = baseline(ctx, row + name.lines.length - 1);
    const num = setBlock(String(entry.page), 'body', geo.width, 'right', 0, ctx, '目录');
    num.emit(num.lines[0], geo.left, y, text);
    // Leaders from after the name's last line to before the number, a dot every two dot widths.
    const last = name.lines[name.lines.length - 1];
    const from = geo.left + last.x + name.widthOf(last) + dotWidth;
    const count = Math.max(0, Math.floor((to - from) / (2 * dotWidth)));
    const leaders: GroupItem = { kind: 'group', artifact: 'Layout', items: [] };
    if (count > 0) {
      const dots = setBlock('.'.repeat(count), 'body', geo.width * 4, 'left', dotWidth, ctx, '目录');
      dots.emit(dots.lines[0], to - count * 2 * dotWidth + dotWidth, y, leaders.items as TextItem[]);
    }
    const group: GroupItem = { kind: 'group', tag: item, actualText: `${entry.name} ${entry.page}`, items: text };
    pages[pages.length - 1].push(group, leaders);
    row += name.lines.length;
  }
  return pages.map((items) => page(ctx, items));
}

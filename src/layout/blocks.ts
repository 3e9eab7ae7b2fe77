import type { Block, HeadingNode, ParagraphNode, SignatureNode, TitleNode } from '../doc/tree';
import { collectInlines, FORCED_BREAK, styledPlain } from './collect';
import type { LayoutContext } from './context';
import { whereOf } from './diagnostics';
import { emitLine } from './emit';
import type { TextItem } from './frames';
import { EM_BOX_CENTRE } from './geometry';
import { alignLines, type PlacedLine } from './align';
import { layoutTable, type TableLayout } from './table';
import { gridSpacing, setText, type ShapedText, shapeText } from './text';
import { balanceTitle } from './title';
import { DOCUMENT_ELEMENT, headingRole } from './structure';

/**
 * Grid lines one unit takes, and its items: x absolute, y relative to the unit's first
 * baseline. `tag` is the structure element the items belong to, when not the block's.
 */
export interface GridUnit {
  units: number;
  items: TextItem[];
  tag?: number;
}

/** A block on the body grid: a run of units (usually one grid line each). */
export interface LinesBlock {
  kind: 'lines';
  units: GridUnit[];
  /** The structure element (`StructElement.id`) whose content the lines are. */
  tag: number;
  /** Never the last thing on a page: keep with the next block's first line (headings, title). */
  keepWithNext: boolean;
  /** Never split across pages (the signature). */
  keepTogether: boolean;
  /** Blank grid lines before (dropped at the top of a page) and after. */
  blankBefore: number;
  blankAfter: number;
}

export interface TableBlock {
  kind: 'table';
  table: TableLayout;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/** A block after layout, before pagination. */
export type LaidBlock = LinesBlock | TableBlock | PageBreakBlock;

/**
 * Title line pitch as a multiple of the body line pitch: 1.25 × 28.95 = 36.2 pt for 22 pt
 * type. A title of n lines takes ⌈(n−1)·1.25⌉ + 1 grid lines with its lines centred in
 * them (1 line → 1 grid line, 2 → 3, 3 → 4), then one blank grid line.
 */
export const TITLE_PITCH_FACTOR = 1.25;

/** Step 7, blocks: lays out every block on its own (text set into lines, tables gridded). */
export function layoutBlocks(blocks: readonly Block[], ctx: LayoutContext): LaidBlock[] {
  const out: LaidBlock[] = [];
  let tables = 0;
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(layoutTitle(b, ctx));
        break;
      case 'heading':
        out.push(layoutHeading(b, ctx));
        break;
      case 'paragraph':
        out.push(layoutParagraph(b, ctx));
        break;
      case 'table':
        out.push({ kind: 'table', table: layoutTable(b, ++tables, ctx, ctx.tables?.[tables - 1]) });
        break;
      case 'pageBreak':
        out.push({ kind: 'pageBreak' });
        break;
      case 'signature':
        out.push(layoutSignature(b, ctx));
        break;
      default: {
        // A new block kind must be laid out here too.
        const unknown: never = b;
        throw new Error(`unknown block ${(unknown as Block).kind}`);
      }
    }
  }
  return out;
}

function lines(units: GridUnit[], tag: number, over: Partial<LinesBlock> = {}): LinesBlock {
  return { kind: 'lines', units, tag, keepWithNext: false, keepTogether: false, blankBefore: 0, blankAfter: 0, ...over };
}

/** Body paragraph: 2-character indent on the grid, justified except its last line. */
export function layoutParagraph(b: ParagraphNode, ctx: LayoutContext): LinesBlock {
  const { geo, style } = ctx;
  const st = collectInlines(b.children, 'body');
  const sh = shapeText(st, ctx, whereOf('正文', st.text));
  const spacing = gridSpacing(geo.charPitch, style.roles.body.size);
  const indent = b.indent ? style.indentChars * geo.charPitch : 0;
  const placed = setText(sh, { width: geo.width, indent, spacing, align: b.align }, ctx);
  return lines(
    placed.map((l) => unit(sh, spacing, l, geo.left)),
    ctx.structure.add('P'),
  );
}

/** Headings: one grid line per line, indented two characters like body text, kept with the next line. */
export function layoutHeading(b: HeadingNode, ctx: LayoutContext): LinesBlock {
  const { geo, style } = ctx;
  const role = b.level === 1 ? 'heading1' : b.level === 2 ? 'heading2' : 'heading3';
  const st = collectInlines(b.children, role);
  const sh = shapeText(st, ctx, whereOf('标题', st.text));
  const spacing = gridSpacing(geo.charPitch, style.roles[role].size);
  const placed = setText(sh, { width: geo.width, indent: style.indentChars * geo.charPitch, spacing, align: 'justify' }, ctx);
  return lines(
    placed.map((l) => unit(sh, spacing, l, geo.left)),
    ctx.structure.add(headingRole(b.level), undefined, { title: plainTitle(sh.text) }),
    { keepWithNext: true },
  );
}

function unit(sh: ShapedText, spacing: number, l: PlacedLine, left: number): GridUnit {
  const items: TextItem[] = [];
  emitLine(sh.text, sh.runs, sh.adv, spacing, l, left, 0, items);
  return { units: 1, items };
}

/** Title: 22 pt, centred, balanced lines on a 1.25-grid pitch, one blank grid line after. */
export function layoutTitle(b: TitleNode, ctx: LayoutContext): LinesBlock {
  const { geo, style } = ctx;
  const size = style.roles.title.size;
  const st = collectInlines(b.children, 'title');
  const sh = shapeText(st, ctx, whereOf('文件标题', st.text));
  const ranges = balanceTitle({ text: sh.text, adv: sh.adv, brk: sh.brk, spacing: 0 }, geo.width, size);
  const placed = alignLines(sh.text, ranges, 'center', geo.width, 0);
  const n = placed.length;
  const tag = ctx.structure.add('H1', undefined, { title: plainTitle(sh.text) });
  if (n === 0) return lines([], tag);
  const P = geo.linePitch;
  const pitch = TITLE_PITCH_FACTOR * P;
  const g = Math.ceil(((n - 1) * pitch) / P - 1e-9) + 1;
  // Em-box centres of the title lines, centred on the middle of the block's g grid lines;
  // y relative to the first grid line's baseline.
  const mid = (g * P) / 2;
  const items: TextItem[] = [];
  for (let k = 0; k < n; k++) {
    const centre = mid + (k - (n - 1) / 2) * pitch;
    emitLine(sh.text, sh.runs, sh.adv, 0, placed[k], geo.left, centre + EM_BOX_CENTRE * size - geo.baselineOffset, items);
  }
  return lines([{ units: g, items }], tag, { keepWithNext: true, blankAfter: 1 });
}

/** A heading's text for its bookmark, forced line breaks removed. */
const plainTitle = (text: string): string =>
  text
    .split(FORCED_BREAK)
    .map((s) => s.trim())
    .join('');

/**
 * Signature (落款) per GB/T 9704 7.3.5.2 without a seal: after a blank line, the agency
 * right-indented two characters and the date below it starting two characters further
 * right; when the date is then too long, it is set right-indented two characters and the
 * agency moves left with it. Further lines are right-indented two characters. Kept together.
 */
export function layoutSignature(b: SignatureNode, ctx: LayoutContext): LinesBlock {
  const { geo, style } = ctx;
  const spacing = gridSpacing(geo.charPitch, style.roles.body.size);
  const two = 2 * geo.charPitch;
  const right = geo.width - two;
  const set = b.lines.map((text) => {
    const sh = shapeText(styledPlain(text, 'body'), ctx, whereOf('落款', text));
    const placed = setText(sh, { width: geo.width, indent: 0, spacing, align: 'left' }, ctx);
    return { sh, placed };
  });
  const width = (k: number) => set[k].placed.reduce((w, l) => Math.max(w, l.width), 0);
  const xs = set.map((_, k) => Math.max(0, right - width(k)));
  if (b.sealed) {
    // §7.3.5.1: the date four characters from the right, the agency centred over it.
    const last = set.length - 1;
    const dateX = Math.max(0, geo.width - 2 * two - width(last));
    xs[last] = dateX;
    for (let k = 0; k < last; k++) xs[k] = Math.min(Math.max(0, dateX + (width(last) - width(k)) / 2), Math.max(0, geo.width - width(k)));
  } else if (set.length >= 2) {
    let agency = right - width(0);
    let date = agency + two;
    if (date + width(1) > right) {
      date = right - width(1);
      agency = date - two;
    }
    xs[0] = Math.max(0, agency);
    xs[1] = Math.max(0, date);
  }
  // Each line of the 落款 (agency, date) is a paragraph of its own.
  const units: GridUnit[] = [];
  set.forEach(({ sh, placed }, k) => {
    const tag = ctx.structure.add('P');
    for (const l of placed) {
      const items: TextItem[] = [];
      emitLine(sh.text, sh.runs, sh.adv, spacing, { ...l, x: xs[k] }, geo.left, 0, items);
      units.push({ units: 1, items, tag });
    }
  });
  // A sealed 落款 leaves two blank lines, so that the seal over it starts within a line of the text.
  return lines(units, units[0]?.tag ?? DOCUMENT_ELEMENT, { keepTogether: true, blankBefore: b.sealed ? 2 : 1 });
}

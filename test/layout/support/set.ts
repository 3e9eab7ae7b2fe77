import type { Align } from '../../../src/doc/tree';
import type { PlacedLine } from '../../../src/layout/align';
import type { Inline } from '../../../src/doc/tree';
import { collectInlines } from '../../../src/layout/collect';
import type { LayoutContext } from '../../../src/layout/context';
import { gridSpacing, setText, shapeText, type ShapedText } from '../../../src/layout/text';
import { testContext } from './context';

/** Sets body text (`\n` is a forced line break) on the grid (or a given width) and returns the lines with their text. */
export function setBody(
  text: string,
  opts: { width?: number; indent?: number; align?: Align; ctx?: LayoutContext } = {},
): { lines: (PlacedLine & { text: string })[]; sh: ShapedText; ctx: LayoutContext; spacing: number; width: number } {
  const ctx = opts.ctx ?? testContext();
  const inl: Inline[] = [];
  text.split('\n').forEach((t, i) => {
    if (i > 0) inl.push({ kind: 'lineBreak' });
    inl.push({ kind: 'text', text: t });
  });
  const sh = shapeText(collectInlines(inl, 'body'), ctx, 'test');
  const spacing = gridSpacing(ctx.geo.charPitch, 16);
  const width = opts.width ?? ctx.geo.width;
  const placed = setText(sh, { width, indent: opts.indent ?? 0, spacing, align: opts.align ?? 'justify' }, ctx);
  return { lines: placed.map((l) => ({ ...l, text: text.slice(l.start, l.end) })), sh, ctx, spacing, width };
}

import type { Align } from '../doc/tree';
import { alignLines, type PlacedLine } from './align';
import { breakOpportunities } from './breaks';
import type { StyledText } from './collect';
import type { LayoutContext } from './context';
import { itemize, type FaceRun } from './itemize';
import { breakLines, prefixWidths } from './lines';
import { measure } from './measure';

/** A block's text after itemize, measure and breaks: ready to be set into lines. */
export interface ShapedText {
  text: string;
  runs: FaceRun[];
  adv: Float64Array;
  brk: Uint8Array;
  /** Where the text is, for messages. */
  where: string;
}

/** Steps 1–3 for one block: itemize by coverage, measure, find break opportunities. */
export function shapeText(st: StyledText, ctx: LayoutContext, where: string): ShapedText {
  const runs = itemize(st, ctx.fonts, ctx.style, where, ctx.diags);
  return { text: st.text, runs, adv: measure(st.text, runs), brk: breakOpportunities(st.text), where };
}

/** How to set a block's text. */
export interface SetOptions {
  /** Line width, points. */
  width: number;
  /** First-line indent, points. */
  indent: number;
  /** Spacing after every character (grid spacing), points. */
  spacing: number;
  align: Align;
}

/** Steps 4–5 for one block: break into lines and align them; reports overfull lines. */
export function setText(sh: ShapedText, opts: SetOptions, ctx: LayoutContext): PlacedLine[] {
  const inp = { text: sh.text, adv: sh.adv, brk: sh.brk, spacing: opts.spacing };
  const lines = breakLines(inp, opts.width - opts.indent, opts.width, prefixWidths(inp));
  for (const l of lines) {
    if (l.overfull) {
      ctx.diags.push({
        severity: 'warning',
        code: 'L-OVERFULL',
        message: `“${sh.text.slice(l.start, Math.min(l.end, l.start + 20))}”中有一段不可断开的文字宽于行宽，已在字符之间强行断行`,
        where: sh.where,
      });
      break;
    }
  }
  return alignLines(sh.text, lines, opts.align, opts.width, opts.indent);
}

/** Grid spacing for type of `size` on a grid of `pitch`: pitch − size when the type fits a cell. */
export function gridSpacing(pitch: number, size: number): number {
  return size <= pitch + 1 ? pitch - size : 0;
}

/**
 * The title: 2号小标宋, centred. GB/T 9704 §7.3.1 wants a multi-line title broken where words stay
 * whole, in a balanced (trapezoid or diamond) shape, so a title longer than a line is split here,
 * as the PDF splits it, with the layout's balancer on the same font metrics, rather than left to
 * the word processor, which would fill the first line and strand a few characters on the second.
 * Titles with markup inside are left to it.
 */
import type { TitleNode } from '../../doc/tree';
import { breakOpportunities } from '../../layout/breaks';
import { collectInlines, type StyledText } from '../../layout/collect';
import type { TextMeasure } from '../../layout/table-model';
import { balanceTitle } from '../../layout/title';
import { typeAreaWidthPt, type StyleSettings } from '../../style/settings';
import type { DocxContext } from './context';
import { runs } from './inline';
import { para, type BlockOptions } from './paragraph';
import { breakRun, runProps, textRun } from './run';
import { STYLE } from './styles';

/** The title's lines as the PDF sets them: the layout's balancing on the widths `measure` gives. */
export function titleLines(st: StyledText, style: StyleSettings, measure: TextMeasure): string[] {
  const adv = measure(st, '文件标题');
  const lines = balanceTitle({ text: st.text, adv, brk: breakOpportunities(st.text), spacing: 0 }, typeAreaWidthPt(style), style.roles.title.size);
  return lines.map((l) => st.text.slice(l.start, l.end));
}

export function title(ctx: DocxContext, node: TitleNode, o: BlockOptions = {}): string {
  const p = { style: STYLE.title, pageBreakBefore: o.pageBreakBefore };
  if (!node.children.every((c) => c.kind === 'text')) return para(p, runs(ctx, node.children, 'title', true));
  const rPr = runProps(ctx, { role: 'title', offGrid: true });
  const lines = titleLines(collectInlines(node.children, 'title'), ctx.style, ctx.measure);
  return para(p, lines.map((line, i) => (i > 0 ? breakRun(rPr) : '') + textRun(rPr, line)).join(''));
}

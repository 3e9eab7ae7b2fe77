/**
 * The title: 2号小标宋, centred. GB/T 9704 §7.3.1 wants a multi-line title broken where words stay
 * whole, in a balanced (trapezoid or diamond) shape, so a title longer than a line is split here,
 * as the PDF splits it, rather than left to the word processor, which would fill the first line
 * and strand a few characters on the second. Titles with markup inside are left to it.
 */
import type { TitleNode } from '../../doc/tree';
import { breakOpportunities } from '../../layout/breaks';
import { balanceTitle } from '../../layout/title';
import type { DocxContext } from './context';
import { runs } from './inline';
import { para, type BlockOptions } from './paragraph';
import { breakRun, runProps, textRun } from './run';
import { STYLE } from './styles';

/** Advance of a character in ems: half-width for ASCII and half-width forms, full otherwise. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
}

/** Width of a string in ems. */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/**
 * The title's lines as the PDF sets them: the layout engine's balancing, with its word and
 * 避头尾 rules, on widths in ems (CJK 1, Latin and digits ½), so the Word file and the PDF
 * break a title in the same places.
 */
export function titleLines(text: string, capacity: number): string[] {
  if (capacity <= 0) return [text];
  const adv = new Float64Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff)) adv[i] = charWidth(String.fromCodePoint(text.codePointAt(i)!));
  }
  const lines = balanceTitle({ text, adv, brk: breakOpportunities(text), spacing: 0 }, capacity, 1);
  return lines.map((l) => text.slice(l.start, l.end));
}

/** Characters of title size that fit on one line of the type area. */
export function titleCapacity(ctx: DocxContext): number {
  return Math.floor(ctx.typeWidth / (ctx.size.title * 10));
}

export function title(ctx: DocxContext, node: TitleNode, o: BlockOptions = {}): string {
  const p = { style: STYLE.title, pageBreakBefore: o.pageBreakBefore };
  if (!node.children.every((c) => c.kind === 'text')) return para(p, runs(ctx, node.children, 'title', true));
  const text = node.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
  const rPr = runProps(ctx, { role: 'title', offGrid: true });
  const lines = titleLines(text, titleCapacity(ctx));
  return para(p, lines.map((line, i) => (i > 0 ? breakRun(rPr) : '') + textRun(rPr, line)).join(''));
}

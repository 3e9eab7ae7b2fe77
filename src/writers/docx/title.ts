/**
 * The title: 2号小标宋, centred. GB/T 9704 §7.3.1 wants a multi-line title broken where words stay
 * whole, in a balanced (trapezoid or diamond) shape, so a title longer than a line is split here
 * rather than left to the word processor, which would fill the first line and strand a few
 * characters on the second. Titles that already contain line breaks are kept as given.
 */
import type { TitleNode } from '../../doc/tree';
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

const NO_START = new Set('，。、；：？！）》」』】〕”’…—·%'.split(''));
const NO_END = new Set('（《「『【〔“‘'.split(''));
const ALNUM = /[0-9A-Za-z.]/;

/** May a line end between `prev` and `next`? */
function breakable(prev: string, next: string): boolean {
  if (NO_START.has(next) || NO_END.has(prev)) return false;
  if (ALNUM.test(prev) && ALNUM.test(next)) return false;
  return true;
}

/**
 * Split a title into balanced lines of at most `capacity` ems. Prefers breaking right after the
 * agency name (`prefix`), so “平罗县科学技术局 / 2021年政府信息公开工作年度报告”; otherwise the break
 * points whose lines are closest to equal, never inside a number or before closing punctuation.
 */
export function balanceTitle(text: string, capacity: number, prefix = ''): string[] {
  const total = emWidth(text);
  if (total <= capacity || capacity <= 0) return [text];
  const chars = Array.from(text);
  if (prefix && text.startsWith(prefix) && prefix.length < text.length) {
    const rest = text.slice(prefix.length);
    const pw = emWidth(prefix);
    const rw = emWidth(rest);
    if (pw <= capacity && rw <= capacity && Math.min(pw, rw) >= Math.max(pw, rw) / 3) return [prefix, rest];
  }
  const n = Math.ceil(total / capacity);
  const lines: string[] = [];
  let start = 0;
  let remaining = total;
  for (let line = n; line > 1; line--) {
    const target = remaining / line;
    let best = -1;
    let bestScore = Infinity;
    let w = 0;
    for (let i = start; i < chars.length - 1; i++) {
      w += charWidth(chars[i]);
      if (w > capacity) break;
      if (!breakable(chars[i], chars[i + 1])) continue;
      // the lines after this one must still fit
      if (remaining - w > capacity * (line - 1)) continue;
      const score = Math.abs(w - target);
      if (score < bestScore) {
        bestScore = score;
        best = i + 1;
      }
    }
    if (best < 0) break;
    const piece = chars.slice(start, best).join('');
    lines.push(piece);
    remaining -= emWidth(piece);
    start = best;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
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
  const lines = balanceTitle(text, titleCapacity(ctx), ctx.meta.author);
  return para(p, lines.map((line, i) => (i > 0 ? breakRun(rPr) : '') + textRun(rPr, line)).join(''));
}

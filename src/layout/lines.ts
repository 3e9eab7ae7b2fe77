import { BREAK_MANDATORY } from './breaks';
import { F_SPACE, flagsOf, isNoEnd, isNoStart } from './kinsoku';

/** Tolerance when comparing widths, points. */
export const EPS = 1e-6;

/** One line chosen by the line breaker: a UTF-16 range of the block's text. */
export interface LineRange {
  start: number;
  /** End of the drawn text (trailing spaces and a forced break excluded). */
  end: number;
  /** Where the next line starts. */
  next: number;
  /** Width of the drawn text, every character counted as advance + base spacing. */
  width: number;
  /** Last line of the block or ended by a forced break: not justified. */
  last: boolean;
  /** A segment wider than the line had to be broken between characters. */
  overfull: boolean;
}

/** Input of the line breaker. */
export interface LineInput {
  text: string;
  /** Advances in points per UTF-16 offset (measure). */
  adv: Float64Array;
  /** Break opportunities (breaks). */
  brk: Uint8Array;
  /** Spacing added after every character: the grid's −0.207 pt for body text, else 0. */
  spacing: number;
}

/**
 * Prefix widths: `p[i]` is the width of `text[0, i)` with every character counted as its
 * advance plus `spacing` (a cell of the 28-character grid for 16 pt CJK).
 */
export function prefixWidths(inp: LineInput): Float64Array {
  const { text, adv, spacing } = inp;
  const n = text.length;
  const p = new Float64Array(n + 1);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && !(c >= 0xdc00 && c <= 0xdfff)) acc += adv[i] + spacing;
    p[i + 1] = acc;
  }
  return p;
}

/**
 * Step 4, lines: greedy fill. Takes whole segments between break opportunities while they
 * fit; kinsoku already glued closing marks to the character before them, so a mark that
 * would start a line pushes that character down with it (push-out) and the short line is
 * justified later. A single segment wider than a line is broken between characters,
 * preferring a place the kinsoku rules allow, and marked `overfull`.
 * `firstWidth` is the first line's width (after the indent), `width` the others'.
 */
export function breakLines(inp: LineInput, firstWidth: number, width: number, p: Float64Array = prefixWidths(inp)): LineRange[] {
  const { text, brk } = inp;
  const n = text.length;
  const lines: LineRange[] = [];
  let avail = firstWidth;
  let ls = 0; // line start
  let le = -1; // end of the last segment that fitted
  let i = 0; // segment start
  const emit = (end: number, forced: boolean, overfull: boolean) => {
    const te = trimEnd(text, ls, end);
    lines.push({ start: ls, end: te, next: end, width: p[te] - p[ls], last: forced, overfull });
    ls = end;
    i = end;
    le = -1;
    avail = width;
  };
  while (ls < n) {
    let b = i + 1;
    while (b < n && brk[b] === 0) b++;
    const w = p[trimEnd(text, ls, b)] - p[ls];
    if (w <= avail + EPS) {
      le = b;
      i = b;
      if (brk[b] === BREAK_MANDATORY || b >= n) emit(b, true, false);
    } else if (le > ls) {
      emit(le, false, false);
    } else {
      emit(charBreak(text, p, ls, b, avail), false, true);
    }
  }
  return lines;
}

/** End of `[start, end)` without trailing spaces and forced breaks. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c === 0x0a || flagsOf(c) & F_SPACE) e--;
    else break;
  }
  return e;
}

/** Where to cut an overfull segment `[ls, b)`: the most that fits, at least one character. */
function charBreak(text: string, p: Float64Array, ls: number, b: number, avail: number): number {
  let k = ls;
  let fit = -1;
  while (k < b) {
    const len = isHigh(text.charCodeAt(k)) && k + 1 < b ? 2 : 1;
    if (p[k + len] - p[ls] > avail + EPS) break;
    k += len;
    fit = k;
  }
  if (fit <= ls) return ls + (isHigh(text.charCodeAt(ls)) && ls + 1 < b ? 2 : 1);
  // Step back a few characters to respect 避头尾 if that is possible.
  for (let c = fit, steps = 0; c > ls && steps < 4; steps++) {
    const next = text.codePointAt(c)!;
    const prevStart = c - (isLow(text.charCodeAt(c - 1)) && c - 2 >= ls ? 2 : 1);
    const prev = text.codePointAt(prevStart)!;
    if (!isNoStart(next) && !isNoEnd(prev)) return c;
    c = prevStart;
  }
  return fit;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Number of characters (code points) in `[start, end)`. */
export function countChars(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!isLow(text.charCodeAt(i))) n++;
  return n;
}

/// <reference path="./linebreak.d.ts" />
import LineBreaker = require('linebreak');
import {
  F_CLOSE_QUOTE,
  F_DIGIT,
  F_NO_END,
  F_NO_START,
  F_OPEN_QUOTE,
  F_SPACE,
  flagsOf,
  isLatinLetter,
} from './kinsoku';

/** No line may start here. */
export const BREAK_NONE = 0;
/** A line may start here. */
export const BREAK_ALLOWED = 1;
/** A line must start here (after a forced break, and at the end of the text). */
export const BREAK_MANDATORY = 2;

/** Break opportunities are cached by text; this many texts at most. */
const CACHE_LIMIT = 4096;
const cache = new Map<string, Uint8Array>();

/**
 * Step 3, breaks: `result[i]` says whether a line may start at UTF-16 offset `i`
 * (length `text.length + 1`; `result[text.length]` is mandatory). UAX #14 from
 * `linebreak`, tailored for Chinese:
 * - no line starts with a closing mark (，。、）》”… see kinsoku.ts) and none ends with an
 *   opening one (（《“…);
 * - “‘ open and ”’ close: a line may break before “ and after ” (UAX #14's QU class
 *   forbids both), never after “ or before ” (’ between Latin letters is an apostrophe);
 * - —— and …… never split (— and … may not start a line);
 * - digits stay together and with the unit or sign that follows (“2021年”, “68件”,
 *   “30%”), and a list number stays with its text (“1.属于”).
 * Results are cached per text (callers must not modify them), so a text seen again in
 * the process, such as a table label, is never broken twice.
 */
export function breakOpportunities(text: string): Uint8Array {
  const hit = cache.get(text);
  if (hit) return hit;
  const brk = compute(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(ownCopy(text), brk);
  return brk;
}

// A paragraph's text is cut from the document's whole markup, and V8 keeps a cut string's
// source alive as long as the cut is: kept as the key, each report's markup stayed in memory
// (about 20 KB a report in a batch). The cache keeps a copy of its own.
const ownCopy = (text: string): string => Buffer.from(text, 'utf16le').toString('utf16le');

/** Empties the break cache (for timing the uncached path). */
export function clearBreakCache(): void {
  cache.clear();
}

function compute(text: string): Uint8Array {
  const n = text.length;
  const brk = new Uint8Array(n + 1);
  const lb = new LineBreaker(text);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
    if (b.position > 0 && b.position < n) brk[b.position] = b.required ? BREAK_MANDATORY : BREAK_ALLOWED;
  }
  brk[n] = BREAK_MANDATORY;
  if (n === 0) return brk;

  // Walk code-point boundaries, tailoring each with the characters on both sides.
  let prev2 = 0;
  let prev = text.codePointAt(0)!;
  // The last character before the boundary that is not a space: spaces are trimmed from a
  // line's end, so “（ ” must not end a line either.
  let solid = flagsOf(prev) & F_SPACE ? 0 : prev;
  let i = prev > 0xffff ? 2 : 1;
  while (i < n) {
    const next = text.codePointAt(i)!;
    if (brk[i] !== BREAK_MANDATORY) {
      const ok = allowed(brk[i] === BREAK_ALLOWED, prev2, prev, next, i + 1 < n ? text.codePointAt(i + (next > 0xffff ? 2 : 1))! : 0);
      brk[i] = ok && !(flagsOf(solid) & F_NO_END) ? BREAK_ALLOWED : BREAK_NONE;
    }
    if (!(flagsOf(next) & F_SPACE)) solid = next;
    prev2 = prev;
    prev = next;
    i += next > 0xffff ? 2 : 1;
  }
  return brk;
}

function allowed(uax: boolean, prev2: number, prev: number, next: number, next2: number): boolean {
  const fp = flagsOf(prev);
  const fn = flagsOf(next);
  let ok = uax;
  // Curly quotes as opening/closing marks, except an apostrophe inside a Latin word.
  if (fn & F_OPEN_QUOTE && !(isLatinLetter(prev) && isLatinLetter(next2))) ok = true;
  if (fp & F_CLOSE_QUOTE && !(isLatinLetter(prev2) && isLatinLetter(next))) ok = true;
  if (fp & F_OPEN_QUOTE || fn & F_CLOSE_QUOTE) return false;
  if (fn & F_NO_START || fp & F_NO_END) return false;
  // A number stays whole and keeps its unit; “1.” keeps its item text.
  if (fp & F_DIGIT && !(fn & F_SPACE)) return false;
  if ((prev === 0x2e || prev === 0xff0e) && flagsOf(prev2) & F_DIGIT && !(fn & F_SPACE)) return false;
  return ok;
}

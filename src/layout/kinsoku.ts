/**
 * Chinese line-edge rules (避头尾), as data: W3C CLREQ “Prohibition rules for line
 * start and line end”, GB/T 15834 punctuation. Applied to all text, no language sniffing.
 */

/** May not start a line: closing brackets and quotes, stops, pause and other trailing marks. */
export const NO_START =
  '，。、；：？！）》」』”’】〕〗〙〛〉］｝｠｣' +
  '…‥—–～·・‧〜' +
  '%‰‱℃℉°′″％' +
  '!),.:;?]}' +
  '！），．：；？｡､' +
  '﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞' +
  '々〻ゝゞヽヾ‼⁇⁈⁉';

/** May not end a line: opening brackets and quotes, currency signs. */
export const NO_END = '（《「『“‘【〔〖〘〚〈［｛｟｢([{﹙﹛﹝$¥£€￥＄';

/** Marks written doubled that must never be split across lines (—— and ……). */
export const NEVER_SPLIT = '—…⸺';

/** Quotes that UAX #14 classes as QU (no break either side); in Chinese they open or close. */
export const OPEN_QUOTES = '“‘';
export const CLOSE_QUOTES = '”’';

export const F_NO_START = 1;
export const F_NO_END = 2;
export const F_OPEN_QUOTE = 4;
export const F_CLOSE_QUOTE = 8;
export const F_NEVER_SPLIT = 16;
export const F_DIGIT = 32;
export const F_SPACE = 64;

/** Flags per BMP code point (everything in the tables above is in the BMP). */
const FLAGS = new Uint8Array(0x10000);
function mark(chars: string, flag: number): void {
  for (const ch of chars) FLAGS[ch.codePointAt(0)!] |= flag;
}
mark(NO_START, F_NO_START);
mark(NO_END, F_NO_END);
mark(OPEN_QUOTES, F_OPEN_QUOTE);
mark(CLOSE_QUOTES, F_CLOSE_QUOTE);
mark(NEVER_SPLIT, F_NEVER_SPLIT);
mark('0123456789０１２３４５６７８９', F_DIGIT);
mark(' \t\u3000\u00a0', F_SPACE);

/** The kinsoku flags of a code point (0 outside the BMP). */
export function flagsOf(cp: number): number {
  return cp < 0x10000 ? FLAGS[cp] : 0;
}

/** True for a code point that may not start a line. */
export function isNoStart(cp: number): boolean {
  return (flagsOf(cp) & F_NO_START) !== 0;
}

/** True for a code point that may not end a line. */
export function isNoEnd(cp: number): boolean {
  return (flagsOf(cp) & F_NO_END) !== 0;
}

/** True for ASCII or full-width decimal digits. */
export function isDigit(cp: number): boolean {
  return (flagsOf(cp) & F_DIGIT) !== 0;
}

/** True for a basic Latin letter (used to tell an apostrophe from a closing quote). */
export function isLatinLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

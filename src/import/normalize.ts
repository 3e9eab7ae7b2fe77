/** Text normalisation shared by the readers: label keys, cell numbers, body text spacing. */

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019\\u2014\\u2026';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+|[ \\t\\u00a0]+(?=[${CJK}])`, 'g');

/** Removes the spaces PDF extraction and typists put next to Chinese text (“2021 年” → “2021年”). */
export function tidySpaces(text: string): string {
  return text.replace(/[\u200b-\u200f\u2060\ufeff]/g, '').replace(SPACE_NEAR_CJK, '').replace(/[ \t\u00a0]{2,}/g, ' ').trim();
}

/**
 * A label as a comparison key: width-folded (NFKC), without spaces or quotes, item numbers as
 * “1.” whether written “1、”, “1．” or “1. ”.
 */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/["“”'‘’]/g, '')
    .replace(/^(\d{1,2})[、.]/, '$1.')
    .replace(/、/g, ',');
}

const ENUMERATOR = /^(?:[一二三四五六七八九十]{1,3}[、.,]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}\.)/;

/** A label key without its leading enumerator (“一、” “（三）” “1.”): the words that name the row. */
export function coreKey(text: string): string {
  return labelKey(text).replace(ENUMERATOR, '');
}

/** What a table cell holds. */
export type CellReading =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'blank' }
  | { kind: 'notApplicable'; text: string }
  | { kind: 'dash'; text: string }
  | { kind: 'other'; text: string };

/**
 * Reads a cell: digits half- or full-width, thousands separators (“1,234”), decimals (amounts),
 * “/” (not applicable), a dash, blank, or anything else (digits parted by a space too).
 */
export function readCell(text: string): CellReading {
  const folded = text.normalize('NFKC');
  // Two numbers side by side (“15924 50765”: adjacent cells run together) are not one number.
  if (/\d[\s\u3000]+\d/.test(folded)) return { kind: 'other', text: text.trim() };
  const t = folded.replace(/[\s\u3000]+/g, '');
  if (t === '') return { kind: 'blank' };
  if (t === '/' || t === '\\') return { kind: 'notApplicable', text: t };
  if (/^[-—–―‒─-]+$/.test(t) || t === '\u2014\u2014') return { kind: 'dash', text: t };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (m) {
    const digits = m[1].replace(/,/g, '') + (m[2] ?? '');
    const value = Number(digits);
    if (Number.isFinite(value)) return { kind: 'number', value, text: digits };
  }
  return { kind: 'other', text: text.trim() };
}

/** Whether a cell's text is a number (for telling labels from values). */
export function isNumberText(text: string): boolean {
  return readCell(text).kind === 'number';
}

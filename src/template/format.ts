/**
 * Pure formatting functions behind the template helpers: Chinese numerals and
 * ordinals, dates, amounts, and body text → markup paragraphs.
 */
import { formatAmount } from '../model/derive';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1 to 9999); other numbers stay Arabic. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n === 10 ? '' : DIGITS[n - 10]}`;
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d > 0) {
      if (zero) out += '零';
      out += DIGITS[d] + name;
      zero = false;
    } else if (out) {
      zero = true;
    }
  }
  if (rest > 0) out += (zero ? '零' : '') + DIGITS[rest];
  return out;
}

/** 1 → （一）, 2 → （二）… */
export function chineseOrdinal(n: number): string {
  return `（${chineseNumeral(n)}）`;
}

/** `2022-01-20` or `2022-1-20` → `2022年1月20日` (GB/T 9704 7.3.5.4: no zero padding). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  if (!m) throw new Error(`日期“${iso}”的格式不正确，应形如 2022-01-20`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2022-1-20` → `2022-01-20`; undefined when not a date. */
export function isoDate(date: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  if (!m) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** An amount in 万元 exactly as entered (`0.3` stays `0.3`, `1.500000` stays `1.500000`). */
export function formatAmountAsEntered(value: unknown): string {
  if (value === undefined || value === null) return '0';
  if (typeof value === 'number' || typeof value === 'string') return formatAmount(value);
  throw new Error('金额应为数字');
}

/** Escapes text for the markup (the same entities handlebars produces). */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

const BLANK_LINE = /\n[ \t\u3000]*(?:\n[ \t\u3000]*)+/;
const NUMERAL = '[一二三四五六七八九十百零]{1,4}';
/** Run-in heading text: short and free of sentence punctuation other than its closing 。. */
const HEAD = '[^，,；;：:！!？?。\\n*]{1,30}';
const RUN_IN_2 = new RegExp(`^（${NUMERAL}）${HEAD}(?:。|$)`);
const RUN_IN_3 = new RegExp(`^[0-9]{1,2}[.．](?![0-9])${HEAD}(?:。|$)`);

/**
 * Body text → markup paragraphs (docs/ARCHITECTURE.md §2): paragraphs are separated by blank
 * lines; lines inside a paragraph are joined (with a space only between two Latin
 * letters or digits); `**…**` becomes <b>; a paragraph that opens with a run-in
 * heading “（一）提高认识。” or “1.加强领导。” gets <run-in level="2|3">. “一是” stays
 * body text. Every piece of text is escaped, so the text cannot add markup.
 */
export function paragraphsMarkup(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const paragraphs = String(text).replace(/\r\n?/g, '\n').split(BLANK_LINE);
  let out = '';
  for (const raw of paragraphs) {
    const body = joinLines(raw);
    if (body === '') continue;
    out += `<p>${inlineMarkup(body)}</p>\n`;
  }
  return out;
}

/** One paragraph's text → inline markup (run-in heading and bold). */
export function inlineMarkup(body: string): string {
  let rest = body;
  let out = '';
  const m2 = RUN_IN_2.exec(rest);
  const m3 = m2 ? null : RUN_IN_3.exec(rest);
  const m = m2 ?? m3;
  if (m) {
    out += `<run-in level="${m2 ? 2 : 3}">${escapeMarkup(m[0])}</run-in>`;
    rest = rest.slice(m[0].length);
  }
  return out + boldMarkup(rest);
}

function boldMarkup(text: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const open = text.indexOf('**', pos);
    if (open === -1) break;
    const close = text.indexOf('**', open + 2);
    if (close === -1) break;
    out += escapeMarkup(text.slice(pos, open));
    const inner = text.slice(open + 2, close);
    if (inner.trim() !== '') out += `<b>${escapeMarkup(inner)}</b>`;
    pos = close + 2;
  }
  return out + escapeMarkup(text.slice(pos));
}

function joinLines(raw: string): string {
  const lines = raw
    .split('\n')
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((l) => l !== '');
  if (lines.length === 0) return '';
  // A paragraph's own first-line indent is set by the layout: drop typed full-width indents.
  lines[0] = lines[0].replace(/^[\u3000 \t]+/, '');
  let out = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const a = out[out.length - 1] ?? '';
    const b = lines[i][0] ?? '';
    out += (/[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(b) ? ' ' : '') + lines[i];
  }
  return out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

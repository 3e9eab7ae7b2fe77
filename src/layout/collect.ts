import type { Inline } from '../doc/tree';
import type { Role } from '../style/settings';

/** A stretch of text in one role and weight. */
export interface StyleSpan {
  start: number;
  end: number;
  role: Role;
  bold: boolean;
}

/**
 * Text of one block with its style spans (react-pdf's attributed string). Spans are
 * contiguous and cover the whole text. A forced line break is `\n`.
 */
export interface StyledText {
  text: string;
  spans: StyleSpan[];
}

/** Line break placeholder for `lineBreak` inlines. */
export const FORCED_BREAK = '\n';

/**
 * Step 0, collect: flattens inlines into styled text. `strong` is bold, a run-in heading
 * takes its heading role (楷体 for level 2, 仿宋 bold for level 3). Characters that draw
 * nothing (controls, zero-width and bidi marks, variation selectors) are dropped so no
 * painter ever meets them; a tab is a space; a newline inside text joins the lines (no
 * space between Chinese characters, one space between Latin words).
 */
export function collectInlines(children: readonly Inline[], role: Role): StyledText {
  const out: StyledText = { text: '', spans: [] };
  walk(children, role, false, out);
  return out;
}

/** Styled text of a plain string in one role. */
export function styledPlain(text: string, role: Role, bold = false): StyledText {
  const out: StyledText = { text: '', spans: [] };
  append(out, text, role, bold);
  return out;
}

function walk(children: readonly Inline[], role: Role, bold: boolean, out: StyledText): void {
  for (const node of children) {
    switch (node.kind) {
      case 'text':
        append(out, node.text, role, bold);
        break;
      case 'strong':
        walk(node.children, role, true, out);
        break;
      case 'runIn':
        append(out, node.text, node.level === 2 ? 'heading2' : 'heading3', bold);
        break;
      case 'lineBreak':
        push(out, FORCED_BREAK, role, bold);
        break;
    }
  }
}

function append(out: StyledText, raw: string, role: Role, bold: boolean): void {
  push(out, clean(raw, out.text), role, bold);
}

function push(out: StyledText, s: string, role: Role, bold: boolean): void {
  if (s.length === 0) return;
  const start = out.text.length;
  out.text += s;
  const last = out.spans[out.spans.length - 1];
  if (last && last.role === role && last.bold === bold) last.end = out.text.length;
  else out.spans.push({ start, end: out.text.length, role, bold });
}

/** True for code points that draw nothing and must not reach a font. */
export function isIgnorable(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe01ef)
  );
}

// Fast check: most text has nothing to clean.
const NEEDS_CLEAN = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]|\udb40[\udc00-\uddef]/;

function clean(raw: string, before: string): string {
  if (!NEEDS_CLEAN.test(raw)) return raw;
  let s = '';
  let i = 0;
  while (i < raw.length) {
    const cp = raw.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (cp === 0x09) s += ' ';
    else if (cp === 0x0a || cp === 0x0d) {
      let j = i + len;
      while (j < raw.length && (raw[j] === '\n' || raw[j] === '\r')) j++;
      const prev = s.length > 0 ? s.charCodeAt(s.length - 1) : before.length > 0 ? before.charCodeAt(before.length - 1) : 0;
      const next = j < raw.length ? raw.charCodeAt(j) : 0;
      if (isLatinWordChar(prev) && isLatinWordChar(next)) s += ' ';
      i = j;
      continue;
    } else if (!isIgnorable(cp)) s += raw.slice(i, i + len);
    i += len;
  }
  return s;
}

function isLatinWordChar(c: number): boolean {
  return (c >= 0x21 && c <= 0x7e) || (c >= 0xc0 && c <= 0x24f);
}

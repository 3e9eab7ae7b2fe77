/**
 * The separators a Chinese keyboard types by mistake in a YAML data file: a full-width
 * colon after a key (`year：2025`), a key with no space after its colon (`year:2025`),
 * full-width commas, colons or brackets inside `[…]` and `{…}` (`[3，0，0，0，0，0]`),
 * full-width digits there. Each finding names the line, shows what was typed and the
 * corrected line, so that applying the advice gives back the intended data; where a value
 * could be read two ways (`[1，200, 0, 0, 0, 0]`: one number or two?) it asks instead.
 *
 * Only lines that start with a key of the data contract are looked at, never the lines of
 * a `|` text block, and brackets only where they hold table figures, so narrative text with
 * Chinese punctuation is left alone.
 */
import { reportJsonSchema, type JsonSchema } from '../model/report-json-schema';

/** A line typed with a keyboard's full-width separators, and what to type instead. */
export interface TypingMistake {
  /** 1-based line. */
  line: number;
  /** The line as typed. */
  typed: string;
  /** The line as it should be, or undefined when the intent is unclear (the message asks). */
  corrected?: string;
  /** The Chinese message: what was typed, and what to type instead or what to decide. */
  message: string;
}

let keyNames: { all: Set<string>; numeric: Set<string> } | undefined;

const hasNumbers = (s: JsonSchema): boolean =>
  s.type === 'integer' || s.type === 'number' || (s.anyOf ?? []).some(hasNumbers) || (s.items !== undefined && hasNumbers(s.items)) || Object.values(s.properties ?? {}).some(hasNumbers);

/** Every property name of the data contract, and those that hold table figures. */
function contractKeys(): { all: Set<string>; numeric: Set<string> } {
  if (keyNames) return keyNames;
  const all = new Set<string>();
  const numeric = new Set<string>();
  const walk = (s: JsonSchema | undefined): void => {
    if (!s) return;
    for (const [k, child] of Object.entries(s.properties ?? {})) {
      all.add(k);
      if (hasNumbers(child)) numeric.add(k);
      walk(child);
    }
    walk(s.items);
    for (const alt of s.anyOf ?? []) walk(alt);
  };
  walk(reportJsonSchema());
  keyNames = { all, numeric };
  return keyNames;
}

/** `  - key：value` → indent (with a list dash), key, separator, value. */
const KEY_LINE = /^(\s*(?:-\s+)?)([A-Za-z_$][\w$]*)(\s*[:：]\s*)(.*)$/;
/** A block scalar indicator (`|`, `>-`, `|2` …), optionally followed by a comment. */
const BLOCK_START = /^[|>][+-]?\d*\s*(#.*)?$/;
const FULL_WIDTH_DIGIT = /[０-９]/g;
const FULL_WIDTH_IN_FLOW = /[，：［］【】｛｝０-９]/;

const toHalfWidthDigits = (s: string) => s.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A value written as `[…]` or `{…}`, in half- or full-width brackets, before any comment. */
function flowValue(value: string): { flow: string; rest: string } | undefined {
  if (!/^[[{［【｛]/.test(value)) return undefined;
  const comment = value.search(/\s#/);
  const code = comment < 0 ? value : value.slice(0, comment);
  const close = Math.max(code.lastIndexOf(']'), code.lastIndexOf('}'), code.lastIndexOf('］'), code.lastIndexOf('】'), code.lastIndexOf('｝'));
  if (close < 0) return undefined;
  return { flow: value.slice(0, close + 1), rest: value.slice(close + 1) };
}

/** The flow value with half-width separators, or undefined when a comma's meaning is unclear. */
function correctFlow(flow: string): string | undefined {
  // `[1，200, 0]`: with ASCII commas beside a full-width one, “1，200” may be one number or two.
  if (/，/.test(flow) && /,/.test(flow)) return undefined;
  return toHalfWidthDigits(flow)
    .replace(/[［【]/g, '[')
    .replace(/[］】]/g, ']')
    .replace(/｛/g, '{')
    .replace(/｝/g, '}')
    .replace(/\s*，\s*/g, ', ')
    .replace(/\s*：\s*/g, ': ');
}

/** The mistake on a line that starts with a key of the contract, if any. */
function checkKeyLine(line: number, typed: string, lead: string, key: string, separator: string, value: string, numeric: boolean): TypingMistake | undefined {
  const problems: string[] = [];
  let fixedValue = value;
  if (separator.includes('：')) problems.push('键名后用了中文冒号“：”，请改为英文冒号加空格“: ”');
  else if (value !== '' && !/\s$/.test(separator)) problems.push('键名后的冒号“:”与值之间缺少空格');
  // Only figures' brackets: a Chinese comma inside `[ { heading: 某，一 } ]` is text.
  const flow = numeric ? flowValue(value) : undefined;
  if (flow && FULL_WIDTH_IN_FLOW.test(flow.flow)) {
    const corrected = correctFlow(flow.flow);
    if (corrected === undefined) {
      return {
        line,
        typed,
        message:
          `第${line}行：“${flow.flow}”中既有英文逗号又有中文逗号“，”，无法确定“，”是分隔两个数还是数字中的千位分隔符：` +
          '几个数之间请用英文逗号加空格分隔，一个数请不加逗号写出（如 1200）',
      };
    }
    fixedValue = corrected + flow.rest;
    problems.push('方括号或花括号中用了中文标点或全角数字（“，”“：”“［］”“０–９”等），请改为英文逗号、冒号、方括号和半角数字');
  }
  if (problems.length === 0) return undefined;
  const corrected = `${lead}${key}: ${fixedValue}`.replace(/\s+$/, '');
  const shown = `${key}: ${fixedValue.replace(/\s+#.*$/, '')}`;
  return { line, typed, corrected, message: `第${line}行：${problems.join('；')}。应写成：${shown}` };
}

/** Finds the lines typed with full-width or missing separators (see the module comment). */
export function findTypingMistakes(text: string): TypingMistake[] {
  const keys = contractKeys();
  const out: TypingMistake[] = [];
  const lines = text.split(/\r?\n/);
  let blockIndent: number | undefined;
  lines.forEach((typed, i) => {
    const indent = typed.length - typed.trimStart().length;
    if (blockIndent !== undefined) {
      if (typed.trim() === '' || indent > blockIndent) return;
      blockIndent = undefined;
    }
    const m = KEY_LINE.exec(typed);
    if (!m) return;
    const [, lead, key, separator, value] = m;
    const mistake = keys.all.has(key) ? checkKeyLine(i + 1, typed, lead, key, separator, value, keys.numeric.has(key)) : undefined;
    if (mistake) out.push(mistake);
    // A `|` block's lines are text, whatever they contain.
    const opened = mistake?.corrected !== undefined ? KEY_LINE.exec(mistake.corrected)![4] : value;
    if (BLOCK_START.test(opened.trim())) blockIndent = indent;
  });
  return out;
}

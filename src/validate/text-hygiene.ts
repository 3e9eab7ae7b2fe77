/**
 * Invisible and control characters in the text of a report (copy-paste from Word or
 * web pages, Excel exports, old editors). Checked before every other rule, on every
 * string and every key of the data, and removed from the data the other rules and
 * the renderer see, so no output ever contains them:
 *
 * - TXT-ZW (warning): zero-width and other invisible format characters — U+200B–U+200F
 *   (zero-width space/non-joiner/joiner, direction marks), U+2060–U+2064 (word joiner,
 *   invisible operators), U+FEFF (a byte order mark inside the text), U+00AD (soft
 *   hyphen), U+180E, and the bidirectional embedding/override/isolate controls
 *   U+202A–U+202E, U+2066–U+2069 (they can reorder how text is shown). Harmless to
 *   drop: removed, with a warning naming the field and the position.
 * - TXT-CTRL (error): control characters — U+0000–U+001F except tab and line feed,
 *   U+007F, U+0080–U+009F — lone surrogates and the noncharacters U+FFFE/U+FFFF. They
 *   mean the text is damaged (a wrong export, binary data, a Word line or page break
 *   pasted as a control code), so the report is wrong until someone looks: an error
 *   naming the field and position (`--strict` refuses to render); the character is
 *   still removed so a render without `--strict` never prints it.
 *
 * Line endings are normalised silently: CR LF and a lone CR become LF, U+2028 (line
 * separator) LF and U+2029 (paragraph separator) a blank line, as the body-text
 * convention separates paragraphs.
 */
import { joinPath, nearestLine, type SourceMap } from '../load/source-map';
import type { Diagnostic } from './diagnostic';
import { placeLabel } from './labels';

/** Any character this module changes (fast path: most strings have none). */
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff\p{Cs}]/u;
const INVISIBLE = /^[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]$/u;

/** Deeper data is left alone (the loader refuses nesting past 64 levels anyway). */
const MAX_DEPTH = 100;

/** How many characters of context are quoted before a position. */
const CONTEXT = 10;

type Kind = 'invisible' | 'control';

interface Finding {
  kind: Kind;
  /** 1-based position in code points, in the original text. */
  position: number;
  cp: number;
  /** The text just before it (cleaned), to find it by eye. */
  before: string;
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

const NAMES: Record<number, string> = {
  0x00: '空字符 NUL',
  0x0b: '垂直制表符（常见于从 Word 复制的手动换行符）',
  0x0c: '换页符（常见于从 Word 复制的分页符）',
  0x1b: '转义符 ESC',
  0x7f: '删除符 DEL',
  0x00ad: '软连字符',
  0x200b: '零宽空格',
  0x200c: '零宽非连接符',
  0x200d: '零宽连接符',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x2060: '零宽不换行符',
  0xfeff: '字节顺序标记（BOM）',
};

function nameOf(cp: number): string {
  const named = NAMES[cp];
  if (named) return `${named}（${hex(cp)}）`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `不成对的代理码元（${hex(cp)}，文字已损坏）`;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return `文字方向控制符（${hex(cp)}）`;
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return `控制字符 ${hex(cp)}`;
  return hex(cp);
}

/** The cleaned text and what was removed. */
export function cleanText(text: string): { text: string; findings: Finding[] } {
  if (!SUSPECT.test(text)) return { text, findings: [] };
  let out = '';
  let position = 0;
  const findings: Finding[] = [];
  const chars = Array.from(text); // code points; a lone surrogate stays one element
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    position++;
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0d) {
      out += '\n';
      if (chars[i + 1] === '\n') {
        i++;
        position++;
      }
      continue;
    }
    if (cp === 0x2028) {
      out += '\n';
      continue;
    }
    if (cp === 0x2029) {
      out += '\n\n';
      continue;
    }
    const invisible = INVISIBLE.test(ch);
    const control = !invisible && SUSPECT.test(ch);
    if (!invisible && !control) {
      out += ch;
      continue;
    }
    const before = Array.from(out).slice(-CONTEXT).join('').replace(/\n/g, '↵');
    findings.push({ kind: invisible ? 'invisible' : 'control', position, cp, before });
  }
  return { text: out, findings };
}

function describe(findings: Finding[]): string {
  const counts = new Map<number, number>();
  for (const f of findings) counts.set(f.cp, (counts.get(f.cp) ?? 0) + 1);
  const what = [...counts].map(([cp, n]) => `${nameOf(cp)}${n > 1 ? ` ×${n}` : ''}`).join('、');
  const first = findings[0];
  const context = first.before ? `“${first.before}”之后` : '开头';
  if (findings.length === 1) return `${what}，在第 ${first.position} 个字符处（${context}）`;
  const positions = findings.slice(0, 5).map((f) => f.position).join('、');
  const more = findings.length > 5 ? ' 等' : '';
  return `${what}，在第 ${positions}${more} 个字符处（第一个在${context}）`;
}

export interface TextHygieneResult {
  /** The data with those characters removed (the same object when nothing changed). */
  data: unknown;
  diagnostics: Diagnostic[];
  /** The source map for paths of the cleaned data (a cleaned key keeps its original line). */
  sourceMap: SourceMap;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Finds invisible and control characters in every text and key of raw report data;
 * returns the data without them (copying only what changes) and a diagnostic per
 * field and kind. Never throws.
 */
export function checkTextHygiene(data: unknown, original: SourceMap): TextHygieneResult {
  const diagnostics: Diagnostic[] = [];
  /** Cleaned path → path in the source, for renamed keys. */
  const renamed = new Map<string, string>();
  const map: SourceMap = { lineOf: (p) => original.lineOf(sourcePath(p)) };
  const sourcePath = (p: string): string => {
    if (renamed.size === 0) return p;
    // The longest renamed prefix decides (renames nest: a.b‹ZW›.c‹ZW›).
    let best: string | undefined;
    for (const k of renamed.keys()) {
      if ((p === k || p.startsWith(`${k}.`) || p.startsWith(`${k}[`)) && (best === undefined || k.length > best.length)) best = k;
    }
    return best === undefined ? p : renamed.get(best)! + p.slice(best.length);
  };
  const fieldName = (path: string) => {
    const label = path === '' ? '报告' : placeLabel(path, data);
    return path === '' || label === path ? label : `${label}（${path}）`;
  };
  /** `key` is set when the characters are in that key of the object at `path`. */
  const report = (path: string, findings: Finding[], key?: { parent: string; name: string }) => {
    const isKey = key !== undefined;
    for (const kind of ['control', 'invisible'] as const) {
      const found = findings.filter((f) => f.kind === kind);
      if (found.length === 0) continue;
      const field = key ? fieldName(key.parent) : fieldName(path);
      const where = key ? `中的键名“${key.name}”有` : '中有';
      const message =
        kind === 'control'
          ? `${field}${where}${describe(found)}：文字可能已损坏或混入了不该有的字符，请删除或改为正常的换行${
              isKey ? '' : '；生成的文件中不会出现这些字符'
            }`
          : `${field}${where}不可见的${describe(found)}，已删除（常见于从网页或 Word 复制的文字）`;
      diagnostics.push({
        severity: kind === 'control' ? 'error' : 'warning',
        code: kind === 'control' ? 'TXT-CTRL' : 'TXT-ZW',
        path,
        line: nearestLine(map, path),
        message,
      });
    }
  };

  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') {
      const cleaned = cleanText(v);
      if (cleaned.findings.length > 0) report(path, cleaned.findings);
      return cleaned.text;
    }
    if (depth > MAX_DEPTH) return v;
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) continue;
        const item = v[i];
        const next = walk(item, joinPath(path, i), depth + 1);
        if (next !== item) {
          copy ??= v.slice();
          copy[i] = next;
        }
      }
      return copy ?? v;
    }
    if (!isPlainObject(v)) return v;
    let changed = false;
    const entries: [string, unknown][] = [];
    const keys = Object.keys(v);
    const taken = new Set(keys);
    for (const key of keys) {
      let name = key;
      const cleanedKey = cleanText(key);
      if (cleanedKey.findings.length > 0) {
        // A cleaned key that collides with another one keeps its name (the schema reports it).
        if (!taken.has(cleanedKey.text)) {
          name = cleanedKey.text;
          taken.add(name);
          changed = true;
          renamed.set(joinPath(path, name), sourcePath(joinPath(path, key)));
        }
        report(joinPath(path, name), cleanedKey.findings, { parent: path, name: cleanedKey.text });
      }
      const value = v[key];
      const next = walk(value, joinPath(path, name), depth + 1);
      if (next !== value) changed = true;
      entries.push([name, next]);
    }
    if (!changed) return v;
    const copy: Record<string, unknown> = Object.getPrototypeOf(v) === null ? Object.create(null) : {};
    for (const [k, val] of entries) Object.defineProperty(copy, k, { value: val, enumerable: true, writable: true, configurable: true });
    return copy;
  };

  try {
    return { data: walk(data, '', 0), diagnostics, sourceMap: map };
  } catch {
    return { data, diagnostics, sourceMap: original };
  }
}

/**
 * Applies the page's edits to the text of a YAML or JSON data file. The `yaml` package's
 * Document finds each node and its place in the text; only that place is rewritten, so the
 * comments, key order, alignment and quoting of everything not edited stay byte for byte.
 * (Re-dumping the Document would re-space every aligned comment of the file.)
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { CheckedEdit, ListItem } from './edit-paths';

/** An edit that cannot be written into this file as it is (its top level is not “键: 值”, or the result would not read back). */
export class EditApplyError extends Error {}

/** An amount written exactly as typed (`12.50`), which the loader keeps as its source text. */
class Verbatim {
  constructor(readonly source: string) {}
}

type Value = string | number | null | Verbatim | Value[] | { [k: string]: Value };
type Key = string | number;

interface Ctx {
  text: string;
  json: boolean;
}

const BLOCK = new Set(['BLOCK_LITERAL', 'BLOCK_FOLDED']);

function parse(text: string): Document.Parsed {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new EditApplyError(`数据文件有格式错误（${doc.errors[0].message.split('\n')[0]}），请先在文本编辑器中修正`);
  return doc;
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number) => {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i + 1;
};
const column = (text: string, pos: number) => pos - lineStart(text, pos);
/** Where a node ends including the rest of its last line (its comment) and the line break. */
function endOfLines(text: string, pos: number): number {
  return pos > 0 && text[pos - 1] === '\n' ? pos : lineEnd(text, pos);
}
const splice = (text: string, from: number, to: number, by: string) => text.slice(0, from) + by + text.slice(to);

function keyOf(p: Pair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

/** A scalar on one line: plain where YAML reads it back as the same string, quoted otherwise. */
function inlineScalar(v: string | number | null | Verbatim, ctx: Ctx, flow: boolean): string {
  if (v === null) return 'null';
  if (v instanceof Verbatim) return v.source;
  if (typeof v === 'number') return String(v);
  if (v === '/') return v;
  if (ctx.json || flow) return JSON.stringify(v);
  const s = stringify(v, { lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
  return s.includes('\n') ? JSON.stringify(v) : s;
}

/** A multi-line text as a literal block scalar whose lines are indented by `indent`, ending with a line break. */
function blockScalar(v: string, indent: number, rest = ''): string {
  const trailing = /\n*$/.exec(v)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? v : v.slice(0, v.length - trailing);
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
  const indicator = /^[ \n]/.test(body) ? String(2) : '';
  // An indentation indicator states the indent relative to the parent, which is `indent - 2` here.
  return `|${indicator}${chomp}${rest}\n${lines.join('\n')}\n${'\n'.repeat(Math.max(0, trailing - 1))}`;
}

function needsBlock(v: Value): v is string {
  return typeof v === 'string' && (v.includes('\n') || v.includes('\r'));
}

function isPlainObject(v: Value): v is { [k: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Verbatim);
}

/** A value in JSON or flow style, on one line. */
function flowValue(v: Value, ctx: Ctx): string {
  if (Array.isArray(v)) return `[${v.map((x) => flowValue(x, ctx)).join(', ')}]`;
  if (isPlainObject(v)) {
    const inner = Object.entries(v).map(([k, x]) => `${ctx.json ? JSON.stringify(k) : k}: ${flowValue(x, ctx)}`);
    return inner.length ? `{ ${inner.join(', ')} }` : '{}';
  }
  return inlineScalar(v, ctx, true);
}

/** The text after `key:` in block style for a key at column `indent`, ending with a line break. */
function afterColon(v: Value, indent: number, ctx: Ctx): string {
  if (needsBlock(v)) return ' ' + blockScalar(v, indent + 2);
  if (isPlainObject(v) && Object.keys(v).length > 0) {
    return '\n' + Object.entries(v).map(([k, x]) => `${' '.repeat(indent + 2)}${k}:${afterColon(x, indent + 2, ctx)}`).join('');
  }
  if (Array.isArray(v) && v.some((x) => isPlainObject(x))) {
    return '\n' + v.map((x) => seqItem(x, indent + 2, ctx)).join('');
  }
  if (Array.isArray(v) || isPlainObject(v)) return ' ' + flowValue(v, ctx) + '\n';
  return ' ' + inlineScalar(v as string | number | null | Verbatim, ctx, false) + '\n';
}

/** A block sequence item `- …` at column `indent`. */
function seqItem(v: Value, indent: number, ctx: Ctx): string {
  if (isPlainObject(v) && Object.keys(v).length > 0) {
    const text = afterColon(v, indent, ctx).slice(1); // the map's lines at indent + 2
    return ' '.repeat(indent) + '- ' + text.slice(indent + 2);
  }
  return ' '.repeat(indent) + '-' + afterColon(v, indent, ctx);
}

/** The value to write where `keys` (the rest of a path) do not exist yet. */
function nested(keys: readonly Key[], value: Value): Value {
  if (keys.length === 0) return value;
  const [k, ...rest] = keys;
  if (typeof k === 'number') {
    const row: Value[] = new Array<Value>(Math.max(6, k + 1)).fill(0);
    row[k] = nested(rest, value);
    return row;
  }
  return { [k]: nested(rest, value) };
}

/** Replaces a node (a scalar, or a collection of the wrong kind) by a new value, keeping what follows it on its line. */
function replaceNode(ctx: Ctx, node: YamlNode, value: Value, keyIndent: number, flow: boolean): string {
  const { text } = ctx;
  const [start, valueEnd] = node.range!;
  const block = isScalar(node) && BLOCK.has(String(node.type));
  if (flow || ctx.json) return splice(text, start, valueEnd, flowValue(value, ctx));
  const onOneLine = !block && !text.slice(start, valueEnd).includes('\n');
  const lead = start > 0 && text[start - 1] === ':' ? ' ' : '';
  const simple = !needsBlock(value) && !(isPlainObject(value) && Object.keys(value).length > 0) && !(Array.isArray(value) && value.some(isPlainObject));
  if (simple && typeof value === 'string' && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && onOneLine) {
    // A quoted text stays quoted (a telephone number must not turn into a number).
    return splice(text, start, valueEnd, lead + (node.type === 'QUOTE_SINGLE' ? `'${String(value).replace(/'/g, "''")}'` : JSON.stringify(value)));
  }
  if (simple) {
    const inline = Array.isArray(value) || isPlainObject(value) ? flowValue(value, ctx) : inlineScalar(value as string | number | null | Verbatim, ctx, false);
    if (block) return splice(text, start, valueEnd, inline + '\n');
    return splice(text, start, valueEnd, lead + inline);
  }
  if (onOneLine) {
    // Keep a comment that followed the old value on its line: it moves onto the header line.
    const eol = lineEnd(text, valueEnd);
    const rest = text.slice(valueEnd, eol).replace(/\n$/, '');
    if (needsBlock(value)) return splice(text, start, eol, lead + blockScalar(value, keyIndent + 2, rest));
    return splice(text, start, eol, rest.trimEnd() + afterColon(value, keyIndent, ctx));
  }
  if (needsBlock(value)) return splice(text, start, valueEnd, blockScalar(value, keyIndent + 2));
  return splice(text, start, endOfLines(text, valueEnd), afterColon(value, keyIndent, ctx).replace(/^ /, ''));
}

/** Adds `key: value` to a map. */
function insertPair(ctx: Ctx, map: YAMLMap, key: string, value: Value, flow: boolean, order?: readonly string[]): string {
  const { text } = ctx;
  const items = map.items as Pair<YamlNode, YamlNode | null>[];
  if (flow || map.flow || ctx.json) {
    const close = text.lastIndexOf('}', map.range![1]);
    const k = ctx.json ? JSON.stringify(key) : key;
    if (items.length === 0) return splice(text, close, close, `${k}: ${flowValue(value, ctx)}`);
    const last = items[items.length - 1];
    const at = (last.value ?? last.key)!.range![1];
    return splice(text, at, at, `, ${k}: ${flowValue(value, ctx)}`);
  }
  const indent = items.length ? column(text, items[0].key!.range![0]) : 0;
  // At the top level, after the last key that the contract lists before this one.
  let after = items[items.length - 1];
  if (order) {
    const rank = (k: string | undefined) => (k === undefined ? -1 : order.indexOf(k));
    const mine = rank(key);
    const before = items.filter((p) => rank(keyOf(p)) >= 0 && rank(keyOf(p)) < mine);
    if (before.length) after = before[before.length - 1];
    else if (mine >= 0 && items.length) {
      const at = lineStart(text, items[0].key!.range![0]);
      return splice(text, at, at, `${key}:${afterColon(value, indent, ctx)}`);
    }
  }
  let at = after ? endOfLines(text, (after.value ?? after.key)!.range![2]) : text.length;
  let lead = '';
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) lead = '\n';
  if (!after) at = text.length;
  return splice(text, at, at, `${lead}${' '.repeat(indent)}${key}:${afterColon(value, indent, ctx)}`);
}

/** Sets the value at `keys`, creating what is missing. */
function setAt(ctx: Ctx, keys: readonly Key[], value: Value, order: readonly string[]): string {
  const doc = parse(ctx.text);
  let node = doc.contents as YamlNode | null;
  if (!isMap(node)) throw new EditApplyError('数据文件的顶层不是“键: 值”的形式，无法在页面中编辑');
  let flow = false;
  let keyIndent = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const last = i === keys.length - 1;
    if (isMap(node) && typeof k === 'string') {
      const pair: Pair<YamlNode, YamlNode | null> | undefined = (node.items as Pair<YamlNode, YamlNode | null>[]).find((p) => keyOf(p) === k);
      if (!pair) return insertPair(ctx, node, k, nested(keys.slice(i + 1), value), flow, i === 0 ? order : undefined);
      flow = flow || Boolean(node.flow);
      keyIndent = column(ctx.text, pair.key!.range![0]);
      const child: YamlNode | null = pair.value;
      if (!child || (isScalar(child) && child.range![0] === child.range![1] && child.value === null)) {
        const at = child ? child.range![0] : pair.key!.range![1] + 1;
        if (flow || ctx.json) return splice(ctx.text, at, at, ' ' + flowValue(nested(keys.slice(i + 1), value), ctx));
        const eol = lineEnd(ctx.text, at);
        const rest = ctx.text.slice(at, eol).replace(/\n$/, '');
        const v = nested(keys.slice(i + 1), value);
        if (needsBlock(v)) return splice(ctx.text, at, eol, ' ' + blockScalar(v, keyIndent + 2, rest));
        return splice(ctx.text, at, eol, afterColon(v, keyIndent, ctx).replace(/\n$/, rest + '\n'));
      }
      if (last) return replaceNode(ctx, child, value, keyIndent, flow);
      node = child;
    } else if (isSeq(node) && typeof k === 'number') {
      const seq = node as YAMLSeq<YamlNode>;
      if (k < seq.items.length && seq.items[k]) {
        const item = seq.items[k];
        flow = flow || Boolean(seq.flow);
        if (last) return replaceNode(ctx, item, value, keyIndent, flow);
        node = item;
      } else {
        // A short row: written out again in flow style with the missing numbers as 0.
        const current = seq.toJSON() as Value[];
        const row = current.concat(new Array<Value>(Math.max(0, k + 1 - current.length)).fill(0));
        row[k] = nested(keys.slice(i + 1), value);
        return replaceNode(ctx, seq, row, keyIndent, true);
      }
    } else {
      return replaceNode(ctx, node!, nested(keys.slice(i), value), keyIndent, flow);
    }
  }
  throw new EditApplyError('修改的位置不正确');
}

/** Removes `key` (the last of `keys`) from its map, if it is there. */
function removeAt(ctx: Ctx, keys: readonly Key[]): string {
  const doc = parse(ctx.text);
  const parent = keys.length > 1 ? (doc.getIn(keys.slice(0, -1), true) as YamlNode | undefined) : (doc.contents as YamlNode | null);
  if (!isMap(parent)) return ctx.text;
  const items = parent.items as Pair<YamlNode, YamlNode | null>[];
  const idx = items.findIndex((p) => keyOf(p) === keys[keys.length - 1]);
  if (idx < 0) return ctx.text;
  const pair = items[idx];
  const start = pair.key!.range![0];
  const end = (pair.value ?? pair.key)!.range![2];
  const { text } = ctx;
  if (parent.flow || ctx.json) {
    const comma = /^\s*,\s*/.exec(text.slice(end));
    if (comma) return splice(text, start, end + comma[0].length, '');
    const before = /,\s*$/.exec(text.slice(0, start));
    return splice(text, before ? start - before[0].length : start, end, '');
  }
  return splice(text, lineStart(text, start), endOfLines(text, end), '');
}

function valueAt(text: string, keys: readonly Key[]): unknown {
  const node = parse(text).getIn(keys, true) as YamlNode | undefined;
  if (node === undefined) return undefined;
  if (isScalar(node)) return (node as Scalar).value;
  return (node as YamlNode).toJSON();
}

/** Rebuilds a block sequence of maps in a new order: each kept item brings its text and the comments above it. */
function rebuildList(ctx: Ctx, edit: Extract<CheckedEdit, { kind: 'list' }>, order: readonly string[]): string {
  const key = edit.path;
  const doc = parse(ctx.text);
  const root = doc.contents as YAMLMap;
  const pair = (root.items as Pair<YamlNode, YamlNode | null>[]).find((p) => keyOf(p) === key);
  const seq = pair?.value;
  const fresh = (it: ListItem): Value => {
    const o: { [k: string]: Value } = {};
    for (const f of edit.fields) if (it.fields[f] !== undefined && it.fields[f] !== '') o[f] = it.fields[f]!;
    return o;
  };
  const current = isSeq(seq) ? (seq as YAMLSeq<YamlNode>).items : [];
  for (const it of edit.items) if (it.from !== undefined && it.from >= current.length) throw new EditApplyError(`“${key}”中没有第 ${it.from + 1} 项：文件可能已被修改，请重新载入`);
  const unchanged = edit.items.length === current.length && edit.items.every((it, i) => it.from === i);
  if (!unchanged) {
    if (!pair || !isSeq(seq) || seq.flow || ctx.json || edit.items.length === 0 || current.length === 0) {
      const whole: Value[] = edit.items.map((it) => Object.assign({}, it.from !== undefined ? (current[it.from].toJSON() as { [k: string]: Value }) : {}, fresh(it)) as Value);
      if (!pair) return setAt(ctx, [key], whole, order);
      return replaceNode(ctx, seq ?? pair.key!, whole, column(ctx.text, pair.key!.range![0]), false);
    }
    const { text } = ctx;
    const indent = column(text, seq.range![0]);
    const chunks: string[] = [];
    let from = lineEnd(text, pair.key!.range![1]);
    for (const item of current) {
      const end = endOfLines(text, item.range![2]);
      chunks.push(text.slice(from, end));
      from = end;
    }
    const rebuilt = edit.items.map((it) => (it.from !== undefined ? chunks[it.from] : seqItem(fresh(it), indent, ctx))).join('');
    ctx = { ...ctx, text: splice(text, lineEnd(text, pair.key!.range![1]), from, rebuilt) };
  }
  // Then the texts of the kept items, each as an ordinary edit of one field.
  edit.items.forEach((it, i) => {
    if (it.from === undefined) return;
    for (const f of edit.fields) {
      const want = it.fields[f];
      const have = valueAt(ctx.text, [key, i, f]);
      if ((want === undefined || want === '') && have !== undefined && f !== 'heading' && f !== 'code' && f !== 'reason') ctx = { ...ctx, text: removeAt(ctx, [key, i, f]) };
      else if (want !== undefined && want !== have) ctx = { ...ctx, text: setAt(ctx, [key, i, f], want, order) };
    }
  });
  return ctx.text;
}

/**
 * Returns the text with the edits applied: a `null` on an optional field removes its key,
 * a missing block or row is added, and the result is read back to check that every edited
 * path now holds its new value.
 */
export function applyEdits(text: string, edits: readonly CheckedEdit[], order: readonly string[] = []): string {
  let ctx: Ctx = { text, json: /^\s*\{/.test(text) };
  parse(text);
  for (const e of edits) {
    if (e.kind === 'list') ctx = { ...ctx, text: rebuildList(ctx, e, order) };
    else if (e.value === null && !/^applications|^proactive|^reviewLitigation/.test(e.path)) ctx = { ...ctx, text: removeAt(ctx, e.keys) };
    else if (valueAt(ctx.text, e.keys) !== e.value || typeof e.value === 'string') {
      if (valueAt(ctx.text, e.keys) === e.value) continue;
      const v = e.path === 'proactive.fees' && typeof e.value === 'string' ? new Verbatim(e.value) : e.value;
      ctx = { ...ctx, text: setAt(ctx, e.keys, v, order) };
    }
  }
  const doc = parse(ctx.text);
  for (const e of edits) {
    const got = e.kind === 'list' ? doc.getIn(e.keys) : valueAt(ctx.text, e.keys);
    const ok =
      e.kind === 'list'
        ? JSON.stringify(((got as { toJSON(): unknown } | undefined)?.toJSON?.() as Record<string, string>[] | undefined)?.map((x) => e.fields.map((f) => x?.[f] ?? '')) ?? []) ===
          JSON.stringify(e.items.map((it) => e.fields.map((f) => it.fields[f] ?? '')))
        : e.value === null && !/^applications|^proactive|^reviewLitigation/.test(e.path)
          ? got === undefined
          : got === e.value || (typeof e.value === 'string' && got === Number(e.value) && e.path === 'proactive.fees');
    if (!ok) throw new EditApplyError(`无法在保持文件原有格式的前提下写入“${e.path}”，请在文本编辑器中修改这一项`);
  }
  return ctx.text;
}

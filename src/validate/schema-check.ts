/**
 * Checks raw data against the report's JSON Schema (generated from the TypeBox schema)
 * with a small walker of our own, so every message is Chinese and names the place by
 * its official label. Never throws; walks only where the schema goes, so arbitrarily
 * deep or odd data is safe.
 */
import { joinPath, nearestLine, type SourceMap } from '../load/source-map';
import type { Diagnostic, Severity } from './diagnostic';
import { placeLabel, REPORT_JSON_SCHEMA, type JsonSchema } from './labels';
import { NOT_APPLICABLE } from '../catalogue/types';
import { hasOwn, isRecord, MAX_CELL } from './read';

export interface SchemaCheckResult {
  diagnostics: Diagnostic[];
  /** Paths of empty optional fields to drop from the validated report (read as omitted). */
  omitted: string[];
}

/** Narrative fields whose emptiness the narrative rules (N5, N6) report themselves. */
const NARRATIVE_RULED = /^(problems|otherMatters|overview\[\d+\]\.body)$/;

/** The rule code for a bad table cell at `path`, if `path` is in a table. */
export function tableCellCode(path: string): string | undefined {
  if (path === 'proactive' || path.startsWith('proactive.')) return 'T2-R1';
  if (path === 'applications' || path.startsWith('applications.')) return 'T3-R4';
  if (path === 'reviewLitigation' || path.startsWith('reviewLitigation.')) return 'T4-R4';
  return undefined;
}

/** A short Chinese description of a value for messages. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return '空值';
  if (typeof v === 'string') return `文本“${v.length > 24 ? `${v.slice(0, 24)}…` : v}”`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return `${v ? 'true' : 'false'}（是/否）`;
  if (Array.isArray(v)) return `一个列表（${v.length}项）`;
  return '一组“键: 值”';
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** Every property name of the schema with the schema paths it is allowed at. */
const KEY_INDEX = new Map<string, string[]>();
(function index(schema: JsonSchema, path: string): void {
  if (schema.properties) {
    for (const [k, child] of Object.entries(schema.properties)) {
      const p = joinPath(path, k);
      KEY_INDEX.set(k, [...(KEY_INDEX.get(k) ?? []), p]);
      index(child, p);
    }
  }
  if (schema.items) index(schema.items, `${path}[]`);
  for (const alt of schema.anyOf ?? []) index(alt, path);
})(REPORT_JSON_SCHEMA, '');

/** The known key an unknown key was probably meant to be, if one stands out. */
export function suggestKey(key: string, props: Record<string, JsonSchema>): string | undefined {
  const names = Object.keys(props);
  const lower = key.toLowerCase().replace(/[-_\s]/g, '');
  const ci = names.find((n) => n.toLowerCase() === lower);
  if (ci) return ci;
  // A Chinese label used as the key (机关名称 → agency, 本年新收 → newlyReceived).
  if (/[\u4e00-\u9fff]/.test(key)) {
    const byTitle = names.filter((n) => {
      const t = props[n].title ?? '';
      return t === key || (key.length >= 2 && t.includes(key));
    });
    if (byTitle.length === 1) return byTitle[0];
    return undefined;
  }
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const n of names) {
    const d = editDistance(lower, n.toLowerCase());
    if (d < bestD) {
      best = n;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  const limit = Math.max(2, Math.floor(key.length / 3));
  return best !== undefined && bestD <= limit && !tie ? best : undefined;
}

function hasNumbers(schema: JsonSchema): boolean {
  if (schema.type === 'integer' || schema.type === 'number') return true;
  if (schema.anyOf) return schema.anyOf.some(hasNumbers);
  if (schema.items && hasNumbers(schema.items)) return true;
  return Object.values(schema.properties ?? {}).some(hasNumbers);
}

/** A written not-applicable mark: “/” with optional spaces, or the full-width “／”. */
const SLASH = /^\s*[/／]\s*$/;

/**
 * A table cell with no number: left blank, or `null` where `xxgk import` could not read
 * the source's cell. Never read as 0.
 */
function blankCellMessage(label: string): string {
  return `${label}：为空，没有数据请填 0（空白不会被当作 0）；导入时未能读取的，请按原表填写`;
}

const NUMERIC_TEXT = /^[+\-－]?[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?$/;

function toAsciiNumber(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/[－]/g, '-')
    .replace(/[,，]/g, '');
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

class Walker {
  readonly diagnostics: Diagnostic[] = [];
  readonly omitted: string[] = [];

  constructor(
    private readonly root: unknown,
    private readonly map: SourceMap,
  ) {}

  private label(path: string): string {
    return placeLabel(path, this.root);
  }

  private add(code: string, path: string, message: string, severity: Severity = 'error'): void {
    this.diagnostics.push({ severity, code, path, line: nearestLine(this.map, path), message });
  }

  run(): void {
    const data = this.root;
    if (data === undefined || data === null) {
      this.add('SCHEMA-TYPE', '', '没有报告数据：文件里应有 agency（机关名称）、year（报告年度）等内容');
      return;
    }
    if (!isRecord(data)) {
      this.add('SCHEMA-TYPE', '', `报告数据应为“键: 值”的形式（如 agency: 平罗县科学技术局），而不是${describeValue(data)}`);
      return;
    }
    this.object(data, REPORT_JSON_SCHEMA, '');
  }

  private value(v: unknown, schema: JsonSchema, path: string): void {
    if (schema.anyOf) {
      // “/” (不适用) is an alternative of its own; what remains is a count or an amount.
      if (v === NOT_APPLICABLE && schema.anyOf.some((s) => s.const === NOT_APPLICABLE)) return;
      const rest = schema.anyOf.filter((s) => s.const === undefined);
      if (rest.length === 1) return this.value(v, rest[0], path);
      return this.amount(v, { ...schema, anyOf: rest }, path);
    }
    switch (schema.type) {
      case 'object':
        if (!isRecord(v)) return this.wrongType(v, schema, path);
        return this.object(v, schema, path);
      case 'array':
        if (!Array.isArray(v)) return this.wrongType(v, schema, path);
        return this.array(v, schema, path);
      case 'integer':
      case 'number':
        return this.number(v, schema, path);
      case 'string':
        return this.string(v, schema, path);
      default:
        return;
    }
  }

  private object(o: Record<string, unknown>, schema: JsonSchema, path: string): void {
    const props = schema.properties ?? {};
    for (const key of Object.keys(o)) {
      const childPath = joinPath(path, key);
      if (!hasOwn(props, key)) {
        this.unknownKey(key, props, path, childPath);
        continue;
      }
      const child = props[key];
      const v = o[key];
      if (v === null || v === undefined) {
        this.empty(child, childPath, (schema.required ?? []).includes(key));
        continue;
      }
      this.value(v, child, childPath);
    }
    for (const key of schema.required ?? []) {
      if (hasOwn(o, key)) continue;
      const childPath = joinPath(path, key);
      const child = props[key];
      const code = tableCellCode(childPath) ?? 'SCHEMA-REQUIRED';
      const label = this.label(childPath);
      const what = child?.type === 'integer' || child?.type === 'number' ? (tableCellCode(childPath) ? '；没有请填 0' : '') : '';
      this.diagnostics.push({
        severity: 'error',
        code,
        path: childPath,
        line: nearestLine(this.map, path),
        message: `缺少${label}（${key}）：必须填写${what}${child?.description && !what ? `。${child.description}` : ''}`,
      });
    }
  }

  private unknownKey(key: string, props: Record<string, JsonSchema>, parentPath: string, path: string): void {
    const where = parentPath === '' ? '报告' : `${this.label(parentPath)}（${parentPath}）`;
    let advice: string;
    const s = suggestKey(key, props);
    if (s !== undefined) {
      advice = `，是不是“${s}”（${props[s].title ?? s}）？`;
    } else {
      const here = joinPath(parentPath.replace(/\[\d+\]/g, '[]'), key);
      const parents = (KEY_INDEX.get(key) ?? [])
        .filter((p) => p !== here)
        .map((p) => (p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : ''));
      if (parents.length > 0) {
        const places = parents.map((p) => (p === '' ? '最外层（不缩进）' : `${p.replace(/\[\]/g, '[…]')} 下`));
        advice = `：这个键应写在${places.join('或')}，而不是这里。`;
      } else {
        const names = Object.keys(props);
        advice = names.length <= 12 ? `。这里可用的键有：${names.join('、')}。` : '。';
      }
    }
    this.add('SCHEMA-UNKNOWN-KEY', path, `${where}中有未知的键“${key}”${advice}未知的键不会被读取，请改正或删除`);
  }

  private empty(schema: JsonSchema, path: string, required: boolean): void {
    const label = this.label(path);
    if (required) {
      const table = tableCellCode(path);
      this.add(table ?? 'SCHEMA-REQUIRED', path, table ? blankCellMessage(label) : `${label}：为空，必须填写`);
      return;
    }
    if (hasNumbers(schema)) {
      const code = tableCellCode(path) ?? 'SCHEMA-TYPE';
      const isCell = schema.type === 'integer' || schema.type === 'number' || schema.anyOf !== undefined;
      this.add(
        code,
        path,
        isCell
          ? blankCellMessage(label)
          : `${label}：为空，请填写数字（没有请填 0），或删除这一项（省略的表格内容按 0 计）；空白不会被当作 0`,
      );
      return;
    }
    this.omitted.push(path);
    if (NARRATIVE_RULED.test(path)) return;
    this.add('SCHEMA-EMPTY', path, `${label}（${path.replace(/^.*\./, '')}）写了键但没有内容，按未填写处理；不需要请删除这一行`, 'warning');
  }

  private wrongType(v: unknown, schema: JsonSchema, path: string): void {
    const label = this.label(path);
    const code = 'SCHEMA-TYPE';
    if (schema.type === 'array') {
      const isRow = schema.items?.type === 'integer';
      const want = isRow ? '6个数的列表，如 [0, 0, 0, 0, 0, 0]（依次为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）' : '一个列表（每项以“- ”开头）';
      this.add(code, path, `${label}：应为${want}，填写的是${describeValue(v)}`);
      return;
    }
    if (v === null) {
      this.add(tableCellCode(path) ?? code, path, `${label}：为空，请填写内容`);
      return;
    }
    this.add(code, path, `${label}：应为一组“键: 值”，填写的是${describeValue(v)}`);
  }

  private array(a: unknown[], schema: JsonSchema, path: string): void {
    const min = schema.minItems, max = schema.maxItems;
    if ((min !== undefined && a.length < min) || (max !== undefined && a.length > max)) {
      const isRow = schema.items?.type === 'integer' && min === 6;
      const want = isRow
        ? '应有6个数（依次为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他；可加第7个数作为总计）'
        : min !== undefined && max !== undefined
          ? `应有${min}至${max}项`
          : min !== undefined
            ? `至少应有${min}项`
            : `至多应有${max}项`;
      this.add('SCHEMA-LENGTH', path, `${this.label(path)}：${want}，填写了${a.length}${isRow ? '个数' : '项'}`);
    }
    const items = schema.items;
    if (!items) return;
    a.forEach((item, i) => {
      const p = joinPath(path, i);
      if ((item === null || item === undefined) && !hasNumbers(items)) {
        this.add('SCHEMA-TYPE', p, `${this.label(p)}：为空，请填写内容或删除这一项`);
        return;
      }
      this.value(item, items, p);
    });
  }

  private number(v: unknown, schema: JsonSchema, path: string): void {
    const table = tableCellCode(path);
    const integer = schema.type === 'integer';
    const kind = integer ? '非负整数' : '非负数';
    const typeCode = table ?? 'SCHEMA-TYPE';
    const rangeCode = table ?? 'SCHEMA-RANGE';
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
      this.add(typeCode, path, table ? blankCellMessage(this.label(path)) : `${this.label(path)}：为空，请填写${kind}`);
      return;
    }
    if (typeof v === 'string' && SLASH.test(v) && table) {
      this.add(typeCode, path, this.slashMessage(v, path));
      return;
    }
    if (typeof v === 'string') {
      const t = v.trim();
      if (NUMERIC_TEXT.test(t) && /[,，]/.test(t)) {
        // “1，200”: a thousands separator, or two numbers typed with a Chinese comma?
        this.add(typeCode, path, `${this.label(path)}：“${v}”是一个数还是几个数？一个数请不加逗号写出（如 ${toAsciiNumber(t)}），几个数请分别填在各自的位置，用英文逗号分隔`);
      } else if (NUMERIC_TEXT.test(t)) {
        this.add(typeCode, path, `${this.label(path)}：填写的是文本“${v}”而不是数字，请去掉引号，写成 ${toAsciiNumber(t)}`);
      } else {
        this.add(typeCode, path, `${this.label(path)}：应为${kind}，填写的是${describeValue(v)}`);
      }
      return;
    }
    if (typeof v !== 'number') {
      this.add(typeCode, path, `${this.label(path)}：应为${kind}，填写的是${describeValue(v)}`);
      return;
    }
    if (!Number.isFinite(v)) {
      this.add(typeCode, path, `${this.label(path)}：“${v}”不是有效的数字，请填写${kind}`);
      return;
    }
    if (v < 0) {
      this.add(rangeCode, path, `${this.label(path)}：不能为负数，填写的是 ${v}`);
      return;
    }
    if (integer && !Number.isInteger(v)) {
      this.add(typeCode, path, `${this.label(path)}：应为整数${table ? '（件数）' : ''}，填写的是 ${v}`);
      return;
    }
    if (v > MAX_CELL) {
      this.add(rangeCode, path, `${this.label(path)}：为 ${v}，超出允许的范围（最大 ${MAX_CELL}），请核对`);
      return;
    }
    if ((schema.minimum !== undefined && v < schema.minimum) || (schema.maximum !== undefined && v > schema.maximum)) {
      this.add(rangeCode, path, `${this.label(path)}：应在 ${schema.minimum ?? 0} 至 ${schema.maximum ?? MAX_CELL} 之间，填写的是 ${v}`);
    }
  }

  /** Why a written “/” or “／” is not accepted at a table cell. */
  private slashMessage(v: string, path: string): string {
    const label = this.label(path);
    if (path.startsWith('proactive.')) return `${label}：不适用请写半角斜杠 "/"（带引号），而不是“${v}”`;
    return `${label}：“/”（不适用）只能用于表二；这里应填写数字，没有的填 0`;
  }

  /** 行政事业性收费: a non-negative amount in 万元, as a number or as verbatim text. */
  private amount(v: unknown, schema: JsonSchema, path: string): void {
    const label = this.label(path);
    const code = tableCellCode(path) ?? 'SCHEMA-TYPE';
    const hint = '应为非负数（单位：万元），如 0 或 12.5';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) this.add(code, path, `${label}：“${v}”不是有效的数字，${hint}`);
      else if (v < 0) this.add(code, path, `${label}：不能为负数，填写的是 ${v}`);
      else if (v > MAX_CELL) this.add(code, path, `${label}：为 ${v}，超出允许的范围，请核对（单位是万元）`);
      return;
    }
    if (typeof v === 'string') {
      const t = v.trim();
      if (t === '') {
        this.add(code, path, `${label}：为空，没有数据请填 0（空白不会被当作 0）`);
        return;
      }
      if (SLASH.test(v)) {
        this.add(code, path, this.slashMessage(v, path));
        return;
      }
      const stringSchema = schema.anyOf?.find((s) => s.type === 'string');
      const pattern = stringSchema?.pattern ? new RegExp(stringSchema.pattern) : /^[0-9]+(\.[0-9]+)?$/;
      if (pattern.test(v)) return;
      if (NUMERIC_TEXT.test(t) && !t.startsWith('-') && !t.startsWith('－') && pattern.test(toAsciiNumber(t))) {
        this.add(code, path, `${label}：“${v}”请只用半角数字和小数点，写成 ${toAsciiNumber(t)}`);
        return;
      }
      this.add(code, path, `${label}：${hint}，填写的是${describeValue(v)}`);
      return;
    }
    this.add(code, path, `${label}：${hint}，填写的是${describeValue(v)}`);
  }

  private string(v: unknown, schema: JsonSchema, path: string): void {
    if (typeof v === 'number' || typeof v === 'boolean') {
      this.add('SCHEMA-TYPE', path, `${this.label(path)}：应为文字，填写的是${describeValue(v)}；如要原样印出，请加引号，写成 "${String(v)}"`);
      return;
    }
    if (typeof v !== 'string') {
      this.add('SCHEMA-TYPE', path, `${this.label(path)}：应为一段文字，填写的是${describeValue(v)}`);
      return;
    }
    if (schema.minLength !== undefined && schema.minLength > 0 && v.trim().length === 0) {
      this.add('SCHEMA-REQUIRED', path, `${this.label(path)}：不能为空`);
      return;
    }
    if (schema.enum !== undefined && !schema.enum.includes(v)) {
      const choices = schema.enum.map((e) => String(e)).join(' 或 ');
      this.add('SCHEMA-ENUM', path, `${this.label(path)}：只能是 ${choices}，填写的是“${v}”。${schema.description ?? ''}`);
      return;
    }
    if (schema.pattern !== undefined) {
      const date = schema.format === 'date';
      const ok = new RegExp(schema.pattern).test(v);
      if (!ok || (date && !isRealDate(v))) {
        const example = date ? '，应写成 2022-01-20 这样的日期' : '';
        this.add('SCHEMA-FORMAT', path, `${this.label(path)}：“${v}”格式不正确${example}`);
      }
    }
  }
}

/** Checks data against the report schema; never throws. */
export function checkSchema(data: unknown, map: SourceMap): SchemaCheckResult {
  const w = new Walker(data, map);
  w.run();
  return { diagnostics: w.diagnostics, omitted: w.omitted };
}

/**
 * Names of places in a report as a reader of the printed report knows them: table,
 * row label and column label exactly as printed (the table catalogue), or the section and
 * field title from the schema.
 */
import { reportJsonSchema, type JsonSchema } from '../model/report-json-schema';
import {
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  DOCUMENT_COLUMNS,
  DOCUMENT_ROWS,
  OUTCOME_COLUMNS,
  REVIEW_LITIGATION_PARTS,
} from '../model/table-rows';
import { hasOwn, isRecord, own } from './read';

export type { JsonSchema };

/** The report schema as plain JSON Schema (TypeBox's symbols stripped). */
export const REPORT_JSON_SCHEMA: JsonSchema = reportJsonSchema();

/** Splits `a.b[2].c` into `['a', 'b', 2, 'c']`. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (const m of path.matchAll(re)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (for （一）-style numbering; up to 99). */
export function zhNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${ZH_DIGITS[Math.floor(n / 10)]}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  return String(n);
}

/** The printed name of a table-三 row (`表三 （三）不予公开 1.属于国家秘密`). */
export function applicationRowLabel(key: string): string {
  const row = APPLICATION_ROWS.find((r) => r.key === key);
  if (row) return `表三 ${row.group ? `${row.group} ` : ''}${row.label}`;
  const group = APPLICATION_ROWS.find((r) => r.group && r.key.startsWith(`${key}.`));
  if (group) return `表三 ${group.group}`;
  return `表三 ${key}`;
}

/** The printed name of a column of table 三, or “第N个数” past the seventh. */
export function applicationColumnLabel(i: number): string {
  return APPLICATION_COLUMNS[i] ?? `第${i + 1}个数`;
}

const PROACTIVE_SINGLE: Record<string, string> = {
  licensing: '表二 第二十条第（五）项 行政许可 / 本年处理决定数量',
  penalty: '表二 第二十条第（六）项 行政处罚 / 本年处理决定数量',
  coercion: '表二 第二十条第（六）项 行政强制 / 本年处理决定数量',
  fees: '表二 第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）',
};

function tableLabel(segs: (string | number)[]): string | undefined {
  const [root, ...rest] = segs;
  if (root === 'applications') {
    if (rest.length === 0) return '表三 收到和处理政府信息公开申请情况';
    const keys = rest.filter((s): s is string => typeof s === 'string');
    const index = rest.find((s): s is number => typeof s === 'number');
    const base = applicationRowLabel(keys.join('.'));
    return index === undefined ? base : `${base} / ${applicationColumnLabel(index)}`;
  }
  if (root === 'reviewLitigation') {
    if (rest.length === 0) return '表四 政府信息公开行政复议、行政诉讼情况';
    const part = REVIEW_LITIGATION_PARTS.find((p) => p.key === rest[0]);
    const base = `表四 ${part ? part.label : String(rest[0])}`;
    if (rest.length === 1) return base;
    const col = rest[1] === 'total' ? '总计' : OUTCOME_COLUMNS.find((c) => c.key === rest[1])?.label ?? String(rest[1]);
    return `${base} / ${col}`;
  }
  if (root === 'proactive') {
    if (rest.length === 0) return '表二 主动公开政府信息情况';
    const key = String(rest[0]);
    if (hasOwn(PROACTIVE_SINGLE, key)) return PROACTIVE_SINGLE[key];
    const row = DOCUMENT_ROWS.find((r) => r.key === key);
    const base = `表二 第二十条第（一）项 ${row ? row.label : key}`;
    if (rest.length === 1) return base;
    const col = DOCUMENT_COLUMNS.find((c) => c.key === rest[1])?.label ?? String(rest[1]);
    return `${base} / ${col}`;
  }
  return undefined;
}

/**
 * The Chinese name of the place at `path`: `表三 一、本年新收政府信息公开申请数量 / 商业企业`,
 * `一、总体情况 （二）依申请公开 正文`, `机关名称`. `data` lets an overview item be named
 * by its heading.
 */
export function placeLabel(path: string, data?: unknown): string {
  const segs = parsePath(path);
  if (segs.length === 0) return '报告';
  const t = tableLabel(segs);
  if (t !== undefined) return t;

  const parts: string[] = [];
  let schema: JsonSchema | undefined = REPORT_JSON_SCHEMA;
  let node: unknown = data;
  let parentKey: string | number | undefined;
  for (const seg of segs) {
    if (typeof seg === 'number') {
      node = Array.isArray(node) ? node[seg] : undefined;
      const heading = own(node, 'heading');
      if (parentKey === 'overview') {
        parts.push(`（${zhNumber(seg + 1)}）${typeof heading === 'string' && heading.trim() ? heading.trim() : ''}`);
      } else {
        parts.push(`第${seg + 1}项`);
      }
      schema = schema?.items;
    } else {
      node = isRecord(node) ? own(node, seg) : undefined;
      const child: JsonSchema | undefined = schema?.properties && hasOwn(schema.properties, seg) ? schema.properties[seg] : undefined;
      parts.push(child?.title ?? seg);
      schema = child;
    }
    parentKey = seg;
  }
  return parts.join(' ');
}

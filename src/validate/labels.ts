/**
 * Names of places in a report as a reader of the printed report knows them: table,
 * row label and column label exactly as printed (the table catalogue), or the section and
 * field title from the schema.
 */
import { reportJsonSchema, type JsonSchema } from '../model/report-json-schema';
import { APPLICATION_COLUMNS, FORMAT_2021 } from '../catalogue/format-2021';
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
  return FORMAT_2021.places.get(`applications.${key}`) ?? `表三 ${key}`;
}

/** The printed name of a column of table 三, or “第N个数” past the seventh. */
export function applicationColumnLabel(i: number): string {
  return APPLICATION_COLUMNS[i] ?? `第${i + 1}个数`;
}

/** The catalogue's name of a table cell, row or group; unknown keys are named as written. */
function tableLabel(path: string, segs: (string | number)[]): string | undefined {
  const [root, ...rest] = segs;
  if (root !== 'applications' && root !== 'reviewLitigation' && root !== 'proactive') return undefined;
  const known = FORMAT_2021.places.get(path);
  if (known !== undefined) return known;
  if (root === 'applications') {
    const keys = rest.filter((s): s is string => typeof s === 'string');
    const index = rest.find((s): s is number => typeof s === 'number');
    const base = applicationRowLabel(keys.join('.'));
    return index === undefined ? base : `${base} / ${applicationColumnLabel(index)}`;
  }
  // An unknown key below a known row or table: the known part's name and the key as written.
  for (let n = rest.length - 1; n >= 0; n--) {
    const prefix = [root, ...rest.slice(0, n)].join('.');
    const name = FORMAT_2021.places.get(prefix);
    if (name !== undefined) return `${name}${n === 0 ? ' ' : ' / '}${rest.slice(n).join('.')}`;
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
  const t = tableLabel(path, segs);
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

/**
 * What the editing page may change: every field of data contract 1.1 (docs/ARCHITECTURE.md §2)
 * by its data path, checked against the catalogue of the tables before anything touches the file.
 * A path the catalogue does not know, or a value of the wrong kind, is refused with a Chinese message.
 */
import { FORMAT_2021 } from '../catalogue/format-2021';
import { NOT_APPLICABLE, type FigureCell } from '../catalogue/types';

/** A change sent by the page: a data path and its new value. */
export interface Edit {
  path: string;
  value: unknown;
}

/** A sub-section of 一、总体情况 or an acknowledged warning, as the page sends it: `from` is its index in the file, absent when new. */
export interface ListItem {
  from?: number;
  fields: Record<string, string | undefined>;
}

/** An edit that passed the checks: the path split into keys, and the value in the form it is written. */
export type CheckedEdit =
  | { kind: 'value'; path: string; keys: (string | number)[]; value: string | number | null }
  | { kind: 'list'; path: 'overview' | 'acknowledged'; keys: [string]; items: ListItem[]; fields: readonly string[] };

/** A request the page should never send (unknown path, text in a number cell): answered with 400. */
export class EditRequestError extends Error {}

type FieldKind = 'text' | 'required-text' | 'year' | 'level' | 'date';

/** The fields outside the tables, with the kind of value each takes. */
const FIELDS: ReadonlyMap<string, FieldKind> = new Map<string, FieldKind>([
  ['agency', 'required-text'],
  ['year', 'year'],
  ['title', 'text'],
  ['contact', 'text'],
  ['level', 'level'],
  ['published', 'date'],
  ['preamble', 'text'],
  ['overviewIntro', 'text'],
  ['applicationsIntro', 'text'],
  ['problems', 'text'],
  ['otherMatters', 'text'],
  ['signature.agency', 'text'],
  ['signature.date', 'date'],
]);

const LISTS = {
  overview: ['heading', 'body'],
  acknowledged: ['code', 'path', 'reason'],
} as const;

/** The longest text a field may hold (a whole report is about 30 KB). */
const MAX_TEXT = 200_000;
const MAX_LIST = 200;

const FIGURES: ReadonlyMap<string, FigureCell> = new Map(FORMAT_2021.figures.map((f) => [f.path, f]));

/** Splits `a.b[1]` into `['a', 'b', 1]`. */
export function splitPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([A-Za-z]+)|\[(\d+)\]/g)) keys.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return keys;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new EditRequestError(`“${where}”应为文字`);
  if (value.length > MAX_TEXT) throw new EditRequestError(`“${where}”太长（超过 ${MAX_TEXT} 个字符）`);
  return value;
}

function figureValue(f: FigureCell, value: unknown): string | number | null {
  if (f.derived) throw new EditRequestError(`“${f.place}”是总计，由程序计算，不能填写`);
  if (value === null) return null;
  if (value === NOT_APPLICABLE) {
    if (!f.notApplicable) throw new EditRequestError(`“${f.place}”不能填“/”（不适用）：只有表二的格子可以`);
    return NOT_APPLICABLE;
  }
  if (f.kind === 'amount') {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    if (typeof value === 'string' && /^[0-9]{1,12}(\.[0-9]{1,6})?$/.test(value)) return value;
  } else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const shown = typeof value === 'string' ? `“${value.slice(0, 20)}”` : String(value);
  throw new EditRequestError(`“${f.place}”应填写${f.kind === 'amount' ? '非负的金额' : '非负整数'}，而不是 ${shown}`);
}

function fieldValue(path: string, kind: FieldKind, value: unknown): string | number | null {
  if (value === null && kind !== 'required-text' && kind !== 'year') return null;
  switch (kind) {
    case 'year':
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return value;
      throw new EditRequestError(`报告年度应为四位数的年份，而不是 ${JSON.stringify(value)}`);
    case 'level':
      if (value === 'department' || value === 'government') return value;
      throw new EditRequestError('机关层级只能是 department（政府部门）或 government（人民政府）');
    case 'date': {
      const s = text(value, path);
      if (s.length > 40) throw new EditRequestError(`“${path}”应为日期，形如 2022-01-20`);
      return s;
    }
    default:
      return text(value, path);
  }
}

function listItems(path: 'overview' | 'acknowledged', value: unknown): ListItem[] {
  if (!Array.isArray(value)) throw new EditRequestError(`“${path}”应为列表`);
  if (value.length > MAX_LIST) throw new EditRequestError(`“${path}”的项目太多（超过 ${MAX_LIST} 项）`);
  const fields = LISTS[path];
  const seen = new Set<number>();
  return value.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new EditRequestError(`“${path}”的第 ${i + 1} 项应为“键: 值”`);
    const item: ListItem = { fields: Object.create(null) as Record<string, string | undefined> };
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (k === 'from') {
        if (v === undefined || v === null) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || seen.has(v)) throw new EditRequestError(`“${path}”的第 ${i + 1} 项的来源序号不正确`);
        seen.add(v);
        item.from = v;
      } else if ((fields as readonly string[]).includes(k)) {
        if (v === undefined || v === null) continue;
        item.fields[k] = text(v, `${path}[${i}].${k}`);
      } else throw new EditRequestError(`“${path}”的项目没有“${k.slice(0, 40)}”这一项`);
    }
    return item;
  });
}

/** Checks the edits of one request against the catalogue and the contract; the last edit of a path wins. */
export function checkEdits(raw: unknown): CheckedEdit[] {
  if (!Array.isArray(raw)) throw new EditRequestError('请求中缺少修改列表');
  const byPath = new Map<string, CheckedEdit>();
  for (const e of raw) {
    if (typeof e !== 'object' || e === null || typeof (e as Edit).path !== 'string') throw new EditRequestError('每项修改应有 path 和 value');
    const { path, value } = e as Edit;
    const f = FIGURES.get(path);
    const kind = FIELDS.get(path);
    let checked: CheckedEdit;
    if (f) checked = { kind: 'value', path, keys: splitPath(path), value: figureValue(f, value) };
    else if (kind) checked = { kind: 'value', path, keys: splitPath(path), value: fieldValue(path, kind, value) };
    else if (path === 'overview' || path === 'acknowledged') checked = { kind: 'list', path, keys: [path], items: listItems(path, value), fields: LISTS[path] };
    else throw new EditRequestError(`没有“${path.slice(0, 80)}”这一项：只能修改报告数据格式中的字段和表格中的格子`);
    byPath.delete(path);
    byPath.set(path, checked);
  }
  return [...byPath.values()];
}

/** Every path the page may send (the table cells that are not totals, and the fields), for the page and the tests. */
export function editablePaths(): string[] {
  return [...FORMAT_2021.figures.filter((f) => !f.derived).map((f) => f.path), ...FIELDS.keys(), ...Object.keys(LISTS)];
}

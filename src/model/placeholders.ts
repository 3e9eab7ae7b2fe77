/**
 * Placeholders for figures drawn from the data (docs/ARCHITECTURE.md §2).
 *
 * Narrative text may contain `{{name}}`; each name is looked up in a fixed table of
 * names over the derived tables and replaced with the figure as printed in the
 * tables. This is a plain lookup, never template execution: the text between the
 * braces is only ever used as a key, and an unknown name is left as written and
 * reported (validation rule P1).
 *
 * Names (every name has an English path and a Chinese alias; spaces inside the
 * braces are ignored):
 *
 * Table 三 (`applications` / `表三`), one name per row and column:
 *   applications.<row>.<column>        表三.<行>.<列>
 *   rows:    newlyReceived 本年新收 · carriedOver 上年结转 · granted 予以公开 ·
 *            partiallyGranted 部分公开 · denied.<stateSecret…> 不予公开.<1–8> ·
 *            unableToProvide.<notHeld…> 无法提供.<1–3> ·
 *            notProcessed.<petitionOrComplaint…> 不予处理.<1–5> ·
 *            otherDisposal.<overdueCorrection…> 其他处理.<1–3> ·
 *            total 总计 （七）总计 · carriedForward 结转下年度 (四、结转下年度继续办理)
 *   groups:  denied 不予公开 · unableToProvide 无法提供 · notProcessed 不予处理 ·
 *            otherDisposal 其他处理 — the sum of the group's rows
 *   columns: naturalPerson 自然人 · commercial 商业企业 · research 科研机构 ·
 *            publicInterest 社会公益组织 · legalService 法律服务机构 · other 其他 ·
 *            total 总计
 *   e.g. {{applications.newlyReceived.total}} = {{表三.本年新收.总计}},
 *        {{applications.denied.stateSecret.commercial}} = {{表三.不予公开.1.商业企业}},
 *        {{applications.denied.total}} = {{表三.不予公开.总计}} (all of （三）).
 *
 * Table 四 (`reviewLitigation` / `表四`):
 *   reviewLitigation.<part>.<column>   表四.<部分>.<列>
 *   parts:   review 行政复议 · litigationDirect 未经复议直接起诉 ·
 *            litigationAfterReview 复议后起诉 · litigation 行政诉讼 (the two summed)
 *   columns: upheld 结果维持 · corrected 结果纠正 · other 其他结果 · pending 尚未审结 ·
 *            total 总计
 *
 * Table 二 (`proactive` / `表二`):
 *   proactive.rules.<issued|repealed|inForce>               表二.规章.<本年制发件数|本年废止件数|现行有效件数>
 *   proactive.normativeDocuments.<issued|repealed|inForce>  表二.行政规范性文件.<…>
 *   proactive.licensing 表二.行政许可 · proactive.penalty 表二.行政处罚 ·
 *   proactive.coercion 表二.行政强制 · proactive.fees 表二.行政事业性收费 (万元, as entered)
 *
 * Report fields (when a context is given): year 年度 · agency 机关名称.
 */
import type { DerivedTables, SevenFigures } from './derive';
import { APPLICATION_ROWS, OUTCOME_ROWS } from '../catalogue/format-2021';

/** What a placeholder may read besides the tables. */
export interface PlaceholderContext {
  year?: number;
  agency?: string;
}

type Getter = (d: DerivedTables, c: PlaceholderContext) => string | undefined;

/** One placeholder name and what it stands for (for `xxgk` help and the README). */
export interface PlaceholderName {
  name: string;
  /** The figure it stands for, in Chinese (table, row, column as printed). */
  description: string;
}

/** `{{ name }}`: the name is anything but braces and line breaks. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}\r\n]*?)\s*\}\}/g;

const APPLICANT_COLUMN_NAMES: readonly (readonly [string, string])[] = [
  ['naturalPerson', '自然人'],
  ['commercial', '商业企业'],
  ['research', '科研机构'],
  ['publicInterest', '社会公益组织'],
  ['legalService', '法律服务机构'],
  ['other', '其他'],
  ['total', '总计'],
];

/** Chinese aliases of the top-level rows of table 三 (groups get `<组>.<n>`). */
const ROW_ALIASES: Record<string, string> = {
  newlyReceived: '本年新收',
  carriedOver: '上年结转',
  granted: '予以公开',
  partiallyGranted: '部分公开',
  total: '总计',
  carriedForward: '结转下年度',
};

const GROUPS: readonly (readonly [string, string, string])[] = [
  ['denied', '不予公开', '（三）不予公开'],
  ['unableToProvide', '无法提供', '（四）无法提供'],
  ['notProcessed', '不予处理', '（五）不予处理'],
  ['otherDisposal', '其他处理', '（六）其他处理'],
];

const OUTCOME_COLUMN_NAMES: readonly (readonly ['upheld' | 'corrected' | 'other' | 'pending' | 'total', string])[] = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

const DOC_COLUMNS: readonly (readonly ['issued' | 'repealed' | 'inForce', string])[] = [
  ['issued', '本年制发件数'],
  ['repealed', '本年废止件数'],
  ['inForce', '现行有效件数'],
];

const registry = new Map<string, Getter>();
const catalogue: PlaceholderName[] = [];

function define(names: readonly string[], description: string, get: Getter): void {
  for (const n of names) registry.set(n, get);
  catalogue.push(...names.map((name) => ({ name, description })));
}

function rowValue(d: DerivedTables, key: string, col: number): string | undefined {
  const row: SevenFigures | undefined = Object.prototype.hasOwnProperty.call(d.applications, key) ? d.applications[key] : undefined;
  return row ? String(row[col]) : undefined;
}

// Table 三: rows.
for (const row of APPLICATION_ROWS) {
  let zh: string;
  if (row.group) {
    const [groupKey, leafKey] = row.key.split('.');
    const group = GROUPS.find((g) => g[0] === groupKey)!;
    const n = OUTCOME_ROWS.filter((r) => r.group === row.group).findIndex((r) => r.key.endsWith(`.${leafKey}`)) + 1;
    zh = `${group[1]}.${n}`;
  } else {
    zh = ROW_ALIASES[row.key];
  }
  const printed = `表三 ${row.group ? `${row.group} ` : ''}${row.label}`;
  APPLICANT_COLUMN_NAMES.forEach(([en, zhCol], col) => {
    define([`applications.${row.key}.${en}`, `表三.${zh}.${zhCol}`], `${printed} / ${zhCol}`, (d) => rowValue(d, row.key, col));
  });
}
// Table 三: group sums.
for (const [groupKey, zh, printed] of GROUPS) {
  const keys = OUTCOME_ROWS.filter((r) => r.key.startsWith(`${groupKey}.`)).map((r) => r.key);
  APPLICANT_COLUMN_NAMES.forEach(([en, zhCol], col) => {
    define([`applications.${groupKey}.${en}`, `表三.${zh}.${zhCol}`], `表三 ${printed} 各项之和 / ${zhCol}`, (d) => {
      let sum = 0;
      for (const k of keys) {
        const v = rowValue(d, k, col);
        if (v === undefined) return undefined;
        sum += Number(v);
      }
      return String(sum);
    });
  });
}
// Table 四.
const PARTS: readonly (readonly [string, string, string, readonly ('review' | 'litigationDirect' | 'litigationAfterReview')[]])[] = [
  ['review', '行政复议', '行政复议', ['review']],
  ['litigationDirect', '未经复议直接起诉', '行政诉讼 未经复议直接起诉', ['litigationDirect']],
  ['litigationAfterReview', '复议后起诉', '行政诉讼 复议后起诉', ['litigationAfterReview']],
  ['litigation', '行政诉讼', '行政诉讼（未经复议直接起诉与复议后起诉之和）', ['litigationDirect', 'litigationAfterReview']],
];
for (const [en, zh, printed, parts] of PARTS) {
  for (const [col, zhCol] of OUTCOME_COLUMN_NAMES) {
    define([`reviewLitigation.${en}.${col}`, `表四.${zh}.${zhCol}`], `表四 ${printed} / ${zhCol}`, (d) =>
      String(parts.reduce((s, p) => s + d.reviewLitigation[p][col], 0)),
    );
  }
}
// Table 二.
for (const [en, zh] of [['rules', '规章'], ['normativeDocuments', '行政规范性文件']] as const) {
  for (const [col, zhCol] of DOC_COLUMNS) {
    define([`proactive.${en}.${col}`, `表二.${zh}.${zhCol}`], `表二 ${zh} / ${zhCol}`, (d) => String(d.proactive[en][col]));
  }
}
for (const [en, zh, unit] of [
  ['licensing', '行政许可', '本年处理决定数量'],
  ['penalty', '行政处罚', '本年处理决定数量'],
  ['coercion', '行政强制', '本年处理决定数量'],
] as const) {
  define([`proactive.${en}`, `表二.${zh}`], `表二 ${zh} / ${unit}`, (d) => String(d.proactive[en]));
}
define(['proactive.fees', '表二.行政事业性收费'], '表二 行政事业性收费 / 本年收费金额（单位：万元）', (d) => d.proactive.fees);
// Report fields.
define(['year', '年度'], '报告年度（如 2021）', (_d, c) => (c.year === undefined ? undefined : String(c.year)));
define(['agency', '机关名称'], '机关名称', (_d, c) => c.agency);

/** Every placeholder name with what it stands for, English paths and Chinese aliases. */
export function placeholderNames(): readonly PlaceholderName[] {
  return catalogue;
}

/** True when `name` (without braces) is a known placeholder name. */
export function isPlaceholderName(name: string): boolean {
  return registry.has(name.trim());
}

/** The names of the placeholders used in a text, in order, with repeats. */
export function findPlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) names.push(m[1]);
  return names;
}

/** The value of one placeholder, or undefined when the name is unknown. */
export function resolvePlaceholder(name: string, derived: DerivedTables, context: PlaceholderContext = {}): string | undefined {
  const get = registry.get(name.trim());
  return get ? get(derived, context) : undefined;
}

/**
 * Replaces every known placeholder in `text` with its figure. Unknown names are left
 * as written and listed (once each, in order of first use) in `unknown`.
 */
export function expandPlaceholders(
  text: string,
  derived: DerivedTables,
  context: PlaceholderContext = {},
): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    const value = resolvePlaceholder(name, derived, context);
    if (value !== undefined) return value;
    if (!unknown.includes(name)) unknown.push(name);
    return whole;
  });
  return { text: out, unknown };
}

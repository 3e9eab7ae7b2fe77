/**
 * The official labels the importer looks for, as comparison keys (docs/IMPORT.md §3): which
 * table a block is, which row a label names, which column a header names.
 */
import {
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  DECISION_ITEMS,
  DOCUMENT_COLUMNS,
  DOCUMENT_ROWS,
  OUTCOME_COLUMNS,
  REVIEW_LITIGATION_PARTS,
  type ApplicationRow,
} from '../catalogue/format-2021';
import { coreKey, labelKey } from './normalize';

/** The three tables, by their index in the catalogue. */
export type TableIndex = 0 | 1 | 2;

/** The rows of 表二 by data key, with the aliases real reports print. */
export const PROACTIVE_ROWS: readonly { key: string; keys: string[]; single: boolean }[] = [
  ...DOCUMENT_ROWS.map((r) => ({ key: r.key, keys: r.key === 'normativeDocuments' ? [labelKey(r.label), '规范性文件'] : [labelKey(r.label)], single: false })),
  ...DECISION_ITEMS.flatMap((i) => i.rows.map((r) => ({ key: r.key, keys: [labelKey(r.label)], single: true }))),
];

/** The three columns of 第二十条第（一）项, by data key, matched by their distinctive words. */
export const PROACTIVE_COLUMNS = DOCUMENT_COLUMNS.map((c) => ({ key: c.key, word: c.key === 'issued' ? '制发' : c.key === 'repealed' ? '废止' : '现行有效' }));

const ROW_CORES = APPLICATION_ROWS.map((r) => coreKey(r.label));

/**
 * The row of 表三 a label names, by its words without the enumerator; a label cut short (a
 * wrapped or abridged “（二）部分公开”) names a row when its first four or more characters
 * start exactly one row's label.
 */
export function applicationRowOf(text: string): ApplicationRow | undefined {
  const key = coreKey(text);
  if (key === '') return undefined;
  const exact = ROW_CORES.indexOf(key);
  // A short label (其他, 总计) names a row only with its enumerator: alone it is a header or a fragment.
  if (exact >= 0 && (key.length >= 4 || labelKey(text) !== key)) return APPLICATION_ROWS[exact];
  if (key.length < 4) return undefined;
  const hits = ROW_CORES.flatMap((c, i) => (c.length >= 4 && (c.startsWith(key) || key.startsWith(c)) ? [i] : []));
  return hits.length === 1 ? APPLICATION_ROWS[hits[0]] : undefined;
}

/** Keys of 表三's seven data columns, in order (six applicant columns, then 总计). */
export const APPLICATION_COLUMN_KEYS = APPLICATION_COLUMNS.map((c) => labelKey(c));

/** Keys of 表四's group headers and its five columns. */
export const REVIEW_GROUP_KEYS = REVIEW_LITIGATION_PARTS.map((p) => labelKey(p.label.replace(/^行政诉讼 /, '')));
export const REVIEW_COLUMN_KEYS = [...OUTCOME_COLUMNS.map((c) => labelKey(c.label)), labelKey('总计')];

const TABLE_WORDS: readonly (readonly string[])[] = [
  ['第二十条第(一)项', '第二十条第(五)项', '第二十条第(六)项', '第二十条第(八)项', '规章', '行政规范性文件', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量'],
  ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '本年度办理结果'],
  ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结'],
];

/** How strongly a cell's text points to each of the three tables (its official labels). */
export function tableVotes(text: string): [number, number, number] {
  const key = labelKey(text);
  const votes: [number, number, number] = [0, 0, 0];
  TABLE_WORDS.forEach((words, t) => {
    if (words.includes(key)) votes[t] += 1;
  });
  if (applicationRowOf(text) && key.length >= 4) votes[1] += 1;
  return votes;
}

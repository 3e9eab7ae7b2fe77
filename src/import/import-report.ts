/**
 * A source document (blocks) → report data: the narrative, the three tables by label with
 * blank cells derived or left `null`, and the account of what was read (docs/IMPORT.md).
 */
import { APPLICATION_ROWS, OUTCOME_COLUMNS, REVIEW_LITIGATION_PARTS } from '../catalogue/format-2021';
import type { SourceDocument, SourceKind, TableBlock } from './blocks';
import { countFigures, deriveFigures, type Figures } from './derive-blanks';
import { ImportError } from './import-error';
import { readSections, type ReportText } from './read-sections';
import { readTables } from './read-tables';

/** A figure cell the importer could not read, for `--json` and the YAML comments. */
export interface UnreadCell {
  path: string;
  place: string;
  reason: string;
}

/** A blank cell the table's arithmetic fixed. */
export interface DerivedCell {
  path: string;
  place: string;
  value: number;
}

/** What `xxgk import` made of a file. */
export interface ImportResult {
  kind: SourceKind;
  /** Report data (contract 1.1); unread cells are `null`. */
  data: Record<string, unknown>;
  text: ReportText;
  figures: Figures;
  unread: UnreadCell[];
  derived: DerivedCell[];
  counts: { table: string; read: number; derived: number; total: number }[];
  /** Section headings found (of six). */
  sections: number;
  /** The last line: how much was read. */
  summary: string;
}

const KIND_NAMES: Record<SourceKind, string> = { txt: '文本文件', docx: 'Word 文件', html: '网页', pdf: 'PDF 文件' };

/** Builds the report data from a source document; throws `ImportError` when it is not a report. */
export function importDocument(doc: SourceDocument): ImportResult {
  const text = readSections(doc);
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const raw = readTables(tables);
  const sections = text.sections.filter(Boolean).length;
  const foundTables = raw.found.filter(Boolean).length;
  if (text.agency === undefined && sections < 2 && foundTables === 0) {
    const paragraphs = doc.blocks.length - tables.length;
    throw new ImportError(
      `这不像政府信息公开工作年度报告：${KIND_NAMES[doc.kind]}中有 ${paragraphs} 段文字、${tables.length} 个表格，` +
        '但没有“××年政府信息公开工作年度报告”的标题、“一、总体情况”等部分标题，也没有表二、表三、表四',
    );
  }
  if (foundTables === 0 && (doc.pictures ?? 0) > 0) {
    throw new ImportError(
      `${KIND_NAMES[doc.kind]}中找到 ${sections} 个部分标题，但没有表二、表三、表四的表格，只有 ${doc.pictures} 个图片或嵌入对象：` +
        '表格以图片或嵌入的电子表格插入时读不出数字，请把表格改为 Word 表格后再导入',
    );
  }
  const figures = deriveFigures(raw);
  const unread: UnreadCell[] = [];
  const derived: DerivedCell[] = [];
  for (const cell of figures.cells) {
    const f = figures.byPath.get(cell.path)!;
    if (f.state === 'unread') unread.push({ path: cell.path, place: cell.place, reason: f.reason });
    else if (f.state === 'derived') derived.push({ path: cell.path, place: cell.place, value: f.value });
  }
  const counts = countFigures(figures).map((c, i) => ({ table: ['表二', '表三', '表四'][i], ...c }));
  const data = buildData(text, figures);
  const tablePart = counts
    .map((c) => `${c.table} ${c.read + c.derived}/${c.total}${c.derived > 0 ? `（其中推算 ${c.derived}）` : ''}`)
    .join('、');
  const summary = `读取了 ${tablePart} 个数，正文 ${sections} 部分`;
  return { kind: doc.kind, data, text, figures, unread, derived, counts, sections, summary };
}

/** The value written for a figure: its number (or “/”), or null when unread. */
export function figureValue(figures: Figures, path: string): number | string | null {
  const f = figures.byPath.get(path);
  if (!f || f.state === 'unread') return null;
  return f.value;
}

function buildData(text: ReportText, figures: Figures): Record<string, unknown> {
  const v = (path: string) => figureValue(figures, path);
  const data: Record<string, unknown> = {};
  data.agency = text.agency ?? null;
  data.year = text.year ?? null;
  if (text.title !== undefined) data.title = text.title;
  if (text.contact !== undefined) data.contact = text.contact;
  if (text.preamble !== undefined) data.preamble = text.preamble;
  if (text.overviewIntro !== undefined) data.overviewIntro = text.overviewIntro;
  if (text.overview !== undefined) data.overview = text.overview;
  data.proactive = {
    rules: { issued: v('proactive.rules.issued'), repealed: v('proactive.rules.repealed'), inForce: v('proactive.rules.inForce') },
    normativeDocuments: {
      issued: v('proactive.normativeDocuments.issued'),
      repealed: v('proactive.normativeDocuments.repealed'),
      inForce: v('proactive.normativeDocuments.inForce'),
    },
    licensing: v('proactive.licensing'),
    penalty: v('proactive.penalty'),
    coercion: v('proactive.coercion'),
    fees: v('proactive.fees'),
  };
  if (text.applicationsIntro !== undefined) data.applicationsIntro = text.applicationsIntro;
  const applications: Record<string, unknown> = {};
  const anyNull = APPLICATION_ROWS.some((r) => [0, 1, 2, 3, 4, 5].some((i) => v(`applications.${r.key}[${i}]`) === null));
  for (const r of APPLICATION_ROWS) {
    if (r.key === 'total' && !anyNull) continue;
    const six = [0, 1, 2, 3, 4, 5].map((i) => v(`applications.${r.key}[${i}]`));
    // A stated total is kept where the row has an unread cell: it is what the source says of them.
    const row = six.some((x) => x === null) ? [...six, v(`applications.${r.key}[6]`)] : six;
    const [group, key] = r.key.includes('.') ? r.key.split('.') : [undefined, r.key];
    if (group) ((applications[group] ??= {}) as Record<string, unknown>)[key] = row;
    else applications[key] = row;
  }
  data.applications = applications;
  const review: Record<string, unknown> = {};
  for (const p of REVIEW_LITIGATION_PARTS) {
    const part: Record<string, unknown> = {};
    for (const c of OUTCOME_COLUMNS) part[c.key] = v(`reviewLitigation.${p.key}.${c.key}`);
    if (Object.values(part).some((x) => x === null)) part.total = v(`reviewLitigation.${p.key}.total`);
    review[p.key] = part;
  }
  data.reviewLitigation = review;
  if (text.problems !== undefined) data.problems = text.problems;
  if (text.otherMatters !== undefined) data.otherMatters = text.otherMatters;
  if (text.signature !== undefined) data.signature = text.signature;
  return data;
}

/**
 * Finds 表二, 表三 and 表四 among a document's table blocks by their official labels, not by
 * position, and reads every figure cell as a raw reading (docs/IMPORT.md §3). Arithmetic on
 * blank cells is `derive-blanks.ts`'s business.
 */
import { APPLICATION_COLUMNS, APPLICATION_ROWS, OUTCOME_GROUPS, REVIEW_LITIGATION_PARTS, OUTCOME_COLUMNS } from '../catalogue/format-2021';
import type { TableBlock, TableCell } from './blocks';
import { positionedRows, stackedValues } from './pdf-cells';
import { cellBoxes, sameBox } from './pdf-rules';
import { sequenceCells, splitSequenceRow } from './sequence-cells';
import { coreKey, labelKey, readCell, type CellReading } from './normalize';
import {
  APPLICATION_COLUMN_KEYS,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
  applicationRowOf,
  tableVotes,
  type TableIndex,
} from './table-labels';

/** A figure cell as the source gives it, before arithmetic: a reading, or why there is none. */
export type RawCell = CellReading | { kind: 'missing'; reason: string; derivable: boolean };

/** Raw readings by the figure's data path (`applications.granted[0]`, `reviewLitigation.review.total`). */
export type RawFigures = Map<string, RawCell>;

/** Which of the three tables were found, and the raw readings of all their cells. */
export interface RawTables {
  found: [boolean, boolean, boolean];
  cells: RawFigures;
}

/** Groups table blocks by the official table they are (a block without labels continues the one before). */
export function classifyTables(blocks: readonly TableBlock[]): TableBlock[][] {
  const groups: TableBlock[][] = [[], [], []];
  let last: TableIndex | undefined;
  for (const b of blocks) {
    const votes = [0, 0, 0];
    for (const row of b.rows) for (const c of row) tableVotes(c.text).forEach((v, i) => (votes[i] += v));
    const best = Math.max(...votes);
    let t: TableIndex | undefined;
    if (best >= 2) t = votes.indexOf(best) as TableIndex;
    else if (best === 0 && last !== undefined) t = last;
    else if (best === 1) t = votes.indexOf(best) as TableIndex;
    if (t === undefined) continue;
    groups[t].push(b);
    last = t;
  }
  return groups;
}

const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
const isValueText = (text: string) => {
  const k = readCell(text).kind;
  return k !== 'other';
};

/** A column found in a header: its extent. */
interface Column {
  x0: number;
  x1: number;
}

/**
 * The cells of a row that lie in a column: real cells inside its span; PDF text nearest to its
 * centre among all the table's columns, and within a column's width of it.
 */
function cellsIn(row: readonly TableCell[], col: Column, layout: TableBlock['layout'], all: readonly Column[]): TableCell[] {
  if (layout !== 'positioned') return row.filter((c) => c.x0 >= col.x0 && c.x1 <= col.x1);
  const mid = (col.x0 + col.x1) / 2;
  return row.filter((c) => {
    const d = Math.abs(centre(c) - mid);
    if (d > Math.max(8, col.x1 - col.x0)) return false;
    return all.every((o) => Math.abs(centre(c) - (o.x0 + o.x1) / 2) >= d);
  });
}

/** The reading of one value position: nothing there is blank; two things are uncertain. */
function readAt(row: readonly TableCell[], col: Column | undefined, layout: TableBlock['layout'], columnName: string, all: readonly Column[]): RawCell {
  if (!col) return { kind: 'missing', reason: `表中没有找到“${columnName}”一列`, derivable: columnName === '总计' };
  const hits = cellsIn(row, col, layout, all);
  if (layout === 'grid' && hits.length === 0) {
    // A value cell merged over several columns (not the official layout) cannot be placed.
    const wide = row.find((c) => c.x0 < col.x1 && c.x1 > col.x0 && c.text.trim() !== '');
    if (wide) return { kind: 'missing', reason: `单元格“${wide.text.trim()}”跨了几列，不能确定属于哪一列`, derivable: false };
  }
  const filled = hits.filter((c) => c.text.trim() !== '');
  if (filled.length === 0) return { kind: 'blank' };
  if (filled.length > 1) {
    return { kind: 'missing', reason: `这一格有几个数（${filled.map((c) => c.text.trim()).join('、')}）`, derivable: false };
  }
  return readCell(filled[0].text);
}

/** Label cells of a row: the text left of the first value column. */
function labelTexts(row: readonly TableCell[], firstValueX: number, layout: TableBlock['layout']): string[] {
  const slack = layout === 'positioned' ? 2 : 0;
  return row.filter((c) => c.x1 <= firstValueX + slack && c.text.trim() !== '').map((c) => c.text);
}

/**
 * Finds header columns: for each key, the cells whose label key equals it (PDF: the fragments of
 * one cell box joined where borders are drawn, else fragments joined downwards).
 */
function findColumns(rows: readonly TableCell[][], keys: readonly string[], layout: TableBlock['layout'], rules?: TableBlock['rules']): (Column[] | undefined)[] {
  const out: (Column[] | undefined)[] = keys.map(() => undefined);
  const add = (i: number, col: Column) => (out[i] ??= []).push(col);
  const boxOf = rules ? cellBoxes(rules) : () => undefined;
  const boxes = new Map(rows.flat().map((c) => [c, boxOf(c)]));
  rows.forEach((row, r) => {
    for (const c of row) {
      const k = labelKey(c.text);
      const i = keys.indexOf(k);
      if (i >= 0) {
        add(i, { x0: c.x0, x1: c.x1 });
        continue;
      }
      if (layout !== 'positioned' || k.length === 0) continue;
      // The whole text of the cell box it lies in, taken once (at its first fragment: rows run top
      // down, cells left to right) when it names a column.
      const box = boxes.get(c);
      const cell = box ? [...boxes].filter(([, b]) => b && sameBox(b, box)).map(([f]) => f) : [];
      const j = cell.length > 1 ? keys.indexOf(labelKey(cell.map((f) => f.text).join(''))) : -1;
      if (j >= 0) {
        if (cell[0] === c) add(j, { x0: Math.min(...cell.map((f) => f.x0)), x1: Math.max(...cell.map((f) => f.x1)) });
        continue;
      }
      // A header wrapped inside a narrow column (“结果/维持”): join the fragments below with the same centre.
      let text = k;
      let x0 = c.x0;
      let x1 = c.x1;
      for (const below of rows.slice(r + 1, r + 7)) {
        // Centred or flush left under it.
        const next = below.find((b) => Math.abs(centre(b) - centre(c)) < 3 || (Math.abs(b.x0 - c.x0) < 2 && b.x1 <= c.x1 + 2));
        if (!next) continue;
        text += labelKey(next.text);
        x0 = Math.min(x0, next.x0);
        x1 = Math.max(x1, next.x1);
        const j = keys.indexOf(text);
        if (j >= 0) {
          add(j, { x0, x1 });
          break;
        }
        if (!keys.some((key) => key.startsWith(text))) break;
      }
    }
  });
  return out;
}

/** The leftmost data-row index of a block: the first row whose label names a row of the table. */
function firstRowWhere(rows: readonly TableCell[][], test: (texts: string[]) => boolean): number {
  for (let i = 0; i < rows.length; i++) if (test(rows[i].map((c) => c.text))) return i;
  return rows.length;
}

// ---------------------------------------------------------------- 表二

function readProactive(blocks: readonly TableBlock[], cells: RawFigures): void {
  const seen = new Set<string>();
  // A page may break between the header row and the rows it heads: the columns carry over.
  let columns: (Column | undefined)[] = PROACTIVE_COLUMNS.map(() => undefined);
  for (const b of blocks) {
    for (const row of b.rows) {
      // A header row of 第二十条第（一）项 names the three columns.
      const found = PROACTIVE_COLUMNS.map((pc) => row.find((c) => labelKey(c.text).includes(pc.word) && labelKey(c.text).length <= 8));
      if (found.every((c) => c)) columns = found.map((c) => ({ x0: c!.x0, x1: c!.x1 }));
      const labelCell = row.find((c) => PROACTIVE_ROWS.some((r) => r.keys.includes(labelKey(c.text))));
      if (!labelCell) continue;
      const spec = PROACTIVE_ROWS.find((r) => r.keys.includes(labelKey(labelCell.text)))!;
      if (seen.has(spec.key)) continue;
      seen.add(spec.key);
      const after = row.filter((c) => c !== labelCell && c.x0 >= labelCell.x1 - 0.5);
      if (spec.single) {
        const values = after.map((c) => c.text.trim()).filter((t) => t !== '');
        const path = `proactive.${spec.key}`;
        if (values.length === 0) cells.set(path, { kind: 'blank' });
        else if (values.length === 1) cells.set(path, readCell(values[0]));
        else {
          cells.set(path, { kind: 'missing', reason: `这一行有几个数（${values.join('、')}）`, derivable: false });
        }
        continue;
      }
      PROACTIVE_COLUMNS.forEach((pc, i) => {
        const path = `proactive.${spec.key}.${pc.key}`;
        if (b.layout === 'sequence') {
          const { values } = splitSequenceRow(row);
          const got = sequenceCells(values, { columns: 3, groups: 1, totals: false });
          cells.set(path, got[i]);
        } else cells.set(path, readAt(row, columns[i], b.layout, DOCUMENT_COLUMN_LABEL[i], columns.filter((c): c is Column => !!c)));
      });
    }
  }
}

const DOCUMENT_COLUMN_LABEL = ['本年制发件数', '本年废止件数', '现行有效件数'];

// ---------------------------------------------------------------- 表三

/** The group labels of 表三 (they span rows and hold no numbers). */
const GROUP_CORES = ['三、本年度办理结果', ...OUTCOME_GROUPS.map((g) => g[1])].map((l) => coreKey(l));

/** Header texts of 表三 that no data row carries. */
const HEADER_ONLY = new Set(['申请人情况', '法人或其他组织', ...APPLICATION_COLUMN_KEYS.slice(0, 5)]);

function readApplications(blocks: readonly TableBlock[], cells: RawFigures): void {
  let columns: (Column | undefined)[] | undefined;
  for (const b of blocks) {
    const first = firstRowWhere(b.rows, (texts) => texts.some((t) => applicationRowOf(t) !== undefined && labelKey(t).length >= 4 && !isValueText(t)));
    if (b.layout !== 'sequence') {
      const found = findColumns(b.rows.slice(0, first), APPLICATION_COLUMN_KEYS, b.layout, b.rules);
      if (found.some((f) => f)) {
        // 总计 is the rightmost (a stray subtotal of 法人或其他组织 may also be called 总计).
        columns = found.map((f) => (f ? f.reduce((a, c) => (c.x0 > a.x0 ? c : a)) : undefined));
        // 其他 among the applicant columns is the one left of 总计.
        const other = found[5];
        const total = columns[6];
        if (other && other.length > 1) columns[5] = other.filter((c) => !total || c.x0 < total.x0).reduce((a, c) => (c.x0 > a.x0 ? c : a), other[0]);
      }
    }
    for (const row of logicalRows(b, first, columns)) {
      if (row.some((c) => HEADER_ONLY.has(labelKey(c.text)))) continue;
      let labels: string[];
      let values: RawCell[];
      if (b.layout === 'sequence') {
        const split = splitSequenceRow(row);
        labels = split.labels;
        values = sequenceCells(split.values, { columns: 7, groups: 1, totals: true });
      } else {
        const known = (columns ?? []).filter((c): c is Column => !!c);
        if (known.length === 0) continue;
        const firstX = Math.min(...known.map((c) => c.x0));
        labels = labelTexts(row, firstX, b.layout);
        values = APPLICATION_COLUMNS.map((name, i) => readAt(row, columns?.[i], b.layout, name, known));
      }
      const matches = labels.map((t) => applicationRowOf(t)).filter((r) => r !== undefined);
      const spec = matches[matches.length - 1];
      if (!spec || cells.has(`applications.${spec.key}[0]`)) continue;
      values.forEach((v, i) => cells.set(`applications.${spec.key}[${i}]`, v));
    }
  }
}

/** The rows of a table from its first data row; PDF text is regrouped into rows first (`pdf-cells.ts`). */
function logicalRows(b: TableBlock, first: number, columns: (Column | undefined)[] | undefined): TableCell[][] {
  const rows = b.rows.slice(first);
  if (b.layout !== 'positioned') return rows;
  const known = (columns ?? []).filter((c): c is Column => !!c);
  if (known.length === 0) return [];
  // A number centred in a row may sit above the first line of its label: take every line below the header.
  const firstX = Math.min(...known.map((c) => c.x0));
  const header = b.rows.slice(0, first).flat().filter((c) => c.x0 >= firstX - 2 && !isValueText(c.text));
  const bottom = Math.min(...header.map((c) => c.y ?? Infinity));
  const lines = [...b.rows.slice(0, first).map((row) => row.filter((c) => (c.y ?? Infinity) < bottom - 0.5)), ...rows];
  return positionedRows(lines, known, (t) => applicationRowOf(t) !== undefined, (t) => GROUP_CORES.includes(coreKey(t)), b.rules);
}

// ---------------------------------------------------------------- 表四

const REVIEW_PATHS = REVIEW_LITIGATION_PARTS.flatMap((p) => [...OUTCOME_COLUMNS.map((c) => c.key), 'total'].map((k) => `reviewLitigation.${p.key}.${k}`));

function readReviewLitigation(blocks: readonly TableBlock[], cells: RawFigures): void {
  for (const b of blocks) {
    const isHeader = (row: readonly TableCell[]) =>
      row.some((c) => {
        const k = labelKey(c.text);
        return REVIEW_COLUMN_KEYS.includes(k) || REVIEW_GROUP_KEYS.includes(k) || k === '行政诉讼' || (b.layout === 'positioned' && /^(结果|其他|尚未|维持|纠正|审结|未经|复议|起诉|行政)/.test(k));
      });
    const dataIndex = b.rows.findIndex((row, i) => i > 0 && !isHeader(row) && row.some((c) => c.text.trim() !== '') && row.every((c) => c.text.trim() === '' || isValueText(c.text)));
    if (dataIndex < 0) continue;
    let data = b.rows[dataIndex];
    if (b.layout === 'sequence') {
      const values = data.map((c) => c.text.trim());
      while (values.length > 0 && values[values.length - 1] === '') values.pop();
      sequenceCells(values, { columns: 15, groups: 3, totals: true }).forEach((v, i) => cells.set(REVIEW_PATHS[i], v));
      return;
    }
    const header = b.rows.slice(0, dataIndex);
    const groups = findColumns(header, REVIEW_GROUP_KEYS, b.layout, b.rules).map((g) => g?.[0]);
    const subs = findColumns(header, REVIEW_COLUMN_KEYS, b.layout, b.rules);
    const placed: (Column | undefined)[] = REVIEW_PATHS.map((_, i) => {
      const group = groups[Math.floor(i / 5)];
      // PDF text gives a group header's words, not its cell: a column belongs to the nearest group.
      const nearest = (c: Column) => {
        const d = groups.map((g) => (g ? Math.abs(centre(g) - centre(c)) : Infinity));
        return d.indexOf(Math.min(...d));
      };
      const within = group
        ? subs[i % 5]?.filter((c) => (b.layout === 'positioned' ? nearest(c) === Math.floor(i / 5) : centre(c) > group.x0 && centre(c) < group.x1))
        : undefined;
      return within && within.length === 1 ? within[0] : undefined;
    });
    // When all fifteen sub-headers are found in their printed order, the order places them (group
    // headers may be set flush left, far from the columns they head).
    const inOrder = subs
      .flatMap((cols, k) => (cols ?? []).map((c) => ({ k, c })))
      .sort((a, b) => centre(a.c) - centre(b.c));
    if (inOrder.length === 15 && inOrder.every((s, i) => s.k === i % 5)) inOrder.forEach((s, i) => (placed[i] = s.c));
    const all = placed.filter((c): c is Column => !!c);
    if (b.layout === 'positioned') {
      // The data row may wrap over several lines, its first above the header's last: every
      // number below the header's lowest word, up to the next text.
      const head = header.flat().filter((c) => !isValueText(c.text));
      const bottom = Math.min(...head.map((c) => c.y ?? Infinity));
      const rest = b.rows.slice(dataIndex);
      const end = rest.findIndex((row) => row.some((c) => c.text.trim() !== '' && !isValueText(c.text)));
      const cells = [...header.flat(), ...(end < 0 ? rest : rest.slice(0, end)).flat()].filter((c) => isValueText(c.text) && (c.y ?? Infinity) < bottom - 0.5);
      data = stackedValues(cells, all);
    }
    REVIEW_LITIGATION_PARTS.forEach((part, p) => {
      REVIEW_COLUMN_KEYS.forEach((_, k) => {
        const path = REVIEW_PATHS[p * 5 + k];
        const name = `${part.label} ${k < 4 ? OUTCOME_COLUMNS[k].label : '总计'}`;
        const col = placed[p * 5 + k];
        if (!col) {
          cells.set(path, { kind: 'missing', reason: `表中没有找到“${name}”一列`, derivable: k === 4 });
          return;
        }
        cells.set(path, readAt(data, col, b.layout, name, all));
      });
    });
    return;
  }
}

/** Reads the three tables from a document's table blocks. */
export function readTables(blocks: readonly TableBlock[]): RawTables {
  const [t2, t3, t4] = classifyTables(blocks);
  const cells: RawFigures = new Map();
  readProactive(t2, cells);
  readApplications(t3, cells);
  readReviewLitigation(t4, cells);
  return { found: [t2.length > 0, t3.length > 0, t4.length > 0], cells };
}

/** Every 表三 path, for callers that walk the table. */
export const APPLICATION_PATHS = APPLICATION_ROWS.flatMap((r) => [0, 1, 2, 3, 4, 5, 6].map((i) => `applications.${r.key}[${i}]`));
export { REVIEW_PATHS };

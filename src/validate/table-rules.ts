/**
 * The 勾稽关系 of tables 三 and 四 (docs/FORMAT.md §C: T3-R1..R3, T4-R1..R3), run on the raw
 * data leniently: a cell the schema check refused is skipped, never read as 0.
 * (T2-R1, T3-R4 and T4-R4 are cell checks made by the schema walk.)
 */
import { joinPath, nearestLine, type SourceMap } from '../load/source-map';
import {
  APPLICATION_ROWS,
  CARRIED_FORWARD,
  CARRIED_OVER,
  NEWLY_RECEIVED,
  OUTCOME_COLUMNS,
  OUTCOME_ROWS,
  OUTCOME_TOTAL,
  REVIEW_LITIGATION_PARTS,
} from '../catalogue/format-2021';
import type { Diagnostic } from './diagnostic';
import { applicationColumnLabel, applicationRowLabel } from './labels';
import { lenientCount, lenientRow, own, sum, type LenientRow } from './read';

/** The derived 21-row sum per applicant column (undefined where a cell is unusable). */
export function derivedOutcomeTotals(applications: unknown): (number | undefined)[] {
  const rows = OUTCOME_ROWS.map((r) => lenientRow(applications, r.key));
  return [0, 1, 2, 3, 4, 5].map((i) => sum(rows.map((r) => r.cells[i])));
}

/** Seven figures of a row: six cells and their sum. */
export function sevenOf(row: LenientRow): (number | undefined)[] {
  return [...row.cells, sum(row.cells)];
}

/** The path of a column of a table-三 row (the row itself for 总计). */
export function cellPath(key: string, col: number): string {
  const rowPath = `applications.${key}`;
  return col < 6 ? joinPath(rowPath, col) : rowPath;
}

/** Table 三: T3-R1, T3-R2, T3-R3. */
export function checkApplications(data: unknown, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const apps = own(data, 'applications');
  const add = (code: string, path: string, message: string) =>
    out.push({ severity: 'error', code, path, line: nearestLine(map, path), message });

  // T3-R1: 一 + 二 = （七）总计 + 四, per column; 总计 only when no applicant column failed
  // (it is their sum, so it would restate the same difference).
  const a = sevenOf(lenientRow(apps, NEWLY_RECEIVED.key));
  const b = sevenOf(lenientRow(apps, CARRIED_OVER.key));
  const outcome = derivedOutcomeTotals(apps);
  const t = [...outcome, sum(outcome)];
  const f = sevenOf(lenientRow(apps, CARRIED_FORWARD.key));
  let failed = false;
  for (let col = 0; col < 7; col++) {
    if (a[col] === undefined || b[col] === undefined || t[col] === undefined || f[col] === undefined) continue;
    const left = a[col]! + b[col]!;
    const right = t[col]! + f[col]!;
    if (left === right || (col === 6 && failed)) continue;
    failed = true;
    add(
      'T3-R1',
      cellPath(NEWLY_RECEIVED.key, col),
      `${applicationRowLabel(NEWLY_RECEIVED.key)} / ${applicationColumnLabel(col)}：一+二=${left}，（七）总计+四=${right}，` +
        `不符合“第一项加第二项之和，等于第三项加第四项之和”` +
        `（一、本年新收 ${a[col]} + 二、上年结转 ${b[col]}；（七）总计 ${t[col]} + 四、结转下年度继续办理 ${f[col]}）`,
    );
  }

  // T3-R2: a stated （七）总计 row equals the sum of the 21 outcome rows, per applicant
  // column (its own 7th number is checked against its six by T3-R3).
  const stated = own(apps, 'total');
  if (stated !== undefined) {
    const row = lenientRow(apps, OUTCOME_TOTAL.key);
    for (let col = 0; col < 6; col++) {
      const s = row.cells[col], d = outcome[col];
      if (s === undefined || d === undefined || s === d) continue;
      add(
        'T3-R2',
        cellPath(OUTCOME_TOTAL.key, col),
        `${applicationRowLabel(OUTCOME_TOTAL.key)} / ${applicationColumnLabel(col)}：填写的总计为${s}，` +
          `但（一）至（六）各项之和为${d}（总计由程序计算，可删除 total 这一行）`,
      );
    }
  }

  // T3-R3: a stated 7th number equals the sum of the row's six applicant columns.
  for (const r of APPLICATION_ROWS) {
    const row = lenientRow(apps, r.key);
    if (!row.hasStated || row.stated === undefined) continue;
    const s6 = sum(row.cells);
    if (s6 === undefined || s6 === row.stated) continue;
    add(
      'T3-R3',
      `applications.${r.key}[6]`,
      `${applicationRowLabel(r.key)} / 总计：填写的总计为${row.stated}，但六类申请人之和为${s6}` +
        `（${row.cells.join('+')}=${s6}；总计由程序计算，可只填前6个数）`,
    );
  }
  return out;
}

/** Table 四: T4-R1..R3, a stated 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function checkReviewLitigation(data: unknown, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rl = own(data, 'reviewLitigation');
  REVIEW_LITIGATION_PARTS.forEach((part, i) => {
    const block = own(rl, part.key);
    if (own(block, 'total') === undefined) return;
    const stated = lenientCount(block, 'total');
    const parts = OUTCOME_COLUMNS.map((c) => lenientCount(block, c.key));
    const s = sum(parts);
    if (stated === undefined || s === undefined || stated === s) return;
    const path = `reviewLitigation.${part.key}.total`;
    out.push({
      severity: 'error',
      code: `T4-R${i + 1}`,
      path,
      line: nearestLine(map, path),
      message:
        `表四 ${part.label} / 总计：填写的总计为${stated}，但` +
        `${OUTCOME_COLUMNS.map((c, j) => `${c.label}${parts[j]}`).join('+')}=${s}（总计由程序计算，可删除 total）`,
    });
  });
  return out;
}

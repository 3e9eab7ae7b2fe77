/**
 * Cross-year rules against last year's report of the same agency (docs/FORMAT.md §C):
 * X1 四、结转下年度继续办理 (N−1) = 二、上年结转 (N), per column (error);
 * X2 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N) for 规章 and
 * 行政规范性文件 (warning: clean-ups legitimately break it; acknowledge with a reason).
 * X0 says when last year's data cannot be used for them.
 */
import { nearestLine, type SourceMap } from '../load/source-map';
import { CARRIED_FORWARD, CARRIED_OVER, DOCUMENT_ROWS } from '../catalogue/format-2021';
import type { Diagnostic } from './diagnostic';
import { applicationColumnLabel, applicationRowLabel } from './labels';
import { isRecord, lenientCount, lenientRow, own } from './read';
import { cellPath, sevenOf } from './table-rules';

export function checkCrossYear(data: unknown, previous: unknown, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (severity: Diagnostic['severity'], code: string, path: string, message: string) =>
    out.push({ severity, code, path, line: nearestLine(map, path), message });

  if (!isRecord(data)) return out;
  if (!isRecord(previous)) {
    add('warning', 'X0', '', '上一年度的报告数据无法读取（不是“键: 值”形式），未做跨年度核对');
    return out;
  }
  const year = own(data, 'year');
  const prevYear = own(previous, 'year');
  if (typeof year === 'number' && prevYear !== year - 1) {
    add(
      'warning',
      'X0',
      'year',
      `上一年度报告的年度是${typeof prevYear === 'number' ? prevYear : '（未填写）'}，不是${year - 1}，未做跨年度核对（X1、X2）`,
    );
    return out;
  }
  const agency = own(data, 'agency');
  const prevAgency = own(previous, 'agency');
  if (typeof agency === 'string' && typeof prevAgency === 'string' && agency.trim() !== prevAgency.trim()) {
    add('warning', 'X0', 'agency', `上一年度报告的机关名称是“${prevAgency}”，与本报告“${agency}”不同，请确认是同一机关（仍按其数据核对）`);
  }
  const py = typeof prevYear === 'number' ? `${prevYear}年` : '上一年度';

  // X1, per column; 总计 only when no applicant column differs (it is their sum).
  const now = sevenOf(lenientRow(own(data, 'applications'), CARRIED_OVER.key));
  const before = sevenOf(lenientRow(own(previous, 'applications'), CARRIED_FORWARD.key));
  let failed = false;
  for (let col = 0; col < 7; col++) {
    const n = now[col], p = before[col];
    if (n === undefined || p === undefined || n === p || (col === 6 && failed)) continue;
    failed = true;
    add(
      'error',
      'X1',
      cellPath(CARRIED_OVER.key, col),
      `${applicationRowLabel(CARRIED_OVER.key)} / ${applicationColumnLabel(col)}：本年填写${n}，` +
        `但${py}报告的 四、结转下年度继续办理 / ${applicationColumnLabel(col)} 为${p}，两者应相等`,
    );
  }

  // X2, per row of 第二十条第（一）项.
  const cur = own(data, 'proactive');
  const prev = own(previous, 'proactive');
  for (const row of DOCUMENT_ROWS) {
    const c = own(cur, row.key), p = own(prev, row.key);
    const issued = lenientCount(c, 'issued');
    const repealed = lenientCount(c, 'repealed');
    const inForce = lenientCount(c, 'inForce');
    const prevInForce = lenientCount(p, 'inForce');
    if (issued === undefined || repealed === undefined || inForce === undefined || prevInForce === undefined) continue;
    const expected = prevInForce + issued - repealed;
    if (expected === inForce) continue;
    add(
      'warning',
      'X2',
      `proactive.${row.key}`,
      `表二 第二十条第（一）项 ${row.label} / 现行有效件数：本年填写${inForce}，` +
        `但${py}现行有效${prevInForce}+本年制发${issued}−本年废止${repealed}=${expected}。` +
        `集中清理、失效等情况可能造成差异，核实后可在 acknowledged 中写明理由确认`,
    );
  }
  return out;
}

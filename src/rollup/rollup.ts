/**
 * Roll-up (汇总): a parent's data file whose 表二, 表三 and 表四 are the sums of its
 * children's (`./summed-figures`). Children with data errors are left out and listed, so
 * one unit's mistake cannot pass into the county's figures; two children of the same
 * agency, or of different years, are refused. The narrative is left out on purpose: the
 * narrative rules (N5, N6) then ask people to write it.
 */
import { FORMAT_2021 } from '../catalogue/format-2021';
import { levelOfAgency } from '../model/level';
import type { CheckedReport } from '../pipeline/check-report';
import { normalizeName } from '../roster/normalize-name';
import { countDiagnostics } from '../validate/diagnostic';
import { figureValue, sumFigure, SUMMED_FIGURES, type FigureValue } from './summed-figures';

/** A child as read and checked. */
export interface RollupChild {
  file: string;
  checked: CheckedReport;
}

/** A child left out of the sums, and why. */
export interface LeftOut {
  file: string;
  agency?: string;
  reason: string;
}

/** What a roll-up gives: the parent's data, the children summed and those left out. */
export interface RollupResult {
  data: Record<string, unknown>;
  included: { file: string; agency: string }[];
  leftOut: LeftOut[];
}

/** A mistake in the set of children (duplicate agencies, mixed years): nothing is written. */
export class RollupError extends Error {}

/** Sets a figure path (`applications.denied.stateSecret[1]`) in nested data, making objects and arrays on the way. */
function setAt(data: Record<string, unknown>, path: string, value: FigureValue): void {
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  let node: Record<string, unknown> = data;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      node[part] = value;
      return;
    }
    if (node[part] === undefined) node[part] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    node = node[part] as Record<string, unknown>;
  });
}

/** Sums the children into the parent's data; throws `RollupError` for duplicate agencies or mixed years. */
export function rollUp(children: readonly RollupChild[], parent: { agency: string; year: number }): RollupResult {
  const leftOut: LeftOut[] = [];
  const kept: { file: string; report: NonNullable<CheckedReport['report']> }[] = [];
  for (const c of children) {
    const errors = c.checked.diagnostics.filter((d) => d.severity === 'error');
    if (!c.checked.report || countDiagnostics(c.checked.diagnostics).errors > 0) {
      const first = errors[0];
      const reason = `数据有 ${errors.length} 个错误${first ? `（如 ${first.code}${first.line ? ` 第${first.line}行` : ''}：${first.message}）` : ''}`;
      leftOut.push({ file: c.file, agency: c.checked.report?.agency, reason });
    } else kept.push({ file: c.file, report: c.checked.report });
  }
  const byName = new Map<string, string>();
  for (const k of kept) {
    const key = normalizeName(k.report.agency);
    const other = byName.get(key);
    if (other) throw new RollupError(`${k.file} 与 ${other} 是同一个单位（${k.report.agency}）的报告：每个单位只能计入一次，请删去其中一份`);
    byName.set(key, k.file);
  }
  const years = [...new Set(kept.map((k) => k.report.year))];
  if (years.length > 1) {
    const list = years.map((y) => `${y}年：${kept.filter((k) => k.report.year === y).map((k) => k.file).join('、')}`).join('；');
    throw new RollupError(`下级报告的年度不一致（${list}），不能汇总`);
  }
  if (years.length === 1 && years[0] !== parent.year) {
    throw new RollupError(`下级报告是 ${years[0]} 年度的，而 --year 是 ${parent.year}：请核对年度`);
  }
  if (kept.length === 0) throw new RollupError('没有可以汇总的下级报告（都有数据错误或没有提供）');

  const level = levelOfAgency(parent.agency);
  // A name that does not settle the level (a 乡镇) leaves it out, so D2 asks for it.
  const data: Record<string, unknown> = { agency: parent.agency, year: parent.year, format: FORMAT_2021.format, ...(level === 'unclear' ? {} : { level }) };
  for (const f of SUMMED_FIGURES) setAt(data, f.path, sumFigure(f, kept.map((k) => figureValue(k.report, f.path))));
  return { data, included: kept.map((k) => ({ file: k.file, agency: k.report.agency })), leftOut };
}

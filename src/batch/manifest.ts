import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../errors/usage-error';
import type { Report } from '../model/schema';
import { figureValue, sameFigure, sumFigure, SUMMED_FIGURES } from '../rollup/summed-figures';
import { checkReportFile } from '../pipeline/check-report';
import type { Diagnostic } from '../validate/diagnostic';

/** A parent report (e.g. a county government) and the reports it sums (its departments). */
export interface Rollup {
  parent: string;
  children: string[];
}

/**
 * Reads a batch manifest: a YAML/JSON list of `{ parent, children }`, file paths relative to
 * the manifest. Throws `UsageError` with a Chinese message when it is malformed.
 */
export function loadManifest(file: string): Rollup[] {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`汇总关系文件 ${file} 无法读取：${(e as Error).message.split('\n')[0]}`);
  }
  const base = dirname(file);
  if (!Array.isArray(data)) throw new UsageError(`汇总关系文件 ${file} 应为列表，每项形如 { parent: 上级.yaml, children: [下级1.yaml, 下级2.yaml] }`);
  return data.map((item, i) => {
    const r = item as { parent?: unknown; children?: unknown };
    if (typeof r?.parent !== 'string' || !Array.isArray(r.children) || r.children.length === 0 || !r.children.every((c) => typeof c === 'string')) {
      throw new UsageError(`汇总关系文件 ${file} 第${i + 1}项应写明 parent（上级报告文件）和 children（下级报告文件列表）`);
    }
    return { parent: resolve(base, r.parent), children: (r.children as string[]).map((c) => resolve(base, c)) };
  });
}

function reportOf(file: string): Report | undefined {
  return checkReportFile(file).report;
}

/**
 * Rule B1 (warning): each of a parent's summed figures (表二, 表三 and 表四: `SUMMED_FIGURES`,
 * the cells `xxgk rollup` adds up, summed the same way) equals the sum of its children's,
 * cell by cell. Returns the findings by parent file (resolved path).
 */
export function checkRollups(rollups: readonly Rollup[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const { parent, children } of rollups) {
    const found: Diagnostic[] = [];
    const p = reportOf(parent);
    const kids = children.map((c) => ({ file: c, report: reportOf(c) }));
    const unreadable = [...(p ? [] : [parent]), ...kids.filter((k) => !k.report).map((k) => k.file)];
    if (!p || unreadable.length > 0) {
      found.push({ severity: 'warning', code: 'B1', path: '', message: `汇总核对未进行：${unreadable.join('、')} 的数据有格式错误` });
      out.set(parent, found);
      continue;
    }
    // Only stated cells: totals are sums of them, so they agree when every stated cell does.
    for (const f of SUMMED_FIGURES) {
      const want = sumFigure(f, kids.map((k) => figureValue(k.report, f.path)));
      const got = figureValue(p, f.path);
      if (!sameFigure(f, got, want)) {
        found.push({ severity: 'warning', code: 'B1', path: f.path, message: `${f.place}：本报告为${got}，下级报告合计为${want}（${children.length}份）` });
      }
    }
    out.set(parent, found);
  }
  return out;
}

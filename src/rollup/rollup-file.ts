/**
 * The roll-up as a file: the children read from files and folders, the parent's data
 * written as YAML (with a comment naming what was summed), JSON or a workbook.
 */
import { extname, resolve } from 'node:path';
import { stringify } from 'yaml';
import { collectInputs } from '../batch/collect-inputs';
import { whyNotAReport } from '../batch/report-file';
import { UsageError } from '../errors/usage-error';
import { checkReportFile, parseReportBytes, readInputBytes } from '../pipeline/check-report';
import { rollUp, type RollupChild, type RollupResult } from './rollup';

/** The children named by files and folders (every report file inside, sorted), leaving out `outFile` itself and files that are not reports. */
export function readChildren(paths: readonly string[], outFile: string): { children: RollupChild[]; notReports: string[] } {
  const inputs = collectInputs(paths, outFile);
  const children: RollupChild[] = [];
  const notReports: string[] = [];
  for (const input of inputs) {
    if (resolve(input.file) === resolve(outFile)) continue;
    if (input.skip) {
      notReports.push(input.file);
      continue;
    }
    const checked = checkReportFile(input.file);
    if (!checked.report && !checked.diagnostics.some((d) => d.code === 'PARSE' || d.code === 'XLSX')) {
      const parsed = parseReportBytes(readInputBytes(input.file), input.file);
      if (whyNotAReport(parsed.data)) {
        notReports.push(input.file);
        continue;
      }
    }
    children.push({ file: input.file, checked });
  }
  if (children.length === 0) throw new UsageError(`${paths.join('、')} 中没有下级报告数据文件`);
  return { children, notReports };
}

/** The bytes of the rolled-up parent for the output's extension. */
export async function rollupBytes(result: RollupResult, outFile: string): Promise<string | Buffer> {
  const ext = extname(outFile).toLowerCase();
  if (ext === '.json') return JSON.stringify(result.data, null, 2) + '\n';
  if (ext === '.xlsx') {
    const { writeReportWorkbook } = require('../workbook/write-workbook') as typeof import('../workbook/write-workbook');
    return writeReportWorkbook(result.data);
  }
  if (ext !== '.yaml' && ext !== '.yml') throw new UsageError(`${outFile}：汇总文件应为 .yaml、.json 或 .xlsx`);
  const head = [
    `# ${result.data.agency}${result.data.year}年政府信息公开工作年度报告：汇总数据`,
    `# 由 xxgk rollup 生成：表二、表三、表四为以下 ${result.included.length} 份下级报告之和（“/”不计入；各单位都是“/”的仍为“/”）。`,
    ...result.included.map((c) => `#   ${c.agency}（${c.file}）`),
    ...(result.leftOut.length ? ['# 有数据错误、未计入的报告：', ...result.leftOut.map((c) => `#   ${c.agency ?? c.file}（${c.file}）：${c.reason}`)] : []),
    '# 正文（一、总体情况，五、存在的主要问题及改进情况，六、其他需要报告的事项）需要填写。',
    '',
  ];
  return head.map((l) => l.replace(/\n/g, ' ')).join('\n') + stringify(result.data, { lineWidth: 0 });
}

export { rollUp };

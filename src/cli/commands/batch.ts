import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { failsBatch, OUTSIDE_LABEL, STATUS_LABEL } from '../../batch/batch-status';
import { statusCounts, type ReportOutcome } from '../../batch/summary';
import { EXIT, UsageError } from '../exit-codes';
import { renderSettingsOf, withRenderOptions, type RenderArgs } from '../render-options';

interface BatchArgs extends RenderArgs {
  inputs: string[];
  out: string;
  jobs?: number;
  json: boolean;
  manifest?: string;
  roster?: string;
  combined?: string;
  coverTitle?: string;
  issuer?: string;
}

/** Why a skipped file was skipped: its one SKIP note. */
const skipReason = (o: ReportOutcome): string => o.diagnostics[0]?.message ?? '';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `xxgk batch <inputs…> -o DIR`: renders many reports with a worker pool. */
export function batchCommand(setExit: (code: number) => void): CommandModule<object, BatchArgs> {
  return {
    command: 'batch <inputs..>',
    describe: '批量生成：多个数据文件或文件夹（其中的 .yaml/.yml/.json 报告），有问题的记入汇总后继续，不是报告的文件跳过',
    builder: (y) =>
      withRenderOptions(
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: '数据文件或文件夹' })
          .option('out', { alias: 'o', type: 'string', demandOption: true, describe: '输出文件夹（含 summary.json、summary.csv）' })
          .option('jobs', { alias: 'j', type: 'number', describe: '并行线程数（默认每 250 份报告一个线程，最多为 CPU 核数）' })
          .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出汇总' })
          .option('manifest', { type: 'string', describe: '汇总关系文件：列出上级报告及其下级报告，核对上级的表二、表三、表四等于下级之和（B1，警告）' })
          .option('roster', { type: 'string', describe: '应报单位名单（.csv、.xlsx 或 .yaml）：列出未报送的单位和名单外的报告' })
          .option('combined', { type: 'string', describe: '另外生成一本汇编 PDF（封面、目录、各单位报告），只收“完成”的报告' })
          .option('cover-title', { type: 'string', describe: '汇编封面的标题（默认“政府信息公开工作年度报告汇编”）' })
          .option('issuer', { type: 'string', describe: '汇编封面上的编印单位，如 某某县人民政府办公室' }),
      ) as never,
    handler: async (args) => {
      if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) throw new UsageError(`-j 应为正整数，而不是 ${args.jobs}`);
      // A batch's rules file is its root folder's (one folder given), never a unit's own folder.
      const folders = args.inputs.filter((i) => isDirectory(i));
      const settings = renderSettingsOf(args, args.inputs.length === 1 && folders.length === 1 ? folders[0] : process.cwd());
      // Workers write their reports' files through libuv's thread pool (four threads unless
      // set), where each fsync holds a thread until the disk answers: with every thread in
      // an fsync, workers wait for the next write to start. Read when the pool starts, which
      // is later than here: nothing before a batch works in the background.
      process.env.UV_THREADPOOL_SIZE ??= String(Math.min(64, 4 * (args.jobs ?? availableParallelism())));
      const { renderBatch } = require('../../batch/run-batch') as typeof import('../../batch/run-batch');
      const tty = !args.json && process.stderr.isTTY === true;
      // The progress bar only on a terminal: redirected or --json, its package is not loaded.
      const progress = tty ? (require('cli-progress') as typeof import('cli-progress')) : undefined;
      const bar = progress ? new progress.SingleBar({ format: '{bar} {value}/{total} 份 | {file}', hideCursor: true, stream: process.stderr }, progress.Presets.shades_classic) : undefined;
      let started = false;
      const onReport = (o: ReportOutcome, done: number, total: number) => {
        if (bar) {
          if (!started) bar.start(total, 0, { file: '' });
          started = true;
          bar.update(done, { file: o.file });
        } else if (!args.json) {
          const detail = o.status === 'skipped' ? `（${skipReason(o)}）` : `（错误 ${o.errors}，警告 ${o.warnings}）`;
          process.stderr.write(`[${done}/${total}] ${STATUS_LABEL[o.status]} ${o.file}${detail}\n`);
        }
      };
      const rollups = args.manifest ? (require('../../batch/manifest') as typeof import('../../batch/manifest')).loadManifest(args.manifest) : undefined;
      const roster = args.roster ? (require('../../roster/read-roster') as typeof import('../../roster/read-roster')).readRoster(args.roster) : undefined;
      if ((args.coverTitle !== undefined || args.issuer !== undefined) && !args.combined) throw new UsageError('--cover-title 和 --issuer 只与 --combined 同用');
      if (args.combined !== undefined && !/\.pdf$/i.test(args.combined)) throw new UsageError(`--combined 应为 .pdf 文件，而不是 ${args.combined}`);
      const combined = args.combined ? { file: args.combined, coverTitle: args.coverTitle, issuer: args.issuer } : undefined;
      const summary = await renderBatch(args.inputs, { outDir: args.out, settings, jobs: args.jobs, onReport, rollups, roster, combined });
      bar?.stop();
      const peakRssMb = (require('../../util/peak-memory') as typeof import('../../util/peak-memory')).peakMemoryMb();
      if (args.json) {
        process.stdout.write(JSON.stringify({ ...summary, peakRssMb }) + '\n');
      } else {
        for (const r of summary.results.filter((x) => failsBatch(x.status))) {
          process.stderr.write(`${r.file}: ${STATUS_LABEL[r.status]}，错误 ${r.errors} 个\n`);
          for (const d of r.diagnostics.filter((x) => x.severity === 'error')) process.stderr.write(`  ${d.code} ${d.line ? `第${d.line}行 ` : ''}${d.message}\n`);
        }
        for (const r of summary.results.filter((x) => x.status === 'skipped')) process.stderr.write(`${r.file}: ${STATUS_LABEL.skipped}（${skipReason(r)}）\n`);
        for (const r of summary.results.filter((x) => x.outside)) {
          const near = r.suggestions?.length ? `；名单中相近的单位：${r.suggestions.join('、')}（请核对名称）` : '';
          process.stderr.write(`${r.file}: ${OUTSIDE_LABEL}（${r.agency ?? '机关名称未能读取'} 不在应报单位名单中${near}）\n`);
        }
        const missing = summary.results.filter((x) => x.status === 'missing');
        if (missing.length) process.stderr.write(`${STATUS_LABEL.missing} ${missing.length} 个单位：${missing.map((r) => r.agency).join('、')}\n`);
        if (settings.formats.includes('html')) {
          const { listedReports } = require('../../batch/index-page') as typeof import('../../batch/index-page');
          const listed = listedReports(summary).length;
          const left = summary.errors > 0 ? `；${STATUS_LABEL.errors}的 ${summary.errors} 份未列入，改正后重新生成` : '';
          process.stdout.write(`网页目录 ${join(args.out, 'index.html')} 列出 ${listed} 份${left}\n`);
        }
        if (summary.combined?.error) process.stderr.write(`${summary.combined.error}\n`);
        else if (summary.combined) {
          for (const w of summary.combined.warnings ?? []) process.stderr.write(`${summary.combined.file}: 警告 ${w}\n`);
          process.stdout.write(`汇编 ${summary.combined.file}：${summary.combined.reports} 份报告，共 ${summary.combined.pages} 页\n`);
        }
        process.stdout.write(`${statusCounts(summary)}；汇总见 ${join(args.out, 'summary.csv')}\n`);
      }
      setExit(summary.results.some((r) => failsBatch(r.status)) || summary.combined?.error ? EXIT.dataError : EXIT.ok);
    },
  };
}

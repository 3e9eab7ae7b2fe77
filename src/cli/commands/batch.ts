import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { ReportOutcome } from '../../batch/summary';
import { UsageError } from '../../errors/usage-error';
import { EXIT } from '../exit-codes';
import { renderSettingsOf, withRenderOptions, type RenderArgs } from '../render-options';

interface BatchArgs extends RenderArgs {
  inputs: string[];
  out: string;
  jobs?: number;
  json: boolean;
  manifest?: string;
}

const STATUS = { ok: '完成', failed: '失败', refused: '未生成' } as const;

/** `xxgk batch <inputs…> -o DIR`: renders many reports with a worker pool. */
export function batchCommand(setExit: (code: number) => void): CommandModule<object, BatchArgs> {
  return {
    command: 'batch <inputs..>',
    describe: '批量生成：多个数据文件或文件夹（其中所有 .yaml/.yml/.json），出错的跳过并记入汇总',
    builder: (y) =>
      withRenderOptions(
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: '数据文件或文件夹' })
          .option('out', { alias: 'o', type: 'string', demandOption: true, describe: '输出文件夹（含 summary.json、summary.csv）' })
          .option('jobs', { alias: 'j', type: 'number', describe: '并行线程数（默认为 CPU 核数）' })
          .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出汇总' })
          .option('manifest', { type: 'string', describe: '汇总关系文件：列出上级报告及其下级报告，核对上级的表三、表四等于下级之和（B1，警告）' }),
      ) as never,
    handler: async (args) => {
      if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) throw new UsageError(`-j 应为正整数，而不是 ${args.jobs}`);
      const settings = renderSettingsOf(args);
      const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
      const { renderBatch } = require('../../batch/run-batch') as typeof import('../../batch/run-batch');
      const tty = !args.json && process.stderr.isTTY === true;
      const bar = tty ? new SingleBar({ format: '{bar} {value}/{total} 份 | {file}', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : undefined;
      let started = false;
      const onReport = (o: ReportOutcome, done: number, total: number) => {
        if (bar) {
          if (!started) bar.start(total, 0, { file: '' });
          started = true;
          bar.update(done, { file: o.file });
        } else if (!args.json) {
          process.stderr.write(`[${done}/${total}] ${STATUS[o.status]} ${o.file}（错误 ${o.errors}，警告 ${o.warnings}）\n`);
        }
      };
      const rollups = args.manifest ? (require('../../batch/manifest') as typeof import('../../batch/manifest')).loadManifest(args.manifest) : undefined;
      const summary = await renderBatch(args.inputs, { outDir: args.out, settings, jobs: args.jobs, onReport, rollups });
      bar?.stop();
      const peakRssMb = process.resourceUsage().maxRSS / 1024;
      if (args.json) {
        process.stdout.write(JSON.stringify({ ...summary, peakRssMb }) + '\n');
      } else {
        for (const r of summary.results.filter((x) => x.status !== 'ok' || x.errors > 0)) {
          process.stderr.write(`${r.file}: ${STATUS[r.status]}，错误 ${r.errors} 个\n`);
          for (const d of r.diagnostics.filter((x) => x.severity === 'error')) process.stderr.write(`  ${d.code} ${d.line ? `第${d.line}行 ` : ''}${d.message}\n`);
        }
        process.stdout.write(
          `共 ${summary.reports} 份：成功 ${summary.ok}，失败 ${summary.failed}，因错误未生成 ${summary.refused}；汇总见 ${join(args.out, 'summary.csv')}\n`,
        );
        if (settings.formats.includes('html')) {
          const { listedReports } = require('../../batch/index-page') as typeof import('../../batch/index-page');
          const listed = listedReports(summary).length;
          const left = summary.ok - listed;
          process.stdout.write(`网页目录 ${join(args.out, 'index.html')} 列出 ${listed} 份${left > 0 ? `；有数据错误的 ${left} 份未列入，改正后重新生成` : ''}\n`);
        }
      }
      const failed = summary.failed > 0 || summary.refused > 0 || (settings.strict && summary.withErrors > 0);
      setExit(failed ? EXIT.dataError : EXIT.ok);
    },
  };
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { writeFileAtomic } from '../../util/atomic-write';
import { EXIT, UsageError } from '../exit-codes';

interface RollupArgs {
  children?: string[];
  out: string;
  agency: string;
  year?: number;
  manifest?: string;
  force: boolean;
}

/** The children of the manifest entry whose parent is the output file, or of its only entry. */
function manifestChildren(manifest: string, out: string): string[] {
  const { loadManifest } = require('../../batch/manifest') as typeof import('../../batch/manifest');
  const entries = loadManifest(manifest);
  const entry = entries.find((e) => resolve(e.parent) === resolve(out)) ?? (entries.length === 1 ? entries[0] : undefined);
  if (!entry) throw new UsageError(`汇总关系文件 ${manifest} 有 ${entries.length} 项，其中没有 parent 为 ${out} 的一项：请用 -o 写明要生成的上级报告文件`);
  return entry.children;
}

/** `xxgk rollup CHILD… -o 汇总.yaml --agency … --year …`: a parent's data file whose tables are its children's sums. */
export function rollupCommand(setExit: (code: number) => void): CommandModule<object, RollupArgs> {
  return {
    command: 'rollup [children..]',
    describe: '汇总：把下级单位报告的表二、表三、表四逐格相加，生成上级报告的数据文件（正文留空待填写）',
    builder: (y) =>
      y
        .positional('children', { type: 'string', array: true, describe: '下级报告数据文件或文件夹' })
        .option('out', { alias: 'o', type: 'string', demandOption: true, describe: '要生成的汇总数据文件（.yaml、.json 或 .xlsx）' })
        .option('agency', { type: 'string', demandOption: true, describe: '上级机关名称，如 某某县人民政府' })
        .option('year', { type: 'number', describe: '报告年度（省略时取下级报告的年度）' })
        .option('manifest', { type: 'string', describe: '汇总关系文件：取其中 parent 为 -o 文件（或唯一一项）的 children' })
        .option('force', { type: 'boolean', default: false, describe: '覆盖已有文件' }) as never,
    handler: async (args) => {
      if (args.year !== undefined && (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100)) {
        throw new UsageError(`--year 应为 2000 至 2100 之间的年份，而不是 ${args.year}`);
      }
      if (!args.agency.trim()) throw new UsageError('--agency 不能为空');
      const paths = [...(args.children ?? []), ...(args.manifest ? manifestChildren(args.manifest, args.out) : [])];
      if (paths.length === 0) throw new UsageError('请写明下级报告数据文件或文件夹，或用 --manifest 指定汇总关系文件');
      if (existsSync(args.out) && !args.force) throw new UsageError(`${args.out} 已存在；如要覆盖，请加 --force`);
      const { readChildren, rollupBytes, rollUp } = require('../../rollup/rollup-file') as typeof import('../../rollup/rollup-file');
      const { RollupError } = require('../../rollup/rollup') as typeof import('../../rollup/rollup');
      const { children, notReports } = readChildren(paths, args.out);
      for (const f of notReports) process.stderr.write(`${f}: 不是报告数据，未计入\n`);
      const year = args.year ?? children.find((c) => c.checked.report)?.checked.report?.year;
      if (year === undefined) throw new UsageError('无法从下级报告得知年度，请用 --year 写明');
      let result;
      try {
        result = rollUp(children, { agency: args.agency.trim(), year });
      } catch (e) {
        if (!(e instanceof RollupError)) throw e;
        process.stderr.write(`xxgk: ${e.message}；没有生成 ${args.out}\n`);
        setExit(EXIT.dataError);
        return;
      }
      writeFileAtomic(args.out, await rollupBytes(result, args.out));
      for (const c of result.leftOut) process.stderr.write(`${c.file}: 未计入（${c.reason}）\n`);
      const left = result.leftOut.length ? `；${result.leftOut.length} 份有数据错误，未计入（见上），改正后重新汇总` : '';
      process.stdout.write(`已生成 ${args.out}：汇总了 ${result.included.length} 份下级报告${left}。正文需要填写，填好后运行：xxgk validate ${args.out}\n`);
      // Units left out make the county's figures incomplete: say so in the exit code too.
      setExit(result.leftOut.length ? EXIT.dataError : EXIT.ok);
    },
  };
}

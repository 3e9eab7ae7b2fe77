import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { CommandModule } from 'yargs';
import { starterReport } from '../../init/starter-report';
import { writeFileAtomic } from '../../util/atomic-write';
import { EXIT, UsageError } from '../exit-codes';

interface InitArgs {
  file: string;
  agency: string;
  year: number;
  force: boolean;
}

/** `xxgk init [FILE]`: writes a complete, valid starting data file, or a workbook to fill in when FILE ends in .xlsx. */
export function initCommand(setExit: (code: number) => void): CommandModule<object, InitArgs> {
  return {
    command: 'init [file]',
    describe: '生成一份完整的报告数据文件（各节、各表齐全，数字为0，附中文说明）',
    builder: (y) =>
      y
        .positional('file', { type: 'string', default: 'report.yaml', describe: '要生成的文件：.yaml 为数据文件，.xlsx 为 Excel 工作簿' })
        .option('agency', { type: 'string', default: '某某单位', describe: '机关名称' })
        .option('year', { type: 'number', default: new Date().getFullYear() - 1, describe: '报告年度，如 2024' })
        .option('force', { type: 'boolean', default: false, describe: '覆盖已有文件' }) as never,
    handler: async (args) => {
      if (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100) {
        throw new UsageError(`--year 应为 2000 至 2100 之间的年份，而不是 ${args.year}`);
      }
      if (existsSync(args.file) && !args.force) {
        throw new UsageError(`${args.file} 已存在；如要覆盖，请加 --force`);
      }
      if (extname(args.file).toLowerCase() === '.xlsx') {
        const { loadReportText } = require('../../load/load-report') as typeof import('../../load/load-report');
        const { writeReportWorkbook } = require('../../workbook/write-workbook') as typeof import('../../workbook/write-workbook');
        // The same starting texts as the YAML starter: the workbook is written from its data.
        const data = loadReportText(starterReport(args.agency, args.year)).data as Record<string, unknown>;
        writeFileAtomic(args.file, await writeReportWorkbook(data));
        process.stdout.write(`已生成 ${args.file}。在 Excel 或 WPS 中填写后运行：xxgk preview ${args.file}（预览），xxgk render ${args.file}（生成 Word 和 PDF）\n`);
      } else {
        writeFileAtomic(args.file, starterReport(args.agency, args.year));
        process.stdout.write(`已生成 ${args.file}。填写后运行：xxgk validate ${args.file}\n`);
      }
      setExit(EXIT.ok);
    },
  };
}

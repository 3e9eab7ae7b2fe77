import { existsSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CommandModule } from 'yargs';
import { starterReport } from '../../init/starter-report';
import { writeFileAtomic } from '../../util/atomic-write';
import { EXIT, UsageError } from '../exit-codes';

interface InitArgs {
  file?: string;
  agency: string;
  year: number;
  force: boolean;
  roster?: string;
  out?: string;
  yaml: boolean;
}

/** The bytes of one form: a workbook (.xlsx) or the commented YAML starter, with agency, year and level filled in. */
async function formBytes(ext: string, agency: string, year: number, level?: 'department' | 'government'): Promise<string | Buffer> {
  const text = starterReport(agency, year, level);
  if (ext !== '.xlsx') return text;
  const { loadReportText } = require('../../load/load-report') as typeof import('../../load/load-report');
  const { writeReportWorkbook } = require('../../workbook/write-workbook') as typeof import('../../workbook/write-workbook');
  // The same starting texts as the YAML starter: the workbook is written from its data.
  return writeReportWorkbook(loadReportText(text).data as Record<string, unknown>);
}

/** `xxgk init --roster 名单 -o DIR`: one pre-filled form per unit of the roster, named after it; none is written if any would overwrite a file. */
async function writeForms(args: InitArgs): Promise<void> {
  if (!args.out) throw new UsageError('--roster 需要同时用 -o 指定存放各单位表格的文件夹');
  if (args.file !== undefined) throw new UsageError(`--roster 按名单为每个单位各生成一个文件，不能同时写文件名 ${args.file}；请用 -o 指定文件夹`);
  const { readRoster } = require('../../roster/read-roster') as typeof import('../../roster/read-roster');
  const { formFileName } = require('../../roster/form-file-name') as typeof import('../../roster/form-file-name');
  const roster = readRoster(args.roster!);
  const ext = args.yaml ? '.yaml' : '.xlsx';
  const planned = new Map<string, string>();
  for (const e of roster.entries) {
    const name = formFileName(e.name, ext);
    const other = planned.get(name.toLowerCase());
    if (other) throw new UsageError(`${e.where}：单位“${e.name}”与“${other}”的文件名相同（${name}），请修改名单中的名称`);
    planned.set(name.toLowerCase(), e.name);
  }
  const existing = roster.entries.map((e) => join(args.out!, formFileName(e.name, ext))).filter((f) => existsSync(f));
  if (existing.length > 0 && !args.force) {
    throw new UsageError(`${existing.length} 个文件已存在（如 ${existing[0]}），没有生成任何文件；如要覆盖，请加 --force`);
  }
  mkdirSync(args.out, { recursive: true });
  for (const e of roster.entries) writeFileAtomic(join(args.out, formFileName(e.name, ext)), await formBytes(ext, e.name, args.year, e.level));
  const kind = args.yaml ? '数据文件（.yaml）' : 'Excel 工作簿（.xlsx）';
  process.stdout.write(`已在 ${args.out} 生成 ${roster.entries.length} 个${kind}，每个单位一个，已填好机关名称、年度和层级。发给各单位填写，收回后放在一个文件夹中运行：xxgk batch 文件夹 -o 输出文件夹 --roster ${args.roster}\n`);
}

/** `xxgk init [FILE]`: writes a complete, valid starting data file, or a workbook to fill in when FILE ends in .xlsx; with `--roster`, one per unit. */
export function initCommand(setExit: (code: number) => void): CommandModule<object, InitArgs> {
  return {
    command: 'init [file]',
    describe: '生成一份完整的报告数据文件（各节、各表齐全，数字为0，附中文说明）；加 --roster 时按名单为每个单位各生成一份',
    builder: (y) =>
      y
        .positional('file', { type: 'string', describe: '要生成的文件：.yaml 为数据文件，.xlsx 为 Excel 工作簿（默认 report.yaml）' })
        .option('agency', { type: 'string', default: '某某单位', describe: '机关名称' })
        .option('year', { type: 'number', default: new Date().getFullYear() - 1, describe: '报告年度，如 2024' })
        .option('force', { type: 'boolean', default: false, describe: '覆盖已有文件' })
        .option('roster', { type: 'string', describe: '应报单位名单（.csv、.xlsx 或 .yaml）：为每个单位各生成一份，文件名为单位名称' })
        .option('out', { alias: 'o', type: 'string', describe: '与 --roster 同用：存放各单位文件的文件夹' })
        .option('yaml', { type: 'boolean', default: false, describe: '与 --roster 同用：生成 YAML 数据文件，而不是 Excel 工作簿' }) as never,
    handler: async (args) => {
      if (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100) {
        throw new UsageError(`--year 应为 2000 至 2100 之间的年份，而不是 ${args.year}`);
      }
      if (args.roster !== undefined) {
        await writeForms(args);
        setExit(EXIT.ok);
        return;
      }
      if (args.out !== undefined) throw new UsageError('-o 只与 --roster 同用；生成一份文件时直接写文件名，如 xxgk init 报告.xlsx');
      const file = args.file ?? 'report.yaml';
      if (existsSync(file) && !args.force) {
        throw new UsageError(`${file} 已存在；如要覆盖，请加 --force`);
      }
      writeFileAtomic(file, await formBytes(extname(file).toLowerCase(), args.agency, args.year));
      if (extname(file).toLowerCase() === '.xlsx') {
        process.stdout.write(`已生成 ${file}。在 Excel 或 WPS 中填写后运行：xxgk preview ${file}（预览），xxgk render ${file}（生成 Word 和 PDF）\n`);
      } else {
        process.stdout.write(`已生成 ${file}。填写后运行：xxgk validate ${file}\n`);
      }
      setExit(EXIT.ok);
    },
  };
}

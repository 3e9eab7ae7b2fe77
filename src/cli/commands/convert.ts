import { extname } from 'node:path';
import type { CommandModule } from 'yargs';
import { writeFileAtomic } from '../../util/atomic-write';
import { formatDiagnostic } from '../../validate/format';
import { EXIT, UsageError } from '../exit-codes';

interface ConvertArgs {
  input: string;
  output: string;
  force: boolean;
}

const FORMATS = new Set(['.yaml', '.yml', '.json', '.xlsx']);

/** `xxgk convert IN OUT`: the same report as .yaml, .json or .xlsx (docs/WORKBOOK.md, “Converting”). */
export function convertCommand(setExit: (code: number) => void): CommandModule<object, ConvertArgs> {
  return {
    command: 'convert <input> <output>',
    describe: '在 YAML、JSON 和 Excel 工作簿（.xlsx）之间转换报告数据，格式由扩展名决定',
    builder: (y) =>
      y
        .positional('input', { type: 'string', demandOption: true, describe: '报告数据文件（.yaml/.yml/.json/.xlsx）' })
        .positional('output', { type: 'string', demandOption: true, describe: '要生成的文件（.yaml/.yml/.json/.xlsx）' })
        .option('force', { type: 'boolean', default: false, describe: '覆盖已有文件' }) as never,
    handler: async (args) => {
      const to = extname(args.output).toLowerCase();
      if (!FORMATS.has(to)) throw new UsageError(`${args.output}: 不知道要转换成什么格式：扩展名应为 .yaml、.yml、.json 或 .xlsx`);
      const { existsSync } = require('node:fs') as typeof import('node:fs');
      if (existsSync(args.output) && !args.force) throw new UsageError(`${args.output} 已存在；如要覆盖，请加 --force`);
      const { parseReportBytes, readInputBytes } = require('../../pipeline/check-report') as typeof import('../../pipeline/check-report');
      const loaded = parseReportBytes(readInputBytes(args.input), args.input);
      // Cell-level findings (an error value read as blank) still convert: the blank stays blank, as null.
      for (const d of loaded.diagnostics) process.stderr.write(formatDiagnostic(args.input, d) + '\n');
      if (loaded.data === undefined) {
        process.stderr.write(`${args.input}: 无法读取，未转换\n`);
        setExit(EXIT.dataError);
        return;
      }
      const { serializeReport } = require('../../workbook/convert') as typeof import('../../workbook/convert');
      const result = await serializeReport(loaded.data, to);
      if (typeof result !== 'string' && !Buffer.isBuffer(result)) {
        for (const m of result.problems) process.stderr.write(`${args.input}: ${m}\n`);
        process.stderr.write(`${args.input}: 数据的结构不对，无法放进工作簿，未转换：请先用 xxgk validate ${args.input} 改正\n`);
        setExit(EXIT.dataError);
        return;
      }
      writeFileAtomic(args.output, result);
      process.stdout.write(`已生成 ${args.output}\n`);
      setExit(EXIT.ok);
    },
  };
}

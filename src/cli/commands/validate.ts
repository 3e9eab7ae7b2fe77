import type { CommandModule } from 'yargs';
import { countDiagnostics } from '../../validate/diagnostic';
import { formatDiagnostic } from '../../validate/format';
import { EXIT } from '../exit-codes';
import { CONFIG_OPTION } from '../render-options';

interface ValidateArgs {
  files: string[];
  json: boolean;
  previous?: string;
  config?: string;
}

/** `xxgk validate <files…>`: checks reports against the contract and the 勾稽 rules. */
export function validateCommand(setExit: (code: number) => void): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate <files..>',
    describe: '检查报告数据：格式、表格勾稽关系、与正文的一致性',
    builder: (y) =>
      y
        .positional('files', { describe: '报告数据文件（.yaml/.yml/.json 或 .xlsx 工作簿）', type: 'string', array: true, demandOption: true })
        .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出结果' })
        .option('previous', { type: 'string', describe: '上一年度的报告：数据文件（.yaml/.json/.xlsx），或已发布的报告（.docx/.pdf/.html/.txt，先导入），用于跨年度核对（X1、X2、C1）' })
        .option('config', CONFIG_OPTION) as never,
    handler: async (args) => {
      // Required here, not at the top: every command starts without loading the others' code.
      const { checkReportFile, readInputBytes } = require('../../pipeline/check-report') as typeof import('../../pipeline/check-report');
      const { rulesInForce } = require('../../pipeline/rules-file') as typeof import('../../pipeline/rules-file');
      const rules = rulesInForce(args.config, process.cwd()).config;
      let previous: import('../../pipeline/check-report').PreviousReport | string | undefined = args.previous;
      // Last year's published report (.docx, .pdf, .html, .txt) is imported first (docs/IMPORT.md §7).
      if (args.previous && /\.(docx|pdf|html?|txt)$/i.test(args.previous)) {
        const bytes = readInputBytes(args.previous);
        const imp = require('../../import') as typeof import('../../import');
        try {
          previous = { data: (await imp.importFile(args.previous, bytes)).data };
        } catch (e) {
          if (!(e instanceof imp.ImportError)) throw e;
          previous = { error: e.message };
        }
      }
      const results = args.files.map((f) => checkReportFile(f, previous, rules));
      let anyError = false;
      for (const r of results) if (countDiagnostics(r.diagnostics).errors > 0) anyError = true;
      if (args.json) {
        const doc = {
          ok: !anyError,
          files: results.map((r) => ({ file: r.file, ...countDiagnostics(r.diagnostics), diagnostics: r.diagnostics })),
        };
        process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
      } else {
        for (const r of results) {
          for (const d of r.diagnostics) process.stdout.write(formatDiagnostic(r.file, d) + '\n');
          const c = countDiagnostics(r.diagnostics);
          const ack = c.acknowledged ? `，已确认 ${c.acknowledged} 个` : '';
          const verdict = c.errors ? '有错误' : '通过';
          process.stdout.write(`${r.file}: ${verdict}（错误 ${c.errors} 个，警告 ${c.warnings} 个，提示 ${c.hints} 个${ack}）\n`);
        }
      }
      setExit(anyError ? EXIT.dataError : EXIT.ok);
    },
  };
}

import { basename, dirname, extname } from 'node:path';
import type { CommandModule } from 'yargs';
import { prepareOutputDir, writeOutputs } from '../../pipeline/write-outputs';
import { countDiagnostics } from '../../validate/diagnostic';
import { formatDiagnostic } from '../../validate/format';
import { EXIT } from '../exit-codes';
import { renderSettingsOf, withRenderOptions, type RenderArgs } from '../render-options';

interface RenderCommandArgs extends RenderArgs {
  input: string;
  out?: string;
  json: boolean;
}

/** `xxgk render <input>`: writes <name>.docx and <name>.pdf (and <name>.html when asked). */
export function renderCommand(setExit: (code: number) => void): CommandModule<object, RenderCommandArgs> {
  return {
    command: 'render <input>',
    describe: '生成 Word（.docx）和 PDF',
    builder: (y) =>
      withRenderOptions(
        y
          .positional('input', { type: 'string', demandOption: true, describe: '报告数据文件（.yaml/.yml/.json 或 .xlsx 工作簿）' })
          .option('out', { alias: 'o', type: 'string', describe: '输出文件夹（默认与数据文件相同）' })
          .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出结果' }),
      ) as never,
    handler: async (args) => {
      const settings = renderSettingsOf(args);
      const { readInputBytes } = require('../../pipeline/check-report') as typeof import('../../pipeline/check-report');
      const { renderReportBytes } = require('../../pipeline/render-report') as typeof import('../../pipeline/render-report');
      const bytes = readInputBytes(args.input);
      const outDir = args.out ?? dirname(args.input);
      prepareOutputDir(outDir);
      const rendered = await renderReportBytes(args.input, bytes, settings);
      const outputs = rendered.status === 'ok' ? writeOutputs(rendered, outDir, basename(args.input, extname(args.input))) : [];
      const counts = countDiagnostics(rendered.diagnostics);
      if (args.json) {
        const { docx: _d, pdf: _p, html: _h, ...rest } = rendered;
        process.stdout.write(JSON.stringify({ ...rest, ...counts, outputs }, null, 2) + '\n');
      } else {
        for (const d of rendered.diagnostics) process.stderr.write(formatDiagnostic(args.input, d) + '\n');
        if (rendered.status === 'refused') process.stderr.write(`${args.input}: 数据有 ${counts.errors} 个错误，按 --strict 未生成文件\n`);
        else if (rendered.status === 'failed') process.stderr.write(`${args.input}: 未能生成文件\n`);
        for (const o of outputs) process.stdout.write(`已生成 ${o}${o.endsWith('.pdf') && rendered.pdfPages ? `（${rendered.pdfPages} 页）` : ''}\n`);
      }
      setExit(rendered.status !== 'ok' || counts.errors > 0 ? EXIT.dataError : EXIT.ok);
    },
  };
}

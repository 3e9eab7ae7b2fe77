import type { CommandModule } from 'yargs';
import type { RenderFn } from '../../preview/types';
import { EXIT, UsageError } from '../exit-codes';
import { CONFIG_OPTION, EDITION_OPTION } from '../render-options';

interface PreviewArgs {
  input: string;
  port?: number;
  template?: string;
  config?: string;
  edition: 'public' | 'submission';
  agency?: string;
  year?: number;
}

/** What the command needs from outside; tests replace the renderer and the wait for Ctrl-C. */
export interface PreviewCommandDeps {
  render?: RenderFn;
  /** Resolves when the user asks to stop (Ctrl-C or SIGTERM by default). */
  waitForStop?: () => Promise<void>;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `xxgk preview <input>`: a local page showing the PDF and the diagnostics, updated on every save. */
export function previewCommand(setExit: (code: number) => void, deps: PreviewCommandDeps = {}): CommandModule<object, PreviewArgs> {
  return {
    command: 'preview <input>',
    describe: '实时预览：在本机浏览器中显示 PDF 页面和检查结果，保存数据文件后自动更新',
    builder: (y) =>
      y
        .positional('input', { type: 'string', demandOption: true, describe: '报告数据文件（.yaml/.yml/.json 或 .xlsx 工作簿）' })
        .option('port', { type: 'number', describe: '端口（默认 5710，被占用时依次尝试之后的端口；0 表示任选空闲端口）' })
        .option('template', { alias: 't', type: 'string', describe: '模板文件夹（修改后自动更新预览）' })
        .option('config', CONFIG_OPTION)
        .option('edition', EDITION_OPTION)
        .option('agency', { type: 'string', describe: '数据文件不存在时：新建文件的机关名称（与 --year 一起使用）' })
        .option('year', { type: 'number', describe: '数据文件不存在时：新建文件的报告年度' }) as never,
    handler: async (args) => {
      if (args.port !== undefined && (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)) {
        throw new UsageError(`--port 应为 0 至 65535 之间的整数，而不是 ${args.port}`);
      }
      const wantsNew = args.agency !== undefined || args.year !== undefined;
      if (wantsNew && (args.agency === undefined || args.agency.trim() === '' || args.year === undefined)) {
        throw new UsageError('新建报告时请同时给出 --agency（机关名称）和 --year（报告年度）');
      }
      if (args.year !== undefined && (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100)) {
        throw new UsageError(`--year 应为 2000 至 2100 之间的年份，而不是 ${args.year}`);
      }
      const { existsSync } = require('node:fs') as typeof import('node:fs');
      const creating = wantsNew && !existsSync(args.input);
      const { PreviewStartError, startPreview } = require('../../preview/server') as typeof import('../../preview/server');
      const { rulesInForce } = require('../../pipeline/rules-file') as typeof import('../../pipeline/rules-file');
      const render = deps.render ?? (require('../../pipeline/render-report') as typeof import('../../pipeline/render-report')).renderReportBytes;
      let preview;
      try {
        preview = await startPreview({
          input: args.input,
          port: args.port,
          templateDir: args.template,
          settings: { formats: ['pdf', 'docx'], rules: rulesInForce(args.config, process.cwd()).config, edition: args.edition },
          render,
          create: wantsNew ? { agency: args.agency!.trim(), year: args.year! } : undefined,
        });
      } catch (e) {
        if (e instanceof PreviewStartError) throw new UsageError(e.message);
        throw e;
      }
      if (creating) process.stdout.write(`已新建 ${args.input}（与 xxgk init 生成的相同），页面中直接填写即可。\n`);
      process.stdout.write(
        `预览已启动：${preview.pageUrl}\n（在浏览器中打开这个完整的网址，其中含本次预览的访问令牌；可在页面中“编辑”并保存，也可用文本编辑器修改 ${args.input}，页面自动更新；按 Ctrl-C 停止）\n`,
      );
      await (deps.waitForStop ?? waitForSignal)();
      process.stdout.write('\n正在停止预览……\n');
      await preview.close();
      process.stdout.write('预览已停止。\n');
      setExit(EXIT.ok);
    },
  };
}

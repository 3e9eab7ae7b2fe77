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
        .option('edition', EDITION_OPTION) as never,
    handler: async (args) => {
      if (args.port !== undefined && (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)) {
        throw new UsageError(`--port 应为 0 至 65535 之间的整数，而不是 ${args.port}`);
      }
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
        });
      } catch (e) {
        if (e instanceof PreviewStartError) throw new UsageError(e.message);
        throw e;
      }
      process.stdout.write(`预览已启动：${preview.url}\n（在浏览器中打开；保存 ${args.input} 后页面自动更新；按 Ctrl-C 停止）\n`);
      await (deps.waitForStop ?? waitForSignal)();
      process.stdout.write('\n正在停止预览……\n');
      await preview.close();
      process.stdout.write('预览已停止。\n');
      setExit(EXIT.ok);
    },
  };
}

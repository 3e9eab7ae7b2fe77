import { dirname } from 'node:path';
import type { Launch } from './launch';
import { dropOutputFolder } from './output-folder';

/** What running a launch needs, replaceable in tests. */
export interface LaunchDeps {
  /** The command line (src/cli/main). */
  main(argv: string[]): Promise<number>;
  openExternal(target: string): void;
  waitForKey(): Promise<void>;
  /** Resolves when the user stops the start page (Ctrl-C, or the console window closed). */
  waitForStop(): Promise<void>;
  out(line: string): void;
}

const waitForSignal = () => new Promise<void>((resolve) => ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'].forEach((s) => process.once(s, () => resolve())));

/** Runs a launch of the portable executable and resolves to its exit code. */
export async function runLaunch(launch: Launch, deps: LaunchDeps): Promise<number> {
  switch (launch.kind) {
    case 'cli':
      return deps.main(launch.argv);
    case 'file': {
      const code = await deps.main(['render', launch.path]);
      deps.out(code === 0 ? `Word 和 PDF 已生成在 ${dirname(launch.path)}` : '生成时发现问题，见上面的说明。');
      if (launch.open && code === 0) deps.openExternal(dirname(launch.path));
      await deps.waitForKey();
      return code;
    }
    case 'folder': {
      const { dir, fallback } = dropOutputFolder(launch.path);
      if (fallback) deps.out(`文件夹 ${launch.path} 不能写入，结果放在 ${dir}`);
      const code = await deps.main(['batch', launch.path, '-o', dir]);
      deps.out(`结果在 ${dir}`);
      if (launch.open) deps.openExternal(dir);
      await deps.waitForKey();
      return code;
    }
    case 'start': {
      const { startPreview } = require('../preview/server') as typeof import('../preview/server');
      const { renderReportBytes } = require('../pipeline/render-report') as typeof import('../pipeline/render-report');
      const { rulesInForce } = require('../pipeline/rules-file') as typeof import('../pipeline/rules-file');
      const { starterReport } = require('../init/starter-report') as typeof import('../init/starter-report');
      const { writeFileAtomic } = require('../util/atomic-write') as typeof import('../util/atomic-write');
      const { startStartPage } = require('./start-page') as typeof import('./start-page');
      const previews = new Map<string, Promise<{ url: string; close(): Promise<void> }>>();
      const settings = { formats: ['pdf', 'docx'] as ('pdf' | 'docx')[], rules: rulesInForce(undefined, launch.folder).config };
      const page = await startStartPage({
        folder: launch.folder,
        openPreview: async (file) => {
          if (!previews.has(file)) previews.set(file, startPreview({ input: file, port: 0, settings, render: renderReportBytes }));
          return (await previews.get(file)!).url;
        },
        createReport: (file, agency) => writeFileAtomic(file, starterReport(agency, new Date().getFullYear() - 1)),
      });
      deps.out(`xxgk 已启动：${page.url}`);
      deps.out(launch.open ? '（已在浏览器中打开；如果没有打开，请把上面的地址复制到浏览器）' : '（在浏览器中打开上面的地址）');
      deps.out('关闭这个窗口或按 Ctrl-C 停止。');
      if (launch.open) deps.openExternal(page.url);
      await deps.waitForStop();
      await Promise.all([...previews.values()].map(async (p) => (await p.catch(() => undefined))?.close()));
      await page.close();
      return 0;
    }
  }
}

/** The default dependencies: the real command line, browser, console and signals. */
export function defaultLaunchDeps(main: (argv: string[]) => Promise<number>): LaunchDeps {
  const { openExternal } = require('./open-external') as typeof import('./open-external');
  const { waitForKey } = require('./wait-key') as typeof import('./wait-key');
  return { main, openExternal, waitForKey: () => waitForKey(), waitForStop: waitForSignal, out: (line) => process.stdout.write(line + '\n') };
}

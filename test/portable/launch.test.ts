/** The portable executable's double-click and drop behaviour, without the executable. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { starterReport } from '../../src/init/starter-report';
import { loadReportText } from '../../src/load/load-report';
import { launchOf } from '../../src/portable/launch';
import { documentsFolder, dropOutputFolder } from '../../src/portable/output-folder';
import { runLaunch, type LaunchDeps } from '../../src/portable/run-launch';
import { listReports, reportFileName, startStartPage } from '../../src/portable/start-page';
import { tempDir } from '../support/cli';

const tmp = tempDir('xxgk-launch-');
afterAll(tmp.cleanup);

/** Deps that record what a launch did instead of doing it. */
function recorder(code = 0) {
  const calls: { main: string[][]; opened: string[]; keys: number; lines: string[] } = { main: [], opened: [], keys: 0, lines: [] };
  const deps: LaunchDeps = {
    main: async (argv) => (calls.main.push(argv), code),
    openExternal: (t) => calls.opened.push(t),
    waitForKey: async () => void calls.keys++,
    waitForStop: async () => undefined,
    out: (l) => calls.lines.push(l),
  };
  return { calls, deps };
}

describe('launchOf', () => {
  const folder = join(tmp.dir, '各 单位');
  const file = join(tmp.dir, '平罗 报告.yaml');
  beforeAll(() => {
    mkdirSync(folder);
    writeFileSync(file, 'x');
  });

  it('no arguments is the start page of the executable folder; --no-open alone too, without opening', () => {
    expect(launchOf([], 'C:\\xxgk')).toEqual({ kind: 'start', folder: 'C:\\xxgk', open: true });
    expect(launchOf(['--no-open'], '/opt/xxgk')).toEqual({ kind: 'start', folder: '/opt/xxgk', open: false });
  });

  it('one existing folder or file is a drop', () => {
    expect(launchOf([folder], '/x')).toEqual({ kind: 'folder', path: folder, open: true });
    expect(launchOf([file, '--no-open'], '/x')).toEqual({ kind: 'file', path: file, open: false });
  });

  it('commands, options and paths that do not exist are the ordinary command line', () => {
    for (const argv of [['render', file], ['--version'], ['validate'], [join(tmp.dir, 'nope.yaml')], [file, folder]]) {
      expect(launchOf(argv, '/x')).toEqual({ kind: 'cli', argv });
    }
  });
});

describe('runLaunch', () => {
  it('a dropped folder is batch-rendered into its 输出, opened, then waits for a key', async () => {
    const folder = join(tmp.dir, '县 直属');
    mkdirSync(folder);
    const { calls, deps } = recorder();
    expect(await runLaunch({ kind: 'folder', path: folder, open: true }, deps)).toBe(0);
    expect(calls.main).toEqual([['batch', folder, '-o', join(folder, '输出')]]);
    expect(calls.opened).toEqual([join(folder, '输出')]);
    expect(calls.keys).toBe(1);
  });

  it('a folder whose 输出 cannot be made goes to 文档\\xxgk输出 with a message; --no-open opens nothing', async () => {
    const folder = join(tmp.dir, '只读');
    mkdirSync(folder);
    // A file named 输出 stands where the folder should be made, as a read-only folder would refuse it.
    writeFileSync(join(folder, '输出'), '');
    const docs = join(tmp.dir, 'docs');
    expect(dropOutputFolder(folder, docs)).toEqual({ dir: join(docs, 'xxgk输出', '只读'), fallback: true });
    const { calls, deps } = recorder(1);
    expect(await runLaunch({ kind: 'folder', path: folder, open: false }, deps)).toBe(1);
    const out = calls.main[0][3];
    expect(out).toBe(join(documentsFolder(), 'xxgk输出', '只读'));
    expect(calls.lines[0]).toBe(`文件夹 ${folder} 不能写入，结果放在 ${out}`);
    expect(calls.opened).toEqual([]);
    expect(calls.keys).toBe(1);
  });

  it('a dropped file is rendered beside itself', async () => {
    const file = join(tmp.dir, 'a b', '报告.xlsx');
    const { calls, deps } = recorder();
    expect(await runLaunch({ kind: 'file', path: file, open: true }, deps)).toBe(0);
    expect(calls.main).toEqual([['render', file]]);
    expect(calls.opened).toEqual([join(tmp.dir, 'a b')]);
    expect(calls.keys).toBe(1);
  });

  it('the documents folder is Windows\' Documents, else XDG\'s, else ~/文档 or ~/Documents', () => {
    expect(documentsFolder('win32', { USERPROFILE: 'C:\\Users\\张三' }, '/h')).toMatch(/C:\\Users\\张三[\\/]Documents$/);
    expect(documentsFolder('linux', { XDG_DOCUMENTS_DIR: '/home/u/文件' }, '/h')).toBe('/home/u/文件');
    const home = join(tmp.dir, 'home');
    mkdirSync(home);
    expect(documentsFolder('linux', {}, home)).toBe(join(home, 'Documents'));
    mkdirSync(join(home, '文档'));
    expect(documentsFolder('linux', {}, home)).toBe(join(home, '文档'));
  });
});

describe('start page', () => {
  const folder = join(tmp.dir, '报告 文件夹');
  const opened: string[] = [];
  let page: Awaited<ReturnType<typeof startStartPage>>;
  beforeAll(async () => {
    mkdirSync(folder);
    for (const f of ['乙.yaml', '甲.xlsx', '说明.txt', '~$甲.xlsx', 'c.yml']) writeFileSync(join(folder, f), '');
    page = await startStartPage({
      folder,
      openPreview: async (file) => (opened.push(file), 'http://127.0.0.1:9/preview'),
      createReport: (file, agency) => writeFileSync(file, starterReport(agency, 2025)),
    });
  });
  afterAll(() => page.close());

  it('lists the reports by file name with a 新建 button', async () => {
    expect(listReports(folder)).toEqual(['c.yml', '乙.yaml', '甲.xlsx']);
    const html = await (await fetch(page.url)).text();
    expect(html).toContain(`href="/open?file=${encodeURIComponent('乙.yaml')}"`);
    expect(html).toContain('甲.xlsx');
    expect(html).not.toContain('说明.txt');
    expect(html).toContain('新建');
  });

  it('opens a listed report\'s preview, and nothing outside the list', async () => {
    const r = await fetch(`${page.url}open?file=${encodeURIComponent('乙.yaml')}`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('http://127.0.0.1:9/preview');
    expect(opened).toEqual([join(folder, '乙.yaml')]);
    expect((await fetch(`${page.url}open?file=${encodeURIComponent('../说明.txt')}`)).status).toBe(404);
  });

  it('新建 writes a valid starting report named for the agency and opens it; other origins are refused', async () => {
    const body = new URLSearchParams({ agency: '某县/科学技术局' }).toString();
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: page.url.replace(/\/$/, '') };
    const r = await fetch(`${page.url}new`, { method: 'POST', body, headers, redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/open?file=${encodeURIComponent('某县科学技术局.yaml')}`);
    const text = readFileSync(join(folder, '某县科学技术局.yaml'), 'utf8');
    expect(text).toContain('某县/科学技术局');
    expect(loadReportText(text).diagnostics).toEqual([]);
    const evil = await fetch(`${page.url}new`, { method: 'POST', body, headers: { ...headers, Origin: 'http://example.org' } });
    expect(evil.status).toBe(403);
  });

  it('file names lose folders and characters Windows forbids, and never replace a file', () => {
    expect(reportFileName('..\\a:b*?', () => false)).toBe('ab.yaml');
    expect(reportFileName('   ', () => false)).toBe('新报告.yaml');
    expect(reportFileName('局', (n) => n === '局.yaml')).toBe('局（2）.yaml');
  });
});

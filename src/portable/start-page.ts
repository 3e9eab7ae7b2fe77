import { existsSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';

/** The reports the start page lists: data files and workbooks, by extension. */
const REPORT_FILE = /\.(ya?ml|xlsx)$/i;
const HOST = '127.0.0.1';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** What the start page needs from the command line: a preview per report, and a new report written. */
export interface StartPageOptions {
  folder: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Starts (or finds) the preview of a report and resolves to its address. */
  openPreview(file: string): Promise<string>;
  /** Writes a new starting report file named for the agency. */
  createReport(file: string, agency: string): Promise<void> | void;
}

/** A running start page. */
export interface StartPage {
  url: string;
  close(): Promise<void>;
}

/** The report files in `folder` by name, in code-point order. */
export function listReports(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  // Office's lock files (~$报告.xlsx) are not reports.
  return names.filter((n) => REPORT_FILE.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort();
}

/** A file name from what a user typed: no folders, no characters Windows forbids, not empty. */
export function reportFileName(typed: string, taken: (name: string) => boolean): string {
  const base = typed.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 60) || '新报告';
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}.yaml` : `${base}（${i}）.yaml`;
    if (!taken(name)) return name;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(folder: string, reports: string[]): string {
  const items = reports.length
    ? reports.map((r) => `<li><a href="/open?file=${encodeURIComponent(r)}">${escapeHtml(r)}</a></li>`).join('\n')
    : '<li class="none">这个文件夹里还没有报告文件（.yaml、.xlsx）。</li>';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>xxgk：政府信息公开工作年度报告</title>
<style>body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.4em}ul{padding-left:1.2em;line-height:2}.none{color:#777;list-style:none}form{margin-top:2em}input{font-size:1em;padding:.2em .4em;width:18em}
button{font-size:1em;padding:.2em 1em}.folder{color:#555;font-size:.9em;word-break:break-all}</style></head>
<body><h1>政府信息公开工作年度报告</h1>
<p class="folder">文件夹：${escapeHtml(folder)}</p>
<p>点报告文件名打开预览（保存文件后预览自动更新）。</p>
<ul>
${items}
</ul>
<form method="post" action="/new"><input name="agency" placeholder="机关名称，如 某某县科学技术局" maxlength="60"> <button type="submit">新建</button></form>
<p class="folder">关闭 xxgk 的控制台窗口即停止。</p>
</body></html>`;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) reject(new Error('too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/**
 * Serves the start page of the portable build on 127.0.0.1: the reports in one folder,
 * each opening its preview, and 新建 writing a starting report there. Only requests
 * addressed to this host and port are answered, and 新建 only from this page's own origin,
 * so a web page elsewhere cannot write files through it.
 */
export async function startStartPage(opts: StartPageOptions): Promise<StartPage> {
  let port = 0;
  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', ...headers });
    res.end(body);
  };
  const server = createServer((req, res) => {
    void (async () => {
      const host = (req.headers.host ?? '').toLowerCase();
      if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return send(res, 403, '拒绝访问');
      const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, page(opts.folder, listReports(opts.folder)));
      if (req.method === 'GET' && url.pathname === '/open') {
        const name = url.searchParams.get('file') ?? '';
        if (!listReports(opts.folder).includes(name)) return send(res, 404, '没有这个报告文件');
        return send(res, 302, '', { Location: await opts.openPreview(join(opts.folder, name)) });
      }
      if (req.method === 'POST' && url.pathname === '/new') {
        const origin = req.headers.origin;
        if (origin !== undefined ? origin !== `http://${host}` : req.headers['sec-fetch-site'] !== undefined && req.headers['sec-fetch-site'] !== 'same-origin') {
          return send(res, 403, '拒绝访问：只接受本页提交');
        }
        const agency = (new URLSearchParams(await readBody(req, 4096)).get('agency') ?? '').trim();
        const name = reportFileName(agency, (n) => existsSync(join(opts.folder, n)));
        await opts.createReport(join(opts.folder, name), agency || '某某单位');
        return send(res, 303, '', { Location: `/open?file=${encodeURIComponent(name)}` });
      }
      send(res, 404, '没有这个页面');
    })().catch((e: Error) => {
      if (!res.headersSent) send(res, 500, escapeHtml(`出错了：${e.message}`));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://${HOST}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

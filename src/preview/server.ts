import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, dirname, join } from 'node:path';
import type { RenderSettings } from '../pipeline/render-types';
import { EditApi, readBody, type ApiAnswer } from './edit-api';
import { PAGE_CSS, PAGE_HTML, PAGE_JS } from './page';
import { EDITOR_JS } from './page-editor';
import { createStarterFile } from './starter-file';
import { RenderLoop } from './render-loop';
import type { PreviewLogger, PreviewOptions, PreviewSnapshot, SnapshotSummary } from './types';
import { watchInputs, type InputWatch } from './watch';

/** The port tried first when none is given; the next free ones follow. */
export const DEFAULT_PORT = 5710;
const PORT_ATTEMPTS = 20;
const HOST = '127.0.0.1';
const HEARTBEAT_MS = 15_000;

/** A preview that cannot start (missing file, port taken): the CLI prints it as a usage error. */
export class PreviewStartError extends Error {}

/** A running preview; its watches on the data file and the template folder are set up before `startPreview` resolves. */
export interface PreviewServer {
  url: string;
  /** The address to open: `url` with this run's token in the fragment (never sent to the server in the request line). */
  pageUrl: string;
  /** The per-run token every data request must carry (`X-Xxgk-Token` header or `k` query parameter). */
  token: string;
  port: number;
  /** The render loop, for tests and the benchmark. */
  loop: RenderLoop;
  /** Stops watching, finishes or drops the render in progress, closes every connection. */
  close(): Promise<void>;
}

/** The files of pdf.js the page may load, by name under `/pdfjs/`, relative to the pdfjs-dist package. */
export const PDFJS_FILES: ReadonlyMap<string, string> = new Map([
  ['pdf.min.mjs', 'build/pdf.min.mjs'],
  ['pdf.worker.min.mjs', 'build/pdf.worker.min.mjs'],
  // For older Chromium engines (360, QQ browsers) where the modern build does not load.
  ['legacy/pdf.min.mjs', 'legacy/build/pdf.min.mjs'],
  ['legacy/pdf.worker.min.mjs', 'legacy/build/pdf.worker.min.mjs'],
]);
const PDFJS_PREFIX = '/pdfjs/';
/** The page's fallback font for machines without a Chinese system font: the bundled open 黑体. */
export const UI_FONT = join(__dirname, '..', '..', 'fonts', 'FandolHei-Regular.ttf');

const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const consoleLogger: PreviewLogger = {
  info: (line) => process.stdout.write(line + '\n'),
  error: (line) => process.stderr.write(line + '\n'),
};

function pdfjsRoot(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** The JSON-safe summary of a snapshot (no document bytes). */
export function summarize(s: PreviewSnapshot): SnapshotSummary {
  const { pdf, docx, html, diagnostics: _d, ...rest } = s;
  return { ...rest, hasPdf: pdf !== undefined, hasDocx: docx !== undefined, hasHtml: html !== undefined };
}

function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/**
 * Starts the live preview of one report: an HTTP server on 127.0.0.1 only, serving the page,
 * the current PDF and Word file, the diagnostics and a stream of updates, and re-rendering
 * whenever the data file or the template folder changes.
 */
export async function startPreview(opts: PreviewOptions): Promise<PreviewServer> {
  const logger = opts.logger ?? consoleLogger;
  const input = opts.input;
  let created = false;
  if (opts.create && !existsSync(input)) {
    try {
      await createStarterFile(input, opts.create.agency, opts.create.year);
    } catch (e) {
      throw new PreviewStartError((e as Error).message);
    }
    created = true;
  }
  let st;
  try {
    st = statSync(input);
  } catch {
    throw new PreviewStartError(`${input}: 文件不存在（要新建，请加 --agency 机关名称 --year 年度）`);
  }
  if (!st.isFile()) throw new PreviewStartError(`${input}: 这不是一个报告数据文件`);
  const templateDir = opts.templateDir ?? opts.settings.templateDir;
  if (templateDir !== undefined) {
    let ok = false;
    try {
      ok = statSync(templateDir).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new PreviewStartError(`${templateDir}: 模板文件夹不存在`);
  }
  const settings: RenderSettings = { ...opts.settings, templateDir, formats: ['pdf', 'docx', 'html'] };

  const root = pdfjsRoot();
  const pdfjs = new Map<string, Buffer>();
  for (const [name, rel] of PDFJS_FILES) pdfjs.set(name, readFileSync(join(root, rel)));
  const docName = basename(input).replace(/\.(ya?ml|json)$/i, '') || 'document';

  const loop = new RenderLoop({ file: input, settings, render: opts.render, debounceMs: opts.debounceMs ?? 50, schedule: opts.schedule, logger });
  const clients = new Set<ServerResponse>();
  let uiFont: Promise<Buffer | undefined> | undefined;
  let port = 0;
  const token = randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  const edit = new EditApi(input, () => loop.notifyChange('data'), created);
  const hasToken = (req: IncomingMessage, query: URLSearchParams): boolean => {
    const given = Buffer.from(String(req.headers['x-xxgk-token'] ?? query.get('k') ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };
  const json = (res: ServerResponse, req: IncomingMessage, a: ApiAnswer) => send(res, req, a.status, 'application/json; charset=utf-8', JSON.stringify(a.body));

  const send = (res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const text = (res: ServerResponse, req: IncomingMessage, status: number, body: string) =>
    send(res, req, status, 'text/plain; charset=utf-8', body + '\n');

  /** The report's documents by path; the PDF is shown inline, the others downloaded. */
  const documents: Record<string, { format: 'pdf' | 'docx' | 'html'; type: string; disposition: 'inline' | 'attachment'; missing: string }> = {
    '/document.pdf': { format: 'pdf', type: 'application/pdf', disposition: 'inline', missing: '尚无可用的 PDF（数据有错误或仍在生成）' },
    '/document.docx': { format: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: 'attachment', missing: '尚无可用的 Word 文件（数据有错误或仍在生成）' },
    // The web page is the user's document, not part of this app: downloaded, never shown here.
    '/document.html': { format: 'html', type: 'text/html; charset=utf-8', disposition: 'attachment', missing: '尚无可用的网页（数据有错误或仍在生成）' },
  };

  const sseMessage = (s: PreviewSnapshot) => `id: ${s.id}\nevent: update\ndata: ${JSON.stringify(summarize(s))}\n\n`;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '';
    const q = raw.indexOf('?');
    const path = q >= 0 ? raw.slice(0, q) : raw;
    // Only this machine's own names: a web page whose DNS name is re-pointed at 127.0.0.1 must not read the report.
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return text(res, req, 403, '拒绝访问：只接受 127.0.0.1 或 localhost 的请求');
    // Another web page open in the same browser: its requests carry its own origin.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${HOST}:${port}` && origin !== `http://localhost:${port}`) return text(res, req, 403, '拒绝访问：请求来自其他网页');
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') return text(res, req, 403, '拒绝访问：请求来自其他网页');
    const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
    const isData = path.startsWith('/api/') || Object.hasOwn(documents, path) || path === '/diagnostics.json' || path === '/events';
    if (isData && !hasToken(req, query)) return text(res, req, 403, '拒绝访问：缺少本次预览的访问令牌，请打开启动预览时显示的网址');
    if (path === '/api/data' || path === '/api/check' || path === '/api/save') {
      const post = path !== '/api/data';
      if (req.method !== (post ? 'POST' : 'GET')) return text(res, req, 405, '不支持的请求方法');
      if (!post) return void edit.data().then((a) => json(res, req, a), (e) => fail(res, req, e));
      if (origin === undefined) return text(res, req, 403, '拒绝访问：请求来自其他网页');
      if (!/^application\/json\b/.test(String(req.headers['content-type'] ?? ''))) return text(res, req, 415, '请求应为 JSON');
      void readBody(req).then(async (body) => {
        if (body === undefined) return json(res, req, { status: 413, body: { error: '请求太大（超过 1 MB）' } });
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          return json(res, req, { status: 400, body: { error: '请求不是有效的 JSON' } });
        }
        json(res, req, await (path === '/api/save' ? edit.save(parsed) : edit.check(parsed)));
      }).catch((e) => fail(res, req, e));
      return;
    }
    const known = path === '/' || path === '/app.js' || path === '/editor.js' || path === '/app.css' || Object.hasOwn(documents, path) ||
      path === '/diagnostics.json' || path === '/events' || path === '/fonts/ui.ttf' || (path.startsWith(PDFJS_PREFIX) && pdfjs.has(path.slice(PDFJS_PREFIX.length)));
    if (!known) return text(res, req, 404, '未找到');
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, req, 405, '不支持的请求方法');
    const s = loop.current();
    if (Object.hasOwn(documents, path)) {
      const d = documents[path];
      const bytes = s[d.format];
      if (!bytes) return text(res, req, 503, d.missing);
      return send(res, req, 200, d.type, bytes, {
        'Content-Disposition': contentDisposition(d.disposition, `${docName}.${d.format}`),
        'X-Xxgk-Pdf-Id': String(s.pdfId),
      });
    }
    switch (path) {
      case '/':
        return send(res, req, 200, 'text/html; charset=utf-8', PAGE_HTML, { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY' });
      case '/app.js':
        return send(res, req, 200, 'text/javascript; charset=utf-8', PAGE_JS);
      case '/editor.js':
        return send(res, req, 200, 'text/javascript; charset=utf-8', EDITOR_JS);
      case '/app.css':
        return send(res, req, 200, 'text/css; charset=utf-8', PAGE_CSS);
      case '/diagnostics.json':
        return send(res, req, 200, 'application/json; charset=utf-8', JSON.stringify({ ...summarize(s), diagnostics: s.diagnostics }));
      case '/fonts/ui.ttf':
        uiFont ??= readFile(UI_FONT).catch(() => undefined);
        void uiFont.then((font) => {
          if (font) send(res, req, 200, 'font/ttf', font, { 'Cache-Control': 'max-age=86400' });
          else text(res, req, 404, '未找到');
        });
        return;
      case '/events': {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
          'X-Content-Type-Options': 'nosniff',
        });
        if (req.method === 'HEAD') return res.end();
        res.write('retry: 1000\n\n');
        if (s.id > 0) res.write(sseMessage(s));
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      default: {
        const file = pdfjs.get(path.slice(PDFJS_PREFIX.length));
        if (!file) return text(res, req, 404, '未找到');
        return send(res, req, 200, 'text/javascript; charset=utf-8', file, { 'Cache-Control': 'max-age=3600' });
      }
    }
  };

  function fail(res: ServerResponse, req: IncomingMessage, e: unknown): void {
    logger.error(`预览服务内部错误：${(e as Error).message}`);
    if (!res.headersSent) text(res, req, 500, '内部错误');
    else res.destroy();
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      logger.error(`预览服务内部错误：${(e as Error).message}`);
      if (!res.headersSent) text(res, req, 500, '内部错误');
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 2000;

  const wanted = opts.port ?? DEFAULT_PORT;
  const attempts = opts.port === undefined ? PORT_ATTEMPTS : 1;
  for (let i = 0; ; i++) {
    try {
      port = await listen(server, wanted === 0 ? 0 : wanted + i);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && i + 1 < attempts) continue;
      if (code === 'EADDRINUSE') throw new PreviewStartError(`端口 ${wanted} 已被占用，请用 --port 指定其他端口`);
      if (code === 'EACCES') throw new PreviewStartError(`没有权限使用端口 ${wanted}，请用 --port 指定 1024 以上的端口`);
      throw new PreviewStartError(`无法启动预览服务：${(e as Error).message}`);
    }
  }

  loop.onUpdate((s) => {
    const msg = sseMessage(s);
    for (const c of clients) c.write(msg);
  });
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': 心跳\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  let watch: InputWatch;
  try {
    watch = watchInputs(input, templateDir, (kind) => loop.notifyChange(kind), logger);
  } catch (e) {
    server.close();
    throw new PreviewStartError(`无法监视文件变化：${(e as Error).message}`);
  }
  void loop.renderNow();

  const url = `http://${HOST}:${port}/`;
  let closing: Promise<void> | undefined;
  return {
    url,
    pageUrl: `${url}#k=${token}`,
    token,
    port,
    loop,
    close() {
      closing ??= (async () => {
        watch.close();
        clearInterval(heartbeat);
        await loop.close();
        for (const c of clients) c.end();
        clients.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

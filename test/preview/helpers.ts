import { request, type IncomingMessage } from 'node:http';
import type { RenderedReport, RenderSettings } from '../../src/pipeline/render-types';
import type { PreviewLogger } from '../../src/preview/types';

export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Sends a request with the path exactly as given (no normalising client in between). */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface SseEvent {
  id?: string;
  event: string;
  data: unknown;
}

/** Reads server-sent events from `/events`. */
export class SseReader {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  private req: ReturnType<typeof request>;
  ended = false;

  constructor(port: number, token = '') {
    this.req = request({ host: '127.0.0.1', port, path: `/events?k=${token}`, agent: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => this.feed(c));
      res.on('end', () => {
        this.ended = true;
      });
    });
    this.req.on('error', () => undefined);
    this.req.end();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let i: number;
    while ((i = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 2);
      const e: SseEvent = { event: 'message', data: undefined };
      let data: string | undefined;
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) e.id = line.slice(4);
        else if (line.startsWith('event: ')) e.event = line.slice(7);
        else if (line.startsWith('data: ')) data = line.slice(6);
      }
      if (data === undefined) continue;
      e.data = JSON.parse(data);
      this.events.push(e);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(e)) return true;
        w.resolve(e);
        return false;
      });
    }
  }

  /** The first event (already received or still to come) that matches. */
  next(pred: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
    const seen = this.events.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(this.events)}`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  close(): void {
    this.req.destroy();
  }
}

/** A renderer that turns the text into a fake PDF; text containing `BAD` is "unparseable", `THROW` throws. */
export function fakeRenderer(delayMs = 0) {
  const calls: { text: string; settings: RenderSettings }[] = [];
  const render = async (file: string, bytes: Uint8Array, settings: RenderSettings): Promise<RenderedReport> => {
    const text = Buffer.from(bytes).toString('utf8');
    calls.push({ text, settings });
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (text.includes('THROW')) throw new Error('renderer exploded');
    if (text.includes('BAD')) {
      return {
        file,
        status: 'failed',
        diagnostics: [{ severity: 'error', code: 'LOAD-YAML', path: '', line: 3, message: '第 3 行：YAML 语法错误' }],
        ms: 1,
      };
    }
    return {
      file,
      status: 'ok',
      agency: '测试局',
      year: 2021,
      diagnostics: text.includes('T3')
        ? [{ severity: 'error', code: 'T3-R1', path: 'applications.newlyReceived', line: 7, message: '表三 勾稽关系不成立' }]
        : [],
      pdf: Buffer.from(`%PDF-fake ${text}`),
      docx: Buffer.from(`PK-fake ${text}`),
      html: Buffer.from(`<!DOCTYPE html>fake ${text}`),
      ms: delayMs,
    };
  };
  return { render, calls };
}

export const quietLogger = (): PreviewLogger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, info: (l) => lines.push(l), error: (l) => lines.push(l) };
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` returns true. */
export async function until(fn: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

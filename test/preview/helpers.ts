import { request, type IncomingMessage } from 'node:http';
import type { RenderedReport, RenderSettings } from '../../src/pipeline/render-types';
import type { RenderLoop, ScheduleFn } from '../../src/preview/render-loop';
import type { PreviewLogger, PreviewSnapshot } from '../../src/preview/types';

/**
 * How long a wait for an event may take before it fails with what it waited for: far beyond
 * any delay a loaded machine adds, and below jest's per-test limit so the message is ours.
 * Waits end on the event itself; this never paces a test.
 */
export const WAIT_MS = 30_000;

/** A rejection after {@link WAIT_MS} naming what never happened; `clear` cancels it. */
function deadline(what: string, got: () => unknown, reject: (e: Error) => void): () => void {
  const timer = setTimeout(() => reject(new Error(`${what}: not within ${WAIT_MS} ms; got ${JSON.stringify(got())}`)), WAIT_MS);
  return () => clearTimeout(timer);
}

/** Things that happened, in order; `next` waits for one that matches. */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: { pred: (x: T) => boolean; resolve: (x: T) => void }[] = [];

  push(x: T): void {
    this.items.push(x);
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred(x)) return true;
      w.resolve(x);
      return false;
    });
  }

  /** The first item (already recorded or still to come) that matches. */
  next(pred: (x: T) => boolean, what: string): Promise<T> {
    const seen = this.items.find(pred);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const clear = deadline(what, () => this.items, reject);
      this.waiters.push({
        pred,
        resolve: (x) => {
          clear();
          resolve(x);
        },
      });
    });
  }
}

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
  private readonly recorder = new Recorder<SseEvent>();
  readonly events = this.recorder.items;
  private buffer = '';
  private req: ReturnType<typeof request>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;

  constructor(port: number, token = '') {
    let ended!: () => void;
    this.ended = new Promise((r) => (ended = r));
    this.req = request({ host: '127.0.0.1', port, path: `/events?k=${token}`, agent: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => this.feed(c));
      res.on('end', ended);
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
      this.recorder.push(e);
    }
  }

  /** The first event (already received or still to come) that matches. */
  next(pred: (e: SseEvent) => boolean, what = 'server-sent event'): Promise<SseEvent> {
    return this.recorder.next(pred, what);
  }

  close(): void {
    this.req.destroy();
  }
}

/** One call of the fake renderer. */
export interface RenderCall {
  text: string;
  settings: RenderSettings;
}

/**
 * A renderer that turns the text into a fake PDF; text containing `BAD` is "unparseable",
 * `THROW` throws. `started` records each render as it begins; `hold()` keeps the renders that
 * begin from then on from finishing until the function it returns is called.
 */
export function fakeRenderer() {
  const started = new Recorder<RenderCall>();
  let gate: Promise<void> | undefined;
  const render = async (file: string, bytes: Uint8Array, settings: RenderSettings): Promise<RenderedReport> => {
    const text = Buffer.from(bytes).toString('utf8');
    const held = gate;
    started.push({ text, settings });
    if (held) await held;
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
      ms: 1,
    };
  };
  const hold = (): (() => void) => {
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    return () => {
      gate = undefined;
      release();
    };
  };
  return { render, calls: started.items, started, hold };
}

/**
 * The render loop's quiet-period timer, fired by the test: after a change nothing renders
 * until `fire()`. Each start is a change the loop was told of (a watch event or a save).
 */
export class ManualTimer {
  /** The quiet period asked for at each start, in ms. */
  readonly starts = new Recorder<number>();
  private readonly pending = new Set<() => void>();
  private released = false;

  /** Pass as the preview's `schedule`. */
  readonly schedule: ScheduleFn = (fire, ms) => {
    this.pending.add(fire);
    this.starts.push(ms);
    if (this.released) setImmediate(() => this.fire());
    return () => this.pending.delete(fire);
  };

  /** Timers started and neither cancelled nor fired. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Resolves at the `n`-th start since the timer was made (1-based). */
  started(n: number, what = `the render loop to hear of change #${n}`): Promise<void> {
    return this.starts.next(() => this.starts.items.length >= n, what).then(() => undefined);
  }

  /** Resolves at the next start after this call. */
  nextStart(what?: string): Promise<void> {
    return this.started(this.starts.items.length + 1, what);
  }

  /** Ends every pending quiet period now. */
  fire(): void {
    const fires = [...this.pending];
    this.pending.clear();
    for (const f of fires) f();
  }

  /**
   * Ends the pending quiet periods now and every later one on the next turn of the event loop,
   * as a zero-length timer would: late watch events of a save the test has finished with are
   * then handled without the test firing them.
   */
  release(): void {
    this.released = true;
    this.fire();
  }
}

/** The loop's snapshot once `pred` holds for it: now, or at a later published render. */
export function snapshotWhere(loop: RenderLoop, pred: (s: PreviewSnapshot) => boolean, what: string): Promise<PreviewSnapshot> {
  if (pred(loop.current())) return Promise.resolve(loop.current());
  return new Promise((resolve, reject) => {
    const published: number[] = [];
    const clear = deadline(what, () => ({ published, current: loop.current().id }), reject);
    const stop = loop.onUpdate((s) => {
      published.push(s.id);
      if (!pred(s)) return;
      stop();
      clear();
      resolve(s);
    });
  });
}

export const quietLogger = (): PreviewLogger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, info: (l) => lines.push(l), error: (l) => lines.push(l) };
};

import { readFile } from 'node:fs/promises';
import type { RenderedReport, RenderSettings } from '../pipeline/render-types';
import { countDiagnostics, type Diagnostic } from '../validate/diagnostic';
import type { PreviewLogger, PreviewSnapshot, RenderFn } from './types';

/**
 * Starts the quiet-period timer: calls `fire` once, after `ms` and never before this returns,
 * unless the returned function cancels it first (after which `fire` is never called).
 */
export type ScheduleFn = (fire: () => void, ms: number) => () => void;

/** The real quiet-period timer (`setTimeout`), the one the preview uses. */
export const realTimer: ScheduleFn = (fire, ms) => {
  const t = setTimeout(fire, ms);
  return () => clearTimeout(t);
};

/** What the render loop needs; the clock, the quiet-period timer and the file reader are injectable for tests. */
export interface RenderLoopOptions {
  file: string;
  settings: RenderSettings;
  render: RenderFn;
  debounceMs: number;
  logger: PreviewLogger;
  now?: () => number;
  /** Default {@link realTimer}; a test passes its own to end the quiet period when it decides. */
  schedule?: ScheduleFn;
  readBytes?: (file: string) => Promise<Uint8Array>;
}

export type ChangeKind = 'data' | 'template';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function clock(t: Date): string {
  return t.toTimeString().slice(0, 8);
}

/** A render that failed before the renderer could report anything itself. */
function failure(file: string, code: string, message: string, ms = 0): RenderedReport {
  return { file, status: 'failed', diagnostics: [{ severity: 'error', code, path: '', message }], ms };
}

/**
 * Re-renders the report when its files change: debounced, one render at a time, the latest
 * edit wins (a result overtaken by a newer edit is never published), and the last good PDF
 * and Word file are kept when a render fails.
 */
export class RenderLoop {
  private snapshot: PreviewSnapshot;
  private readonly listeners = new Set<(s: PreviewSnapshot) => void>();
  private readonly now: () => number;
  private readonly readBytes: (file: string) => Promise<Uint8Array>;
  private readonly schedule: ScheduleFn;
  /** Cancels the pending quiet-period timer; undefined when none is pending. */
  private timer: (() => void) | undefined;
  /** `idle()` calls waiting for the pending timer to fire or be cancelled. */
  private timerWaiters: (() => void)[] = [];
  private running: Promise<void> | undefined;
  /** A change arrived that no finished render has seen yet. */
  private dirty = false;
  /** Render even if the data bytes did not change (the template changed). */
  private force = false;
  /** Time of the first change not yet reflected in a published render. */
  private firstChangeAt: number | undefined;
  /** Bytes of the last published render. */
  private publishedBytes: Uint8Array | undefined;
  /** A finished render that was overtaken by a change, kept in case that change left the bytes as they were. */
  private overtaken: { bytes: Uint8Array; result: RenderedReport } | undefined;
  private closed = false;
  /** Renders started, for tests and the log. */
  renders = 0;

  constructor(private readonly opts: RenderLoopOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.readBytes = opts.readBytes ?? ((f) => readFile(f));
    this.schedule = opts.schedule ?? realTimer;
    this.snapshot = {
      id: 0,
      file: opts.file,
      status: 'pending',
      diagnostics: [],
      counts: { errors: 0, warnings: 0, hints: 0, acknowledged: 0 },
      pdfId: 0,
      stale: false,
    };
  }

  /** The current state: the latest render's findings and the last good documents. */
  current(): PreviewSnapshot {
    return this.snapshot;
  }

  /** Calls `fn` after every published render; returns a function that stops it. */
  onUpdate(fn: (s: PreviewSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Renders now, without waiting for a change; resolves when that render is published. */
  renderNow(): Promise<void> {
    this.force = true;
    this.dirty = true;
    this.firstChangeAt ??= this.now();
    this.clearTimer();
    return this.kick();
  }

  /** A watched file changed: render after the quiet period. */
  notifyChange(kind: ChangeKind): void {
    if (this.closed) return;
    this.firstChangeAt ??= this.now();
    if (kind === 'template') this.force = true;
    this.dirty = true;
    this.clearTimer();
    this.timer = this.schedule(() => {
      this.timer = undefined;
      void this.kick();
      this.wakeTimerWaiters();
    }, this.opts.debounceMs);
  }

  /** What the loop is doing: reading or rendering (`working`), waiting out a quiet period (`waiting`), or nothing. */
  activity(): 'working' | 'waiting' | 'idle' {
    return this.running ? 'working' : this.timer ? 'waiting' : 'idle';
  }

  /** Resolves when no render is running and no quiet period is pending. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running) await this.running;
      else if (this.timer) await new Promise<void>((r) => this.timerWaiters.push(r));
      else return;
    }
  }

  /** Stops watching for work; waits for a render in progress. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    this.listeners.clear();
    if (this.running) await this.running;
  }

  private clearTimer(): void {
    const cancel = this.timer;
    this.timer = undefined;
    if (cancel) {
      cancel();
      this.wakeTimerWaiters();
    }
  }

  private wakeTimerWaiters(): void {
    const waiters = this.timerWaiters;
    this.timerWaiters = [];
    for (const w of waiters) w();
  }

  private kick(): Promise<void> {
    if (!this.running) {
      this.running = this.loop().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async loop(): Promise<void> {
    // A pending timer means more edits may be on their way: let it fire and restart the loop.
    while (this.dirty && !this.timer && !this.closed) {
      this.dirty = false;
      const force = this.force;
      this.force = false;
      const changedAt = this.firstChangeAt ?? this.now();
      let bytes: Uint8Array;
      try {
        bytes = await this.readBytes(this.opts.file);
      } catch (e) {
        if (this.dirty) continue; // e.g. an editor mid-rename: its next event will bring the file back
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? '文件不存在（已被删除或改名）' : `无法读取（${code ?? (e as Error).message}）`;
        this.publish(undefined, failure(this.opts.file, 'PREVIEW-READ', `数据文件${why}`), changedAt);
        continue;
      }
      if (!force && this.publishedBytes && sameBytes(bytes, this.publishedBytes)) {
        this.firstChangeAt = undefined; // saved without changes: nothing to show
        continue;
      }
      let result: RenderedReport;
      if (!force && this.overtaken && sameBytes(bytes, this.overtaken.bytes)) {
        result = this.overtaken.result;
      } else {
        this.renders++;
        const t0 = this.now();
        try {
          result = await this.opts.render(this.opts.file, bytes, this.opts.settings);
        } catch (e) {
          result = failure(this.opts.file, 'PREVIEW-RENDER', `生成失败：${(e as Error).message}`, this.now() - t0);
        }
      }
      this.overtaken = undefined;
      if (this.closed) return;
      if (this.dirty || this.timer) {
        this.overtaken = { bytes, result }; // a newer edit arrived while rendering: the latest wins
        continue;
      }
      this.publish(bytes, result, changedAt);
    }
  }

  private publish(bytes: Uint8Array | undefined, result: RenderedReport, changedAt: number): void {
    const prev = this.snapshot;
    const id = prev.id + 1;
    const hasPdf = result.status !== 'failed' && result.pdf !== undefined;
    const elapsed = Math.round(this.now() - changedAt);
    const diagnostics: Diagnostic[] = result.diagnostics;
    this.snapshot = {
      id,
      file: this.opts.file,
      status: result.status === 'ok' && !hasPdf ? 'failed' : result.status,
      agency: result.agency ?? prev.agency,
      year: result.year ?? prev.year,
      diagnostics,
      counts: countDiagnostics(diagnostics),
      pdfId: hasPdf ? id : prev.pdfId,
      stale: !hasPdf && prev.pdf !== undefined,
      pdf: hasPdf ? result.pdf : prev.pdf,
      docx: hasPdf ? result.docx : prev.docx,
      html: hasPdf ? result.html : prev.html,
      renderMs: Math.round(result.ms),
      saveToPdfMs: hasPdf ? elapsed : undefined,
      updatedAt: new Date().toISOString(),
    };
    this.publishedBytes = bytes;
    this.firstChangeAt = undefined;
    this.log(this.snapshot);
    for (const fn of this.listeners) fn(this.snapshot);
  }

  private log(s: PreviewSnapshot): void {
    const t = clock(new Date());
    const c = s.counts;
    const found = `错误 ${c.errors} 个，警告 ${c.warnings} 个，提示 ${c.hints} 个${c.acknowledged ? `，已确认 ${c.acknowledged} 个` : ''}`;
    if (s.pdfId === s.id) {
      const first = s.id === 1 ? '首次生成' : '保存到新 PDF';
      this.opts.logger.info(`[${t}] 第 ${s.id} 版：${first}用时 ${s.saveToPdfMs} ms（渲染 ${s.renderMs} ms）；${found}`);
    } else {
      const first = s.diagnostics.find((d) => d.severity === 'error');
      const where = first?.cell ? `${first.cell}：` : first?.line ? `第 ${first.line} 行：` : '';
      const keep = s.pdf ? '继续显示上一版 PDF' : '尚无可显示的 PDF';
      this.opts.logger.error(`[${t}] 第 ${s.id} 版未能生成（${keep}）：${where}${first?.message ?? s.status}`);
    }
  }
}

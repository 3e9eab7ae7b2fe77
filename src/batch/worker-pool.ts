import { Worker } from 'node:worker_threads';

/** A fixed pool of worker threads running one script; tasks are queued and answered in any order. */
export class WorkerPool<Task, Result> {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { task: Task; resolve: (r: Result) => void; reject: (e: Error) => void }[] = [];
  private readonly busy = new Map<Worker, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(script: string, size: number, workerData?: unknown) {
    for (let i = 0; i < size; i++) this.spawn(script, workerData);
  }

  private spawn(script: string, workerData: unknown): void {
    const w = new Worker(script, { workerData });
    w.on('message', (result: Result) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      job?.resolve(result);
      this.release(w);
    });
    w.on('error', (err) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      job?.reject(err);
      // A crashed worker is replaced so the rest of the batch goes on.
      const i = this.all.indexOf(w);
      if (i >= 0) this.all.splice(i, 1);
      if (!this.closed) this.spawn(script, workerData);
    });
    this.all.push(w);
    this.release(w);
  }

  private release(w: Worker): void {
    const next = this.queue.shift();
    if (next) {
      this.busy.set(w, next);
      w.postMessage(next.task);
    } else this.idle.push(w);
  }

  /** Runs a task on the next free worker. */
  run(task: Task): Promise<Result> {
    return new Promise((resolve, reject) => {
      const w = this.idle.pop();
      if (w) {
        this.busy.set(w, { resolve, reject });
        w.postMessage(task);
      } else this.queue.push({ task, resolve, reject });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}

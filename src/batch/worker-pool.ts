import { Worker } from 'node:worker_threads';

/** A task as sent to a worker: an id to match the answer, and the payload. */
export interface PoolMessage<T> {
  id: number;
  task: T;
}

interface Job<Task, Result> {
  id: number;
  task: Task;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed pool of worker threads running one script. Each worker is given up to `depth`
 * tasks at once, so it starts the next one while this thread is still writing the last
 * one's files; answers carry the task id.
 */
export class WorkerPool<Task, Result> {
  private readonly queue: Job<Task, Result>[] = [];
  private readonly inFlight = new Map<Worker, Map<number, Job<Task, Result>>>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: string,
    size: number,
    private readonly depth = 2,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(this.script);
    const jobs = new Map<number, Job<Task, Result>>();
    this.inFlight.set(w, jobs);
    w.on('message', (answer: { id: number; result: Result }) => {
      const job = jobs.get(answer.id);
      jobs.delete(answer.id);
      job?.resolve(answer.result);
      this.fill(w);
    });
    w.on('error', (err) => {
      // A crashed worker fails its tasks and is replaced, so the rest of the batch goes on.
      this.inFlight.delete(w);
      for (const job of jobs.values()) job.reject(err);
      if (!this.closed) this.spawn();
    });
    this.fill(w);
  }

  private fill(w: Worker): void {
    const jobs = this.inFlight.get(w);
    if (!jobs) return;
    while (jobs.size < this.depth && this.queue.length > 0) {
      const job = this.queue.shift()!;
      jobs.set(job.id, job);
      const message: PoolMessage<Task> = { id: job.id, task: job.task };
      w.postMessage(message);
    }
  }

  /** Runs a task on the next free worker. */
  run(task: Task): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      for (const w of this.inFlight.keys()) this.fill(w);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.inFlight.keys()].map((w) => w.terminate()));
  }
}

import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A task as sent to a worker: an id to match the answer, and the payload. */
export interface PoolMessage<T> {
  id: number;
  task: T;
}

/** A task whose worker died twice while running it, the second time with no other task beside it. */
export class WorkerCrashError extends Error {}

interface Job<Task, Result> {
  id: number;
  task: Task;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
  /** Held by a worker that died: run again alone, so a second death is its own. */
  suspect: boolean;
}

/**
 * A fixed pool of worker threads running one script. Each worker is given up to `depth`
 * tasks at once, so it has the next one at hand while it answers the last (a batch worker
 * answers once a report's files are written); answers carry the task id. A worker that dies is replaced, and the tasks it
 * held are run again one at a time on a worker of their own: only a task that kills its
 * worker again is rejected (with a `WorkerCrashError`), so one bad task never fails another.
 */
export class WorkerPool<Task, Result> {
  private readonly queue: Job<Task, Result>[] = [];
  private readonly suspects: Job<Task, Result>[] = [];
  private readonly inFlight = new Map<Worker, Map<number, Job<Task, Result>>>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: string,
    size: number,
    private readonly depth = 2,
    private readonly resourceLimits?: ResourceLimits,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(this.script, { resourceLimits: this.resourceLimits });
    const jobs = new Map<number, Job<Task, Result>>();
    let failure: Error | undefined;
    this.inFlight.set(w, jobs);
    w.on('message', (answer: { id: number; result: Result }) => {
      const job = jobs.get(answer.id);
      jobs.delete(answer.id);
      job?.resolve(answer.result);
      this.fill(w);
    });
    // 'error' (an uncaught exception, running out of memory) is followed by 'exit'; a
    // worker can also exit without an error (process.exit). Either way it is gone.
    w.on('error', (err) => {
      failure = err;
    });
    w.on('exit', (code) => {
      if (!this.inFlight.delete(w) || this.closed) return;
      const why = failure?.message ?? `处理线程意外退出（退出码 ${code}）`;
      for (const job of jobs.values()) {
        if (job.suspect) job.reject(new WorkerCrashError(why));
        else this.suspects.push({ ...job, suspect: true });
      }
      this.spawn();
      this.fillAll();
    });
    this.fill(w);
  }

  private fillAll(): void {
    for (const w of this.inFlight.keys()) this.fill(w);
  }

  private fill(w: Worker): void {
    const jobs = this.inFlight.get(w);
    if (!jobs) return;
    // A suspect runs only on an idle worker, and nothing joins it there; while suspects
    // wait, workers get no new tasks, so they drain and take them.
    if (this.suspects.length > 0 || [...jobs.values()].some((j) => j.suspect)) {
      if (jobs.size === 0 && this.suspects.length > 0) this.send(w, jobs, this.suspects.shift()!);
      return;
    }
    while (jobs.size < this.depth && this.queue.length > 0) this.send(w, jobs, this.queue.shift()!);
  }

  private send(w: Worker, jobs: Map<number, Job<Task, Result>>, job: Job<Task, Result>): void {
    jobs.set(job.id, job);
    const message: PoolMessage<Task> = { id: job.id, task: job.task };
    w.postMessage(message);
  }

  /** Runs a task on the next free worker. */
  run(task: Task): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject, suspect: false });
      this.fillAll();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.inFlight.keys()].map((w) => w.terminate()));
  }
}

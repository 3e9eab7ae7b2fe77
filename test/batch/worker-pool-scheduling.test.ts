import { EventEmitter } from 'node:events';
import { WorkerCrashError, WorkerPool } from '../../src/batch/worker-pool';

// Fake worker threads, driven by the test: what the pool sends each worker, and when each
// one answers or dies, is then exact rather than a race between threads.
class MockWorker extends EventEmitter {
  readonly sent: { id: number; task: string }[] = [];
  constructor() {
    super();
    mockWorkers.push(this);
  }
  postMessage(m: { id: number; task: string }): void {
    this.sent.push(m);
  }
  terminate(): Promise<number> {
    return Promise.resolve(0);
  }
  die(message?: string): void {
    if (message) this.emit('error', new Error(message));
    this.emit('exit', 1);
  }
  answer(task: string): void {
    const m = this.sent.find((x) => x.task === task)!;
    this.emit('message', { id: m.id, result: task.toUpperCase() });
  }
}
const mockWorkers: MockWorker[] = [];
jest.mock('node:worker_threads', () => ({
  get Worker() {
    return MockWorker;
  },
}));

const tasksOf = (w: MockWorker) => w.sent.map((m) => m.task);
const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  mockWorkers.length = 0;
});

describe('WorkerPool scheduling after a crash', () => {
  it('replaces a dead worker and sends each report it held to a worker of its own, nothing beside it; a second death fails that report only', async () => {
    const pool = new WorkerPool<string, string>('fake.js', 1, 2);
    const outcome = new Map<string, string>();
    const all = ['bad', 'a', 'b'].map((t) => pool.run(t).then((r) => outcome.set(t, r), (e: Error) => outcome.set(t, `${e.constructor.name}: ${e.message}`)));
    const [w0] = mockWorkers;
    expect(tasksOf(w0)).toEqual(['bad', 'a']);

    w0.die('第一次');
    const w1 = mockWorkers[1];
    expect(tasksOf(w1)).toEqual(['bad']);

    w1.die('第二次');
    const w2 = mockWorkers[2];
    expect(tasksOf(w2)).toEqual(['a']);
    await flush();
    expect(outcome.get('bad')).toBe(`${WorkerCrashError.name}: 第二次`);

    w2.answer('a');
    expect(tasksOf(w2)).toEqual(['a', 'b']); // once the retries are done, the batch goes on two at a time
    w2.answer('b');
    await Promise.all(all);
    expect(Object.fromEntries(outcome)).toEqual({ bad: 'WorkerCrashError: 第二次', a: 'A', b: 'B' });
    await pool.close();
  });

  it('holds back new reports from busy workers while retries wait, so a retry never shares a worker', async () => {
    const pool = new WorkerPool<string, string>('fake.js', 2, 2);
    const runs = ['x1', 'x2', 'y1', 'y2', 'z1', 'z2'].map((t) => pool.run(t).catch(() => undefined));
    const [wx, wy] = mockWorkers;
    expect([tasksOf(wx), tasksOf(wy)]).toEqual([['x1', 'x2'], ['y1', 'y2']]);

    wx.die(); // exits without an error (process.exit)
    const wz = mockWorkers[2];
    expect(tasksOf(wz)).toEqual(['x1']);
    wy.answer('y1');
    expect(tasksOf(wy)).toEqual(['y1', 'y2']); // still holds y2: takes nothing new
    wy.answer('y2');
    expect(tasksOf(wy)).toEqual(['y1', 'y2', 'x2']); // idle: takes the other retry, alone
    wz.answer('x1');
    wy.answer('x2');
    expect(tasksOf(wz)).toEqual(['x1', 'z1', 'z2']);
    wz.answer('z1');
    wz.answer('z2');
    await Promise.all(runs);
    await pool.close();
  });

  it('names an exit without an error by its exit code', async () => {
    const pool = new WorkerPool<string, string>('fake.js', 1, 1);
    const run = pool.run('q').catch((e: Error) => e);
    mockWorkers[0].die();
    mockWorkers[1].die();
    const e = await run;
    expect(e).toBeInstanceOf(WorkerCrashError);
    expect((e as Error).message).toBe('处理线程意外退出（退出码 1）');
    await pool.close();
  });
});

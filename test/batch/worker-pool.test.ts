import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultWorkers, renderBatch, REPORTS_PER_WORKER, WORKER_YOUNG_GENERATION_MB, workerResourceLimits } from '../../src/batch/run-batch';
import * as workerPool from '../../src/batch/worker-pool';
import { WorkerCrashError, WorkerPool } from '../../src/batch/worker-pool';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

interface Task {
  name: string;
  /** `throw`: dies of an uncaught exception; `exit`: calls process.exit; `once`: throws the first time only. */
  crash?: 'throw' | 'exit' | 'once';
}

// A worker that answers each task (in order, asynchronously, as the render worker does)
// with its name and how many tasks this worker had been sent so far, or dies on request.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { existsSync, writeFileSync } = require('node:fs');
let received = 0;
parentPort.on('message', ({ id, task }) => {
  received++;
  const seen = received;
  setImmediate(() => {
    if (task.crash === 'throw') throw new Error('坏报告 ' + task.name);
    if (task.crash === 'exit') process.exit(3);
    if (task.crash === 'once' && !existsSync(task.marker)) { writeFileSync(task.marker, ''); throw new Error('偶发 ' + task.name); }
    parentPort.postMessage({ id, result: { name: task.name, seen } });
  });
});
`;

describe('WorkerPool heap limits', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  // Answers with the young generation its thread was given, or dies on request.
  const script = join(tmp.dir, 'limits.js');
  writeFileSync(
    script,
    `const { parentPort, resourceLimits } = require('node:worker_threads');
     parentPort.on('message', ({ id, task }) => {
       if (task === 'die') setImmediate(() => { throw new Error('die'); });
       else parentPort.postMessage({ id, result: resourceLimits.maxYoungGenerationSizeMb });
     });`,
  );

  it('gives every worker, a replacement too, the limits it was made with', async () => {
    const pool = new WorkerPool<string, number>(script, 1, 1, { maxYoungGenerationSizeMb: 40 });
    try {
      expect(await pool.run('ask')).toBe(40);
      await expect(pool.run('die')).rejects.toBeInstanceOf(WorkerCrashError);
      expect(await pool.run('ask')).toBe(40);
    } finally {
      await pool.close();
    }
  });

  it("raises the young generation of two or more workers only where V8's own is smaller (Node 20 and 22, not 24)", async () => {
    const pool = new WorkerPool<string, number>(script, 1);
    try {
      const v8Default = await pool.run('ask');
      expect(workerResourceLimits(2)).toEqual(v8Default < WORKER_YOUNG_GENERATION_MB ? { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } : undefined);
      expect(workerResourceLimits(1)).toBeUndefined();
    } finally {
      await pool.close();
    }
  });
});

describe('defaultWorkers', () => {
  it('gives each worker at least REPORTS_PER_WORKER reports, one worker a core at most', () => {
    const n = REPORTS_PER_WORKER;
    expect([1, n - 1, n, 2 * n - 1, 2 * n, 8 * n, 100 * n].map((r) => defaultWorkers(r, 4))).toEqual([1, 1, 1, 1, 2, 4, 4]);
    expect(defaultWorkers(100 * n, 1)).toBe(1);
  });
});

describe('renderBatch with worker threads', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  const poolArgs = async (jobs: number | undefined) => {
    const made: unknown[][] = [];
    const fake = { run: async (task: { file: string }) => ({ file: task.file, status: 'skipped', diagnostics: [], ms: 0 }), close: async () => undefined };
    const spy = jest.spyOn(workerPool, 'WorkerPool').mockImplementation(((...args: unknown[]) => (made.push(args), fake)) as never);
    try {
      const dir = join(tmp.dir, `in-${jobs}`);
      mkdirSync(dir);
      for (const name of ['a', 'b']) writeFileSync(join(dir, `${name}.yaml`), 'agency: x\n');
      await renderBatch([dir], { outDir: join(tmp.dir, `out-${jobs}`), settings: { formats: ['pdf'], systemFonts: false }, jobs });
    } finally {
      spy.mockRestore();
    }
    expect(made).toHaveLength(1);
    return made[0];
  };

  it("gives two or more workers the batch's heap limits, a lone worker none (with a core to spare it gains nothing)", async () => {
    expect(await poolArgs(2)).toEqual([expect.any(String), 2, 4, workerResourceLimits(2)]);
    expect(await poolArgs(undefined)).toEqual([expect.any(String), 1, 4, undefined]);
  });
});

describe('WorkerPool when a worker dies', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const script = join(tmp.dir, 'worker.js');
  writeFileSync(script, WORKER);

  const settle = (pool: WorkerPool<Task & { marker?: string }, { name: string; seen: number }>, tasks: (Task & { marker?: string })[]) =>
    Promise.all(tasks.map((t) => pool.run(t).then((r) => ({ ok: r }), (e: Error) => ({ error: e }))));

  it('retries the reports the dead worker held, each alone, and rejects only the one that kills a worker again', async () => {
    // One worker holding two tasks at a time: the bad report and the next one die together.
    const pool = new WorkerPool<Task, { name: string; seen: number }>(script, 1, 2);
    try {
      const results = await settle(pool, [{ name: 'bad', crash: 'throw' }, { name: 'a' }, { name: 'b' }, { name: 'c' }]);
      const [bad, a, b, c] = results;
      expect('error' in bad && bad.error).toBeInstanceOf(WorkerCrashError);
      expect('error' in bad && bad.error.message).toBe('坏报告 bad');
      expect([a, b, c].map((r) => ('ok' in r ? r.ok.name : r.error.message))).toEqual(['a', 'b', 'c']);
      // 'a' was held by the worker that died first; its retry ran on a fresh worker, alone.
      expect('ok' in a && a.ok.seen).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('treats a worker that exits without an error the same way', async () => {
    const pool = new WorkerPool<Task, { name: string; seen: number }>(script, 2, 2);
    try {
      const results = await settle(pool, [{ name: 'a' }, { name: 'quits', crash: 'exit' }, { name: 'b' }, { name: 'c' }, { name: 'd' }]);
      expect(results.map((r) => ('ok' in r ? r.ok.name : r.error.message))).toEqual(['a', '处理线程意外退出（退出码 3）', 'b', 'c', 'd']);
    } finally {
      await pool.close();
    }
  });

  it('renders a report whose worker died only once (the retry succeeds)', async () => {
    const marker = join(tmp.dir, 'once-marker');
    const pool = new WorkerPool<Task & { marker: string }, { name: string; seen: number }>(script, 1, 2);
    try {
      const results = await settle(pool, [{ name: 'flaky', crash: 'once', marker }, { name: 'a', marker }]);
      expect(existsSync(marker)).toBe(true);
      expect(results.map((r) => ('ok' in r ? r.ok.name : r.error.message))).toEqual(['flaky', 'a']);
    } finally {
      await pool.close();
    }
  });
});

describe('xxgk batch when a report crashes its worker (XXGK_TEST_CRASH_REPORT)', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const example = readFileSync(EXAMPLE, 'utf8');

  it('fails only that report, naming it, and renders every other one', () => {
    const dir = join(tmp.dir, 'in');
    mkdirSync(dir);
    for (const name of ['a', 'b', 'crash', 'c', 'd', 'e']) writeFileSync(join(dir, `${name}.yaml`), example.replace(/^agency: .*$/m, `agency: 测试县${name}局`));
    const out = join(tmp.dir, 'out');
    const r = xxgk(['batch', dir, '-o', out, '-j', '2', '-f', 'docx', '--no-system-fonts'], { env: { XXGK_TEST_CRASH_REPORT: 'crash.yaml' } });
    expect(r.status).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const statusOf = Object.fromEntries(summary.results.map((x: { file: string; status: string }) => [x.file.slice(dir.length + 1), x.status]));
    expect(statusOf).toEqual({ 'a.yaml': 'ok', 'b.yaml': 'ok', 'c.yaml': 'ok', 'crash.yaml': 'failed', 'd.yaml': 'ok', 'e.yaml': 'ok' });
    const crashed = summary.results.find((x: { file: string }) => x.file.endsWith('crash.yaml'));
    expect(crashed.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'RENDER', message: expect.stringContaining(`生成 ${join(dir, 'crash.yaml')} 时处理线程崩溃，单独重试仍然崩溃`) }),
    ]);
    for (const name of ['a', 'b', 'c', 'd', 'e']) expect(existsSync(join(out, `${name}.docx`))).toBe(true);
    expect(existsSync(join(out, 'crash.docx'))).toBe(false);
    expect(r.stdout).toContain('共 6 份报告：完成 5，有错误 0，已拒绝 0，失败 1；已跳过 0 个文件');
  });

  it('without -j, a batch too small for two threads still renders in a worker, so the crash stays its own', () => {
    const dir = join(tmp.dir, 'default');
    mkdirSync(dir);
    for (const name of ['a', 'crash', 'b']) writeFileSync(join(dir, `${name}.yaml`), example.replace(/^agency: .*$/m, `agency: 测试县${name}局`));
    const r = xxgk(['batch', dir, '-o', join(tmp.dir, 'default-out'), '-f', 'docx', '--no-system-fonts'], { env: { XXGK_TEST_CRASH_REPORT: 'crash.yaml' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('共 3 份报告：完成 2，有错误 0，已拒绝 0，失败 1；已跳过 0 个文件');
  });

  it('is read only by worker threads: with -j 1 the same report renders', () => {
    const dir = join(tmp.dir, 'one');
    mkdirSync(dir);
    writeFileSync(join(dir, 'crash.yaml'), example);
    const r = xxgk(['batch', dir, '-o', join(tmp.dir, 'one-out'), '-j', '1', '-f', 'docx', '--no-system-fonts'], { env: { XXGK_TEST_CRASH_REPORT: 'crash.yaml' } });
    expect(r.status).toBe(0);
  });
});

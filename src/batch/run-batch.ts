import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { basename, extname, join } from 'node:path';
import { prepareOutputDir } from '../pipeline/write-outputs';
import type { RenderedReport, RenderSettings } from '../pipeline/render-types';
import { countDiagnostics } from '../validate/diagnostic';
import { beforeInterruptedExit, removeOwnTemporaries, writeFileAtomic } from '../util/atomic-write';
import { resolve } from 'node:path';
import type { BatchStatus } from './batch-status';
import { collectInputs, type BatchInput } from './collect-inputs';
import { indexPage } from './index-page';
import { checkRollups, type Rollup } from './manifest';
import { startTask, type TaskResult, type WorkerTask } from './render-worker';
import { skipNote } from './report-file';
import { summarize, summaryCsv, type BatchSummary, type CombinedOutcome, type ReportOutcome } from './summary';
import { WorkerCrashError, WorkerPool } from './worker-pool';
import { matchRoster } from '../roster/match-names';
import type { Roster } from '../roster/roster';

/**
 * The young generation of each batch worker, MB (V8's default is 48 in Node 20 and 22). With
 * every core rendering, each scavenge's parallel helpers wait for a core, so every scavenge
 * saved counts: measured on 2,000 reports with -j 2 on two cores, 23.0 s against 28.1 s
 * (medians of 5 paired runs) and a fifth less processor time, for about 70 MB more peak
 * memory. A single thread gains nothing from it (its helpers have the idle core: one worker
 * of 200 reports, the same time either way, 30 MB more), so only two or more workers get it;
 * 96 MB or more gains no more.
 */
export const WORKER_YOUNG_GENERATION_MB = 64;

// V8 before 13 (Node 20 and 22) gives a worker 48 MB of young generation; Node 24's gives 192 MB,
// which the batch's setting must not shrink.
const V8_YOUNG_GENERATION_SMALL = Number(process.versions.v8.split('.')[0]) < 13;

/** The heap limits of a batch's `jobs` workers: a larger young generation when they fill the cores and V8's own is small. */
export function workerResourceLimits(jobs: number): ResourceLimits | undefined {
  return jobs > 1 && V8_YOUNG_GENERATION_SMALL ? { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } : undefined;
}

/**
 * Reports a worker thread should have before one more pays off. Each worker compiles and
 * optimises the code again (about 2.5 s of processor time before it renders at full speed),
 * and while it does, it takes the core the other threads' compilers and collectors would
 * use. Measured on two cores, both formats (medians of 3): 200 reports took 4.6 s and 195 MB
 * in one worker, 5.0 s and 290 MB in two (4.2 s with -j 1, in the main thread); 400 took the
 * same time in one thread or two; 800 took 17 s in one and 13.7 s in two.
 */
export const REPORTS_PER_WORKER = 250;

/** Worker threads for a batch of `reports` when -j is not given: one a core, each with at least `REPORTS_PER_WORKER` reports. */
export function defaultWorkers(reports: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(reports / REPORTS_PER_WORKER)));
}

/** Options of a batch run. */
export interface BatchOptions {
  outDir: string;
  settings: RenderSettings;
  /** Worker threads (default: `defaultWorkers`, always in worker threads); 1 renders in this thread. */
  jobs?: number;
  /** Parent reports whose tables 三 and 四 should equal the sum of their children's (rule B1). */
  rollups?: Rollup[];
  /** The units expected to report (应报单位名单): adds 未报送 rows and marks reports 名单外. */
  roster?: Roster;
  /** Also write one compiled volume (年报汇编) of the reports without errors to this PDF file. */
  combined?: { file: string; coverTitle?: string; issuer?: string };
  /** Called after each report, in completion order. */
  onReport?: (outcome: ReportOutcome, done: number, total: number) => void;
}

function outcomeOf(result: TaskResult, outputs: string[]): ReportOutcome {
  const c = countDiagnostics(result.diagnostics);
  const rendered = result.status === 'skipped' ? undefined : result;
  const status: BatchStatus = rendered?.status === 'ok' ? (c.errors > 0 ? 'errors' : 'ok') : result.status;
  return {
    file: result.file,
    agency: rendered?.agency,
    year: rendered?.year,
    status,
    errors: c.errors,
    warnings: c.warnings,
    acknowledged: c.acknowledged,
    diagnostics: result.diagnostics,
    outputs,
    pdfPages: rendered?.status === 'ok' ? rendered.pdfPages : undefined,
    ms: result.ms,
  };
}

/** The result of a report whose worker died twice while rendering it, alone the second time. */
function crashed(file: string, e: Error): RenderedReport {
  const message =
    e instanceof WorkerCrashError
      ? `生成 ${file} 时处理线程崩溃，单独重试仍然崩溃（${e.message}）；其余报告不受影响`
      : `生成失败：${e.message}`;
  return { file, status: 'failed', ms: 0, diagnostics: [{ severity: 'error', code: 'RENDER', path: '', message }] };
}

/**
 * Renders many reports (files, or every .yaml/.yml/.json in folders) into one folder,
 * going on past broken ones and skipping files that are not reports, and writes
 * summary.json and summary.csv there (and, with the web page among the formats,
 * index.html listing the reports written without data errors).
 */
export async function renderBatch(paths: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const inputs = collectInputs(paths, options.outDir);
  prepareOutputDir(options.outDir);
  const reports = inputs.filter((x) => !x.skip).length;
  const jobs = options.jobs === undefined ? defaultWorkers(reports) : Math.max(1, Math.min(options.jobs, reports || 1));
  // Only -j 1 or a single report renders in this thread: without -j, even one worker renders
  // apart from it, so a report that crashes the worker fails alone.
  const inThisThread = reports <= 1 || (options.jobs !== undefined && options.jobs <= 1);
  const results: ReportOutcome[] = new Array(inputs.length);
  let done = 0;
  const finish = (input: BatchInput, index: number, result: TaskResult) => {
    results[index] = outcomeOf(result, (result.status !== 'skipped' && result.outputs) || []);
    options.onReport?.(results[index], ++done, inputs.length);
  };
  for (const [i, input] of inputs.entries()) if (input.skip) finish(input, i, { file: input.file, status: 'skipped', diagnostics: [skipNote(input.skip)], ms: 0 });

  const toRender = [...inputs.entries()].filter(([, input]) => !input.skip);
  const taskOf = (input: BatchInput): WorkerTask => ({ file: input.file, settings: options.settings, out: { dir: options.outDir, name: input.outName! } });
  if (inThisThread) {
    let stopped = false;
    const run = (async () => {
      // The next report renders while the last one's files are written.
      let writing: Promise<void> = Promise.resolve();
      for (const [i, input] of toRender) {
        if (stopped) break;
        const { written } = await startTask(taskOf(input));
        await writing;
        writing = written.then((r) => finish(input, i, r));
      }
      await writing;
    })();
    const stopOnInterrupt = beforeInterruptedExit(async () => {
      stopped = true;
      await run.catch(() => undefined);
      removeOwnTemporaries(options.outDir);
    });
    try {
      await run;
    } finally {
      stopOnInterrupt();
    }
  } else {
    // Four tasks per worker: one rendering, the rest queued behind it or being written, so a
    // worker never waits for the disk.
    const pool = new WorkerPool<WorkerTask, TaskResult>(join(__dirname, 'render-worker.js'), jobs, 4, workerResourceLimits(jobs));
    // Workers write the files: interrupted, the batch stops them before removing what they left half-written.
    const stopOnInterrupt = beforeInterruptedExit(async () => {
      await pool.close();
      removeOwnTemporaries(options.outDir);
    });
    try {
      await Promise.all(
        toRender.map(([i, input]) =>
          pool
            .run(taskOf(input))
            .catch((e: Error) => crashed(input.file, e))
            .then((r) => finish(input, i, r)),
        ),
      );
    } finally {
      stopOnInterrupt();
      await pool.close();
    }
  }

  if (options.rollups?.length) {
    const found = checkRollups(options.rollups);
    for (const r of results) {
      const extra = found.get(resolve(r.file));
      if (!extra?.length) continue;
      r.diagnostics.push(...extra);
      r.warnings += extra.length;
    }
  }
  const rows = options.roster ? applyRoster(options.roster, results) : results;
  const summary = summarize(rows, options.roster && { file: options.roster.file, units: options.roster.entries.length });
  if (options.combined) summary.combined = await writeVolume(summary, options.combined, options.settings);
  writeFileAtomic(join(options.outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  writeFileAtomic(join(options.outDir, 'summary.csv'), summaryCsv(summary));
  if (options.settings.formats.includes('html')) writeFileAtomic(join(options.outDir, 'index.html'), indexPage(summary));
  return summary;
}

/**
 * Marks each report with its roster unit, or as outside the roster with near names, and
 * returns the rows in roster order: each unit's report, or a `missing` row for a unit no
 * report names; then the reports outside the roster and the skipped files, in input
 * order. A report whose data
 * could not be read (no agency) is matched by its file name, as `xxgk init --roster`
 * names the forms after the units.
 */
function applyRoster(roster: Roster, results: ReportOutcome[]): ReportOutcome[] {
  const reports = results.filter((r) => r.status !== 'skipped');
  const match = matchRoster(
    roster.entries,
    reports.map((r) => r.agency ?? basename(r.file, extname(r.file))),
  );
  reports.forEach((r, i) => {
    const entry = match.entryOf[i];
    if (entry) r.rosterName = entry.name;
    else {
      r.outside = true;
      if (match.suggestions[i]) r.suggestions = match.suggestions[i];
    }
  });
  const byEntry = new Map(reports.flatMap((r, i) => (match.entryOf[i] ? [[match.entryOf[i]!, r] as const] : [])));
  return [
    ...roster.entries.map((e) => byEntry.get(e) ?? missingRow(e.name)),
    ...reports.filter((r) => r.outside),
    ...results.filter((r) => r.status === 'skipped'),
  ];
}

function missingRow(name: string): ReportOutcome {
  return {
    file: '',
    agency: name,
    rosterName: name,
    status: 'missing',
    errors: 0,
    warnings: 0,
    acknowledged: 0,
    diagnostics: [],
    outputs: [],
    ms: 0,
  };
}

/** The default title of a volume's cover. */
export const DEFAULT_COVER_TITLE = '政府信息公开工作年度报告汇编';

/**
 * Writes the compiled volume of the reports without errors (完成), in the summary's order
 * (roster order with a roster, else input order); a failure is recorded, not thrown.
 */
async function writeVolume(summary: BatchSummary, combined: NonNullable<BatchOptions['combined']>, settings: RenderSettings): Promise<CombinedOutcome> {
  const listed = summary.results.filter((r) => r.status === 'ok' && r.file !== '');
  const years = [...new Set(listed.map((r) => r.year))];
  try {
    const { compileVolume } = require('../volume/compile-volume') as typeof import('../volume/compile-volume');
    const volume = await compileVolume(
      listed.map((r) => ({ file: r.file })),
      { title: combined.coverTitle ?? DEFAULT_COVER_TITLE, year: years.length === 1 ? years[0] : undefined, issuer: combined.issuer },
      settings,
    );
    writeFileAtomic(combined.file, volume.bytes);
    return { file: combined.file, reports: volume.units.length, pages: volume.pageCount, units: volume.units.map((u) => ({ file: u.file, agency: u.agency, firstPage: u.firstPage })), ...(volume.warnings.length ? { warnings: volume.warnings } : {}) };
  } catch (e) {
    return { file: combined.file, reports: 0, pages: 0, units: [], error: `汇编 ${combined.file} 未能生成：${(e as Error).message}` };
  }
}

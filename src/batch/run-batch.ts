import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeOutputs, prepareOutputDir } from '../pipeline/write-outputs';
import type { RenderedReport, RenderSettings } from '../pipeline/render-types';
import { countDiagnostics } from '../validate/diagnostic';
import { writeFileAtomic } from '../util/atomic-write';
import { resolve } from 'node:path';
import { collectInputs, type BatchInput } from './collect-inputs';
import { indexPage } from './index-page';
import { checkRollups, type Rollup } from './manifest';
import { renderTask, type WorkerTask } from './render-worker';
import { summarize, summaryCsv, type BatchSummary, type ReportOutcome } from './summary';
import { WorkerPool } from './worker-pool';

/** Options of a batch run. */
export interface BatchOptions {
  outDir: string;
  settings: RenderSettings;
  /** Worker threads (default: the number of cores); 1 renders in this thread. */
  jobs?: number;
  /** Parent reports whose tables 三 and 四 should equal the sum of their children's (rule B1). */
  rollups?: Rollup[];
  /** Called after each report, in completion order. */
  onReport?: (outcome: ReportOutcome, done: number, total: number) => void;
}

function outcomeOf(rendered: RenderedReport, outputs: string[]): ReportOutcome {
  const c = countDiagnostics(rendered.diagnostics);
  return {
    file: rendered.file,
    agency: rendered.agency,
    year: rendered.year,
    status: rendered.status,
    errors: c.errors,
    warnings: c.warnings,
    acknowledged: c.acknowledged,
    diagnostics: rendered.diagnostics,
    outputs,
    pdfPages: rendered.status === 'ok' ? rendered.pdfPages : undefined,
    ms: rendered.ms,
  };
}

/**
 * Renders many reports (files, or every .yaml/.yml/.json in folders) into one folder,
 * going on past broken ones, and writes summary.json and summary.csv there (and, with the
 * web page among the formats, index.html listing the reports without data errors).
 */
export async function renderBatch(paths: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const inputs = collectInputs(paths);
  prepareOutputDir(options.outDir);
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), inputs.length || 1));
  const results: ReportOutcome[] = new Array(inputs.length);
  let done = 0;
  const finish = (input: BatchInput, index: number, rendered: RenderedReport) => {
    let outputs: string[] = [];
    if (rendered.status === 'ok') {
      try {
        outputs = writeOutputs(rendered, options.outDir, input.outName);
      } catch (e) {
        rendered = { ...rendered, status: 'failed', diagnostics: [...rendered.diagnostics, { severity: 'error', code: 'WRITE', path: '', message: (e as Error).message }] };
      }
    }
    results[index] = outcomeOf(rendered, outputs);
    options.onReport?.(results[index], ++done, inputs.length);
  };

  if (jobs === 1) {
    for (const [i, input] of inputs.entries()) finish(input, i, await renderTask({ file: input.file, settings: options.settings }));
  } else {
    const pool = new WorkerPool<WorkerTask, RenderedReport>(join(__dirname, 'render-worker.js'), jobs);
    try {
      await Promise.all(
        inputs.map((input, i) =>
          pool
            .run({ file: input.file, settings: options.settings })
            .catch((e: Error): RenderedReport => ({ file: input.file, status: 'failed', ms: 0, diagnostics: [{ severity: 'error', code: 'RENDER', path: '', message: `生成失败：${e.message}` }] }))
            .then((r) => finish(input, i, r)),
        ),
      );
    } finally {
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
  const summary = summarize(results);
  writeFileAtomic(join(options.outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  writeFileAtomic(join(options.outDir, 'summary.csv'), summaryCsv(summary));
  if (options.settings.formats.includes('html')) writeFileAtomic(join(options.outDir, 'index.html'), indexPage(summary));
  return summary;
}

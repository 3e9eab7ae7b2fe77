import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { InputFileError, parseReportBytes, readInputBytes } from '../pipeline/check-report';
import { renderReportBytes } from '../pipeline/render-report';
import { writeOutputsAsync } from '../pipeline/write-outputs';
import type { RenderedReport, RenderSettings } from '../pipeline/render-types';
import type { Diagnostic } from '../validate/diagnostic';
import { skipNote, whyNotAReport } from './report-file';
import type { PoolMessage } from './worker-pool';

/** A task sent to a batch worker. */
export interface WorkerTask {
  file: string;
  settings: RenderSettings;
  /** The folder and base name to write the documents to; without it they come back in the result. */
  out?: { dir: string; name: string };
}

/** A file that parsed but is not a report: skipped, with one `SKIP` note saying why. */
export interface SkippedFile {
  file: string;
  status: 'skipped';
  diagnostics: Diagnostic[];
  ms: number;
}

/** A report a task rendered; with `out`, its documents are written (`outputs`) and not carried back. */
export type RenderedTask = RenderedReport & { outputs?: string[] };

/** What a batch worker answers for one file. */
export type TaskResult = RenderedTask | SkippedFile;

/**
 * Renders one report, turning any failure into a `failed` result so the batch goes on; a
 * file that parses but has none of the report's fields comes back `skipped`.
 */
async function render(task: WorkerTask): Promise<TaskResult> {
  const started = performance.now();
  try {
    const bytes = readInputBytes(task.file);
    const rendered = await renderReportBytes(task.file, bytes, task.settings);
    // Data without any of the contract's keys cannot pass the schema (agency and year are
    // required), so only a failed file is parsed again to see whether it is a report at all.
    if (rendered.status === 'failed' && rendered.agency === undefined) {
      const parsed = parseReportBytes(bytes);
      const reason = parsed.diagnostics.length === 0 ? whyNotAReport(parsed.data) : undefined;
      if (reason) return { file: task.file, status: 'skipped', diagnostics: [skipNote(reason)], ms: performance.now() - started };
    }
    return rendered;
  } catch (e) {
    const message = e instanceof InputFileError ? e.message : `生成失败：${(e as Error).message}`;
    return {
      file: task.file,
      status: 'failed',
      diagnostics: [{ severity: 'error', code: 'RENDER', path: '', message }],
      ms: performance.now() - started,
    };
  }
}

/** The result without its documents: only small data goes back to the batch's thread. */
function withoutDocuments(r: RenderedReport): RenderedReport {
  const { docx: _d, pdf: _p, html: _h, ...rest } = r;
  return rest;
}

/**
 * Renders one report and starts writing its documents to `task.out`; `written` settles with
 * the result once they are in place. A write that fails makes the report `failed` (code WRITE).
 * The documents are written here, in the worker, so they never cross between threads.
 */
export async function startTask(task: WorkerTask): Promise<{ written: Promise<TaskResult> }> {
  const result = await render(task);
  if (!task.out || result.status !== 'ok') return { written: Promise.resolve(result) };
  const written = writeOutputsAsync(result, task.out.dir, task.out.name).then(
    (outputs): TaskResult => ({ ...withoutDocuments(result), outputs }),
    (e: Error): TaskResult => ({ ...withoutDocuments(result), status: 'failed', diagnostics: [...result.diagnostics, { severity: 'error', code: 'WRITE', path: '', message: e.message }] }),
  );
  return { written };
}

/** Renders one report and, with `task.out`, writes its documents; resolves when all is done. */
export async function renderTask(task: WorkerTask): Promise<TaskResult> {
  return (await startTask(task)).written;
}

// Test hook: a worker given the file whose name is XXGK_TEST_CRASH_REPORT dies (an uncaught
// exception) instead of rendering it, so tests can see a crashed worker replaced and its
// reports retried. Read only here, in the worker thread, never by `-j 1` or the CLI.
const crashOn = parentPort ? process.env.XXGK_TEST_CRASH_REPORT : undefined;

// Fonts and templates are cached per module, so each worker loads them once. Tasks render one
// after another, in the order they came; a report's answer goes back once its files are
// written, while the next one renders.
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', ({ id, task }: PoolMessage<WorkerTask>) => {
  chain = chain.then(() => {
    if (crashOn && basename(task.file) === crashOn) {
      setImmediate(() => {
        throw new Error(`测试：${crashOn} 使处理线程崩溃（XXGK_TEST_CRASH_REPORT）`);
      });
      return new Promise<void>(() => {});
    }
    return startTask(task).then(({ written }) => {
      void written.then((result) => parentPort?.postMessage({ id, result }));
    });
  });
});

import { parentPort } from 'node:worker_threads';
import { InputFileError, readInputBytes } from '../pipeline/check-report';
import { renderReportBytes } from '../pipeline/render-report';
import type { RenderedReport, RenderSettings } from '../pipeline/render-types';
import type { PoolMessage } from './worker-pool';

/** A task sent to a batch worker. */
export interface WorkerTask {
  file: string;
  settings: RenderSettings;
}

/** Renders one report, turning any failure into a `failed` result so the batch goes on. */
export async function renderTask(task: WorkerTask): Promise<RenderedReport> {
  const started = performance.now();
  try {
    const bytes = readInputBytes(task.file);
    return await renderReportBytes(task.file, bytes, task.settings);
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

// Fonts and templates are cached per module, so each worker loads them once. Tasks run one
// after another, in the order they came.
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', ({ id, task }: PoolMessage<WorkerTask>) => {
  chain = chain.then(() => renderTask(task).then((result) => parentPort?.postMessage({ id, result })));
});

/**
 * What happened to one file of a batch, as written to summary.json: `ok` written without
 * data errors; `errors` written, but the data has errors; `refused` not written because of
 * errors under `--strict`; `failed` could not be read or rendered; `skipped` not a report.
 */
export type BatchStatus = 'ok' | 'errors' | 'refused' | 'failed' | 'skipped';

/** Every status, in the order counts are shown. */
export const BATCH_STATUSES: readonly BatchStatus[] = ['ok', 'errors', 'refused', 'failed', 'skipped'];

/** The words for each status, the same on the console, in summary.csv and in index.html's note. */
export const STATUS_LABEL: Record<BatchStatus, string> = {
  ok: '完成',
  errors: '有错误',
  refused: '已拒绝',
  failed: '失败',
  skipped: '已跳过',
};

/** Whether a file with this status makes the batch exit 1, as `render` does for the same file. */
export const failsBatch = (status: BatchStatus): boolean => status === 'errors' || status === 'refused' || status === 'failed';

/**
 * What happened to one file of a batch, as written to summary.json: `ok` written without
 * data errors; `errors` written, but the data has errors; `refused` not written because of
 * errors under `--strict`; `failed` could not be read or rendered; `skipped` not a report;
 * `missing` a unit of the roster (`--roster`) that no report names: a row with no file.
 */
export type BatchStatus = 'ok' | 'errors' | 'refused' | 'failed' | 'skipped' | 'missing';

/** Every status, in the order counts are shown. */
export const BATCH_STATUSES: readonly BatchStatus[] = ['ok', 'errors', 'refused', 'failed', 'skipped', 'missing'];

/** The words for each status, the same on the console, in summary.csv and in index.html's note. */
export const STATUS_LABEL: Record<BatchStatus, string> = {
  ok: '完成',
  errors: '有错误',
  refused: '已拒绝',
  failed: '失败',
  skipped: '已跳过',
  missing: '未报送',
};

/** The mark of a report whose agency is on no entry of the roster (its status stays what rendering made it). */
export const OUTSIDE_LABEL = '名单外';

/**
 * Whether a file with this status makes the batch exit 1, as `render` does for the same file.
 * A unit that has not reported (`missing`) does not: the batch did all it was given, and the
 * console and summary say who is still to report.
 */
export const failsBatch = (status: BatchStatus): boolean => status === 'errors' || status === 'refused' || status === 'failed';

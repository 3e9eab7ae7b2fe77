import { closeSync, fsync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file that could not be written, with a Chinese message naming it and why (the CLI exits 2). */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** The advice for a file that another program holds open (Windows refuses to replace it). */
export const LOCKED_ADVICE = '可能正在 Word、WPS 或 Excel 中打开，请先关闭它再重试';

/**
 * Why a file or folder could not be written, in Chinese, from the system's error code. On
 * Windows a file open in Word or Excel cannot be replaced: EBUSY, or EPERM from the rename.
 */
export function writeFailureReason(e: unknown, path: string, platform: NodeJS.Platform = process.platform): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const dir = dirname(path);
  switch (code) {
    case 'EBUSY':
      return `${path} 正被其他程序占用，${LOCKED_ADVICE}`;
    case 'ENOENT':
      return `文件夹 ${dir} 不存在`;
    case 'ENOTDIR':
      return `${dir} 的路径中有一部分是文件而不是文件夹`;
    case 'EISDIR':
      return `${path} 是一个已有的文件夹，不能写成文件`;
    case 'EEXIST':
      return `${path} 已存在且不是文件夹`;
    case 'EPERM':
      if (platform === 'win32') return `${path} ${LOCKED_ADVICE}；如果没有打开，则是没有写入 ${dir} 的权限`;
      return `没有写入 ${dir} 的权限`;
    case 'EACCES':
      return `没有写入 ${dir} 的权限`;
    case 'EROFS':
      return `${dir} 在只读的磁盘上`;
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EDQUOT':
      return '超出磁盘配额';
    case 'ENAMETOOLONG':
      return '文件名太长';
    default:
      return `系统错误 ${code ?? (e as Error)?.message ?? String(e)}`;
  }
}

const pending = new Set<string>();
let hooked = false;
/** Work an interrupted process finishes before it exits (the batch stops its workers). */
const beforeExit = new Set<() => Promise<void>>();

function removePending(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}

function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removePending();
      if (beforeExit.size === 0) process.exit(130);
      void Promise.allSettled([...beforeExit].map((f) => f())).then(() => {
        removePending();
        process.exit(130);
      });
    });
  }
}

/**
 * Registers cleanup that an interrupted process (SIGINT, SIGTERM, SIGHUP) runs before it
 * exits, and installs the handlers; returns the function that removes it again.
 */
export function beforeInterruptedExit(cleanup: () => Promise<void>): () => void {
  hookSignals();
  beforeExit.add(cleanup);
  return () => beforeExit.delete(cleanup);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temporary file of `name` for process `pid`. */
const temporaryName = (name: string, pid: number | string): string => `.${name}.${pid}.tmp`;

/** `[name, pid]` of a temporary file's name, or undefined for any other file. */
function parseTemporary(entry: string): [name: string, pid: number] | undefined {
  const m = /^\.(.+)\.(\d+)\.tmp$/.exec(entry);
  return m ? [m[1], Number(m[2])] : undefined;
}

/**
 * Per folder, the temporary files that killed earlier processes left, by the output they were
 * for. A folder is listed once per process (listing it for every write made a batch of
 * thousands of files quadratic); a write then removes its own name's leftovers.
 */
const staleByFolder = new Map<string, Map<string, string[]>>();

function staleTemporaries(dir: string): Map<string, string[]> {
  let stale = staleByFolder.get(dir);
  if (stale) return stale;
  stale = new Map();
  staleByFolder.set(dir, stale);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return stale;
  }
  for (const entry of entries) {
    const parsed = parseTemporary(entry);
    if (!parsed || parsed[1] === process.pid || isRunning(parsed[1])) continue;
    const list = stale.get(parsed[0]);
    if (list) list.push(entry);
    else stale.set(parsed[0], [entry]);
  }
  return stale;
}

/** Removes `.NAME.PID.tmp` files left by processes that were killed (SIGKILL cannot be caught). */
function removeStaleTemporaries(dir: string, name: string): void {
  const stale = staleTemporaries(dir);
  const entries = stale.get(name);
  if (!entries) return;
  stale.delete(name);
  for (const entry of entries) {
    try {
      unlinkSync(join(dir, entry));
    } catch {
      /* gone, or not ours to remove */
    }
  }
}

/**
 * Removes this process's own temporary files in `dir`, whichever thread wrote them: for a
 * batch interrupted while its workers were writing, once they have stopped.
 */
export function removeOwnTemporaries(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (parseTemporary(entry)?.[1] !== process.pid) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      /* gone */
    }
  }
}

const toBytes = (bytes: Uint8Array | string): Uint8Array => (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);

/** Creates the temporary file exclusively and writes `bytes` into it; returns it open. */
function writeTemporary(tmp: string, bytes: Uint8Array | string): number {
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (e) {
    // Ours from an interrupted write in this process, or planted: never write through it.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    unlinkSync(tmp);
    fd = openSync(tmp, 'wx');
  }
  try {
    const data = toBytes(bytes);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/** Closes the flushed temporary file and renames it over `path`. */
function replaceWith(fd: number, tmp: string, path: string): void {
  closeSync(fd);
  renameSync(tmp, path);
  removeStaleTemporaries(dirname(path), basename(path));
}

function failed(e: unknown, tmp: string, path: string): WriteError {
  try {
    unlinkSync(tmp);
  } catch {
    /* never created */
  }
  return new WriteError(`无法写入 ${path}：${writeFailureReason(e, path)}`, (e as NodeJS.ErrnoException).code);
}

const temporaryOf = (path: string): string => join(dirname(path), temporaryName(basename(path), process.pid));

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then renamed
 * over the final path, so a killed process never leaves a truncated file there. The
 * temporary file is created exclusively (never through a symbolic link someone left at
 * its name), and temporary files of killed earlier runs are removed.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  hookSignals();
  const tmp = temporaryOf(path);
  pending.add(tmp);
  try {
    const fd = writeTemporary(tmp, bytes);
    try {
      fsyncSync(fd);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    replaceWith(fd, tmp, path);
  } catch (e) {
    throw failed(e, tmp, path);
  } finally {
    pending.delete(tmp);
  }
}

/**
 * `writeFileAtomic` with the flush, the one step that waits for the disk, done off this
 * thread: a batch worker renders its next report while the last one's files are flushed.
 */
export async function writeFileAtomicAsync(path: string, bytes: Uint8Array | string): Promise<void> {
  hookSignals();
  const tmp = temporaryOf(path);
  pending.add(tmp);
  try {
    const fd = writeTemporary(tmp, bytes);
    try {
      await new Promise<void>((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    replaceWith(fd, tmp, path);
  } catch (e) {
    throw failed(e, tmp, path);
  } finally {
    pending.delete(tmp);
  }
}

import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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
      process.exit(130);
    });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `.NAME.PID.tmp` files left by processes that were killed (SIGKILL cannot be caught). */
function removeStaleTemporaries(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = entry.slice(prefix.length, -'.tmp'.length);
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      /* gone, or not ours to remove */
    }
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then renamed
 * over the final path, so a killed process never leaves a truncated file there. The
 * temporary file is created exclusively (never through a symbolic link someone left at
 * its name), and temporary files of killed earlier runs are removed.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  hookSignals();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    try {
      unlinkSync(tmp); // ours from an interrupted write in this process, or planted: never write through it
    } catch {
      /* none */
    }
    const fd = openSync(tmp, 'wx');
    try {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    removeStaleTemporaries(dirname(path), basename(path));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw new WriteError(`无法写入 ${path}：${writeFailureReason(e, path)}`, (e as NodeJS.ErrnoException).code);
  } finally {
    pending.delete(tmp);
  }
}

import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors/usage-error';
import { writeFailureReason, writeFileAtomic, writeFileAtomicAsync } from '../util/atomic-write';
import { OUTPUT_FORMATS, type RenderedReport } from './render-types';

/** Makes sure the output folder exists and can be written, or says so in Chinese. */
export function prepareOutputDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`无法创建输出文件夹 ${dir}：${writeFailureReason(e, dir)}`);
  }
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} 不是文件夹`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`输出文件夹 ${dir} 没有写入权限`);
  }
}

/** Writes a rendered report's documents as DIR/NAME.docx, .pdf and .html, atomically; returns the paths. */
export function writeOutputs(rendered: RenderedReport, dir: string, name: string): string[] {
  const written: string[] = [];
  for (const format of OUTPUT_FORMATS) {
    const bytes = rendered[format];
    if (!bytes) continue;
    const path = join(dir, `${name}.${format}`);
    writeFileAtomic(path, bytes);
    written.push(path);
  }
  return written;
}

/**
 * `writeOutputs` with the writing done off this thread (the documents in parallel); resolves
 * to the paths once every file is in place, or rejects with the first `WriteError`.
 */
export async function writeOutputsAsync(rendered: RenderedReport, dir: string, name: string): Promise<string[]> {
  const files = OUTPUT_FORMATS.flatMap((format) => {
    const bytes = rendered[format];
    return bytes ? [{ path: join(dir, `${name}.${format}`), bytes }] : [];
  });
  const writes = await Promise.allSettled(files.map((f) => writeFileAtomicAsync(f.path, f.bytes)));
  const failed = writes.find((w): w is PromiseRejectedResult => w.status === 'rejected');
  if (failed) throw failed.reason;
  return files.map((f) => f.path);
}

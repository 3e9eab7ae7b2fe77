import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors/usage-error';
import { RULES_FILE_NAME } from '../validate/rules-config';
import { isLockFile, REPORT_EXTENSIONS } from './report-file';

/** One input of a batch: a report and the output base name it renders to, or a file skipped and why. */
export type BatchInput = { file: string; outName: string; skip?: undefined } | { file: string; skip: string; outName?: undefined };

/**
 * Expands files and folders (every .yaml/.yml/.json/.xlsx inside, recursively, sorted) to batch
 * inputs. Lock files are left out silently; a named file of another kind, or one inside the
 * output folder, is kept as skipped so the summary lists it. The output folder itself is
 * never walked, and naming it (or a folder inside it) as input is a usage error.
 */
export function collectInputs(paths: readonly string[], outDir: string): BatchInput[] {
  const out = realPath(outDir);
  const inOut = (p: string) => {
    const r = realPath(p);
    return r === out || r.startsWith(out + sep);
  };
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${p}: 文件或文件夹不存在`);
    }
    if (st.isDirectory()) {
      if (inOut(p)) throw new UsageError(`${p}: 这是输出文件夹（或在输出文件夹中），不能同时作为输入；请另选一个输出文件夹`);
      files.push(...walk(p, out));
    } else if (!isLockFile(basename(p))) files.push(p);
  }
  // Deduplicate by real location, but keep each file as the user spelled it for messages.
  const byLocation = new Map<string, string>();
  for (const f of files) if (!byLocation.has(resolve(f))) byLocation.set(resolve(f), f);
  const unique = [...byLocation.values()];
  const skipOf = (f: string): string | undefined =>
    !REPORT_EXTENSIONS.has(extname(f).toLowerCase())
      ? '不是报告数据：只读取 .yaml、.yml、.json 和 .xlsx 文件'
      : basename(f) === RULES_FILE_NAME
        ? '这是规则文件，不是报告数据（批量处理只用 --config 或所处理文件夹中的规则文件）'
        : inOut(f)
          ? '在输出文件夹中：输出文件夹里的文件不作为输入'
          : undefined;
  const names = new Map(assignOutNames(unique.filter((f) => !skipOf(f))).map((x) => [x.file, x.outName]));
  return unique.map((file): BatchInput => {
    const skip = skipOf(file);
    return skip ? { file, skip } : { file, outName: names.get(file)! };
  });
}

/** The path with symbolic links resolved, or just absolute when it does not exist (yet). */
function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function walk(dir: string, outDir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || isLockFile(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (realPath(full) !== outDir) out.push(...walk(full, outDir));
    } else if (REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/**
 * Names outputs after their input file; where two inputs share a base name, the
 * folder path (relative to their common folder) is prefixed so nothing is overwritten.
 */
export function assignOutNames(files: readonly string[]): { file: string; outName: string }[] {
  const stem = (f: string) => basename(f, extname(f));
  const counts = new Map<string, number>();
  for (const f of files) counts.set(stem(f), (counts.get(stem(f)) ?? 0) + 1);
  const root = commonDir(files.map((f) => resolve(f)));
  const used = new Set<string>();
  return files.map((file) => {
    let name = stem(file);
    if ((counts.get(name) ?? 0) > 1) {
      const rel = relative(root, resolve(file));
      name = rel.slice(0, rel.length - extname(rel).length).split(sep).join('_');
    }
    let unique = name;
    for (let i = 2; used.has(unique); i++) unique = `${name}-${i}`;
    used.add(unique);
    return { file, outName: unique };
  });
}

function commonDir(files: readonly string[]): string {
  if (files.length === 0) return '.';
  let parts = files[0].split(sep).slice(0, -1);
  for (const f of files.slice(1)) {
    const q = f.split(sep);
    let i = 0;
    while (i < parts.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

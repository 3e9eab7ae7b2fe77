import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../cli/exit-codes';

/** File extensions a batch picks up from a folder. */
export const REPORT_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.xlsx']);

/** One input of a batch and the output base name it renders to. */
export interface BatchInput {
  file: string;
  /** Output file name without extension, unique within the batch. */
  outName: string;
}

/** Expands files and folders (every .yaml/.yml/.json inside, recursively, sorted) to batch inputs. */
export function collectInputs(paths: readonly string[]): BatchInput[] {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${p}: 文件或文件夹不存在`);
    }
    if (st.isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  // Deduplicate by real location, but keep each file as the user spelled it for messages.
  const byLocation = new Map<string, string>();
  for (const f of files) if (!byLocation.has(resolve(f))) byLocation.set(resolve(f), f);
  return assignOutNames([...byLocation.values()]);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/**
 * Names outputs after their input file; where two inputs share a base name, the
 * folder path (relative to their common folder) is prefixed so nothing is overwritten.
 */
export function assignOutNames(files: readonly string[]): BatchInput[] {
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

/**
 * A template folder: `report.hbs` (the main template) and partials, one per `.hbs`
 * file, named by the file name without `.hbs` (`{{> table-3}}` is `table-3.hbs`).
 * Compiled sets are cached per folder and reloaded when any file's mtime or size
 * changes (or a file is added or removed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileTemplate, type CompiledTemplate } from './engine';
import { TemplateError } from './errors';

/** The default template folder, inside the package (works from src/ and dist/). */
export const DEFAULT_TEMPLATE_DIR = path.resolve(__dirname, '..', '..', 'templates', 'annual-report');

/** The main template's file name. */
export const MAIN_TEMPLATE = 'report.hbs';

/** A loaded, compiled template folder. */
export interface TemplateSet {
  dir: string;
  /** Absolute paths of the files, in the order location markers refer to them. */
  files: string[];
  /** Renders the view with the folder's partials; throws TemplateError. */
  render(view: unknown): string;
}

interface Cached {
  stamp: string;
  set: TemplateSet;
}

const cache = new Map<string, Cached>();

function stampOf(dir: string, names: string[]): string {
  let stamp = '';
  for (const name of names) {
    const st = fs.statSync(path.join(dir, name));
    stamp += `${name}\u0000${st.mtimeMs}\u0000${st.size}\n`;
  }
  return stamp;
}

function listTemplates(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TemplateError(code === 'ENOTDIR' ? '模板位置不是文件夹' : '找不到模板文件夹', dir);
  }
  return entries
    .filter((d) => d.isFile() && d.name.endsWith('.hbs'))
    .map((d) => d.name)
    .sort();
}

/** Loads (or takes from the cache) the compiled templates of a folder. */
export function loadTemplateSet(templateDir: string = DEFAULT_TEMPLATE_DIR): TemplateSet {
  const dir = path.resolve(templateDir);
  const names = listTemplates(dir);
  if (!names.includes(MAIN_TEMPLATE)) {
    throw new TemplateError(`模板文件夹中没有主模板 ${MAIN_TEMPLATE}`, dir);
  }
  const stamp = stampOf(dir, names);
  const hit = cache.get(dir);
  if (hit && hit.stamp === stamp) return hit.set;

  const files = names.map((n) => path.join(dir, n));
  const compiled: CompiledTemplate[] = files.map((file, i) => {
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch {
      throw new TemplateError('无法读取模板文件', file);
    }
    if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    return compileTemplate(source, file, i);
  });
  const partials: Record<string, CompiledTemplate> = Object.create(null);
  let main: CompiledTemplate | undefined;
  names.forEach((name, i) => {
    if (name === MAIN_TEMPLATE) main = compiled[i];
    else partials[name.slice(0, -'.hbs'.length)] = compiled[i];
  });
  const set: TemplateSet = {
    dir,
    files,
    render: (view) => main!(view, { partials }),
  };
  cache.set(dir, { stamp, set });
  return set;
}

/** Forgets every cached template folder (for tests and long-running previews). */
export function clearTemplateCache(): void {
  cache.clear();
}

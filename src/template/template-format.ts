/**
 * Which national format a template folder is written for: `template.json` in the folder
 * (`{ "format": 2021 }`). A folder without one was copied before formats existed and is
 * the 2021 format.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogueFor, DEFAULT_FORMAT, knownFormats, type FormatCatalogue } from '../catalogue/index';
import { TemplateError } from './errors';

/** The file naming a template folder's format. */
export const TEMPLATE_FORMAT_FILE = 'template.json';

/** The folder holding the bundled template folders (works from src/ and dist/). */
export const TEMPLATES_ROOT = path.resolve(__dirname, '..', '..', 'templates');

/** The bundled template folder of a format. */
export function bundledTemplateDir(catalogue: FormatCatalogue): string {
  return path.join(TEMPLATES_ROOT, catalogue.templateDir);
}

/** The format a template folder declares; throws TemplateError when the declaration is unreadable or unknown. */
export function templateFormat(dir: string): number {
  const file = path.join(dir, TEMPLATE_FORMAT_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_FORMAT;
    throw new TemplateError('无法读取模板的格式声明', file);
  }
  let format: unknown;
  try {
    format = (JSON.parse(text.replace(/^\uFEFF/, '')) as { format?: unknown })?.format;
  } catch {
    throw new TemplateError(`格式声明应为 JSON，如 { "format": ${DEFAULT_FORMAT} }`, file);
  }
  if (typeof format !== 'number' || !catalogueFor(format)) {
    throw new TemplateError(`“format”应为已有的报告格式（${knownFormats()}），而不是 ${JSON.stringify(format)}`, file);
  }
  return format;
}

/**
 * The template folder for a report of `catalogue`'s format: the user's (`-t`), which must
 * be written for the same format, or the bundled one.
 */
export function templateDirFor(catalogue: FormatCatalogue, userDir?: string): string {
  if (userDir === undefined) return bundledTemplateDir(catalogue);
  const declared = templateFormat(userDir);
  if (declared !== catalogue.format) {
    throw new TemplateError(
      `模板文件夹是 ${declared} 年格式（${catalogueFor(declared)!.issuedBy}）的，而数据文件是 ${catalogue.format} 年格式` +
        `（format: ${catalogue.format}），两者应一致：请换用 ${catalogue.format} 年格式的模板，或改正数据文件的 format`,
      path.join(userDir, TEMPLATE_FORMAT_FILE),
    );
  }
  return userDir;
}

/**
 * Report → DocTree: view model (code) → handlebars (templates) → markup → parse.
 */
import { MarkupError, parseBlocks } from '../doc/parse-markup';
import type { DocMeta, DocTree } from '../doc/tree';
import { deriveTables } from '../model/derive';
import { expandPlaceholders } from '../model/placeholders';
import type { Report } from '../model/schema';
import type { Diagnostic } from '../validate/diagnostic';
import { TemplateError } from './errors';
import { isoDate } from './format';
import { loadTemplateSet, MAIN_TEMPLATE } from './template-set';
import { buildView, type NarrativeExpander, type ReportView } from './view-model';
import * as path from 'node:path';

export interface BuildOptions {
  /** A template folder (`-t DIR`); defaults to the package's templates/annual-report. */
  templateDir?: string;
}

export interface BuildResult {
  tree: DocTree;
  /**
   * Findings about the data met while building. Empty today: unknown narrative
   * placeholders are reported by validation (P1). Template problems are not
   * diagnostics: they throw `TemplateError`.
   */
  diagnostics: Diagnostic[];
}

/** Narrative placeholders (`{{applications.newlyReceived.total}}`) → figures; unknown ones stay as written (validation reports them, rule P1). */
function expander(report: Report): NarrativeExpander {
  const context = { year: report.year, agency: report.agency };
  return (text, derived) => expandPlaceholders(text, derived, context).text;
}

/** Renders the template folder for a report: the markup, before parsing (for debugging). */
export function renderMarkup(report: Report, options: BuildOptions = {}): { markup: string; view: ReportView; files: string[] } {
  const set = loadTemplateSet(options.templateDir);
  const view = buildView(report, deriveTables(report), expander(report));
  return { markup: set.render(view), view, files: set.files };
}

/**
 * Builds the document tree of a validated report with a template folder.
 *
 * Throws `TemplateError` (Chinese message naming the template file and line) when
 * the template is broken: bad handlebars syntax, an unknown helper, element or
 * attribute, a field the data does not have, a malformed table grid. Data can never
 * cause one: it is escaped, so it cannot add markup. The CLI prints
 * `err.message` (or `err.toDiagnostic()`) and exits 1.
 */
export function buildDocTree(report: Report, options: BuildOptions = {}): BuildResult {
  const { markup, view, files } = renderMarkup(report, options);
  let blocks;
  try {
    blocks = parseBlocks(markup, { files, source: files.find((f) => path.basename(f) === MAIN_TEMPLATE) });
  } catch (e) {
    if (e instanceof MarkupError) throw new TemplateError(e.reason, e.file ?? files[0], e.line);
    throw e;
  }
  const meta: DocMeta = {
    title: view.title,
    author: view.agency,
    date: (view.signature?.date && isoDate(view.signature.date)) || `${view.year + 1}-01-01`,
    language: 'zh-CN',
  };
  return { tree: { meta, blocks }, diagnostics: [] };
}

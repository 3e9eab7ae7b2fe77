/**
 * Report → DocTree: view model (code) → handlebars (templates) → markup → parse.
 */
import { catalogueFor, unknownFormatMessage, type FormatCatalogue } from '../catalogue/index';
import { MarkupError, parseBlocks } from '../doc/parse-markup';
import type { DocMeta, DocTree } from '../doc/tree';
import { deriveTables } from '../model/derive';
import { expandPlaceholders } from '../model/placeholders';
import type { Report } from '../model/schema';
import type { Diagnostic } from '../validate/diagnostic';
import { TemplateError } from './errors';
import { isoDate } from './format';
import { checkOfficialLabels } from './official-labels';
import { templateDirFor } from './template-format';
import { DEFAULT_TEMPLATE_DIR, loadTemplateSet, MAIN_TEMPLATE } from './template-set';
import { buildView, type Edition, type NarrativeExpander, type ReportView } from './view-model';
import * as path from 'node:path';

export interface BuildOptions {
  /** A template folder (`-t DIR`) written for the report's format; defaults to the bundled folder of that format. */
  templateDir?: string;
  /** The edition (default public): the submission edition always has its 落款, set for a seal. */
  edition?: Edition;
}

export interface BuildResult {
  tree: DocTree;
  /**
   * Findings met while building: official table labels a template does not print
   * (TPL-LABEL). Unknown narrative placeholders are reported by validation (P1); a
   * broken template is not a diagnostic: it throws `TemplateError`.
   */
  diagnostics: Diagnostic[];
}

/** The catalogue of the report's format (validation has refused unknown formats). */
function catalogueOf(report: Report): FormatCatalogue {
  const catalogue = catalogueFor(report.format);
  if (!catalogue) throw new TemplateError(unknownFormatMessage(report.format), DEFAULT_TEMPLATE_DIR);
  return catalogue;
}

/** Narrative placeholders (`{{applications.newlyReceived.total}}`) → figures; unknown ones stay as written (validation reports them, rule P1). */
function expander(report: Report): NarrativeExpander {
  const context = { year: report.year, agency: report.agency };
  return (text, derived) => expandPlaceholders(text, derived, context).text;
}

/** Renders the template folder for a report: the markup, before parsing (for debugging). */
export function renderMarkup(report: Report, options: BuildOptions = {}): { markup: string; view: ReportView; files: string[] } {
  const set = loadTemplateSet(templateDirFor(catalogueOf(report), options.templateDir));
  const view = buildView(report, deriveTables(report), expander(report), options.edition);
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
  if (options.edition === 'submission') for (const b of blocks) if (b.kind === 'signature') b.sealed = true;
  const meta: DocMeta = {
    title: view.title,
    author: view.agency,
    date: (view.signature?.date && isoDate(view.signature.date)) || `${view.year + 1}-01-01`,
    language: 'zh-CN',
  };
  return { tree: { meta, blocks }, diagnostics: checkOfficialLabels(blocks, catalogueOf(report)) };
}

import type { DocTree } from '../doc/tree';
import { TemplateError } from '../template/errors';
import { buildDocTree } from '../template/build-doc-tree';
import { GBT9704 } from '../style/settings';
import type { Diagnostic } from '../validate/diagnostic';
import { countDiagnostics } from '../validate/diagnostic';
import { checkReportBytes } from './check-report';
import type { RenderedReport, RenderSettings } from './render-types';

export type { OutputFormat, RenderedReport, RenderSettings } from './render-types';
export { OUTPUT_FORMATS } from './render-types';

/** A failure of the render that the user can fix (a font file): reported as a diagnostic. */
class RenderFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Writers are required on first use so `validate` starts without loading them.

/** What every format is drawn from: the fonts the PDF uses and the document's tables resolved with them. */
interface Prepared {
  fonts: import('../fonts/font-face').FontSet;
  measure: import('../layout/table-model').TextMeasure;
  tables: import('../layout/table-model').TableModel[];
}

/** Resolves the fonts and the tables once; the tables' messages join the diagnostics. */
function prepare(tree: DocTree, settings: RenderSettings, diagnostics: Diagnostic[]): Prepared {
  const { resolveFontSet } = require('../fonts/resolve') as typeof import('../fonts/resolve');
  const { fontMeasure } = require('../layout/text-measure') as typeof import('../layout/text-measure');
  const { resolveTables } = require('../layout/table-model') as typeof import('../layout/table-model');
  const style = settings.style ?? GBT9704;
  let fonts;
  try {
    fonts = resolveFontSet({ userFonts: settings.fonts, systemFonts: settings.systemFonts ?? true });
  } catch (e) {
    const { FontError } = require('../fonts/load') as typeof import('../fonts/load');
    if (e instanceof FontError) throw new RenderFailure('FONT', e.message);
    throw e;
  }
  const measure = fontMeasure(fonts, style);
  const tables = resolveTables(tree, style, measure);
  for (const t of tables) for (const d of t.diagnostics) diagnostics.push({ severity: d.severity, code: d.code, path: d.where ?? '', message: d.message });
  return { fonts, measure, tables };
}

/** Builds the .docx of a document tree. */
async function docxOf(tree: DocTree, settings: RenderSettings, prep: Prepared): Promise<Uint8Array> {
  const { writeDocx } = require('../writers/docx/index') as typeof import('../writers/docx/index');
  return writeDocx(tree, settings.style ?? GBT9704, {
    fontProfile: settings.fontProfile,
    latinFont: settings.latinFont,
    measure: prep.measure,
    tables: prep.tables,
  });
}

/** Lays out and paints the PDF of a document tree; layout findings join the diagnostics. */
async function pdfOf(tree: DocTree, settings: RenderSettings, prep: Prepared, diagnostics: Diagnostic[]): Promise<{ bytes: Uint8Array; pages: number }> {
  const { facesOf } = require('../fonts/resolve') as typeof import('../fonts/resolve');
  const { layoutDocument } = require('../layout/index') as typeof import('../layout/index');
  const { writePdf } = require('../writers/pdf/index') as typeof import('../writers/pdf/index');
  const style = settings.style ?? GBT9704;
  const layout = layoutDocument(tree, style, prep.fonts, { tables: prep.tables });
  for (const d of layout.diagnostics) {
    // --strict turns a character no font has (an empty box in the PDF) into an error.
    const severity = settings.strict && d.code === 'F-MISSING' ? 'error' : d.severity;
    diagnostics.push({ severity, code: d.code, path: d.where ?? '', message: d.message });
  }
  return { bytes: await writePdf(layout.pages, facesOf(prep.fonts), tree.meta, { structure: layout.structure }), pages: layout.pages.length };
}

/**
 * Parses, validates and renders one report in memory. Never throws for bad data or a
 * broken template: those come back as `failed` with diagnostics.
 */
export async function renderReportBytes(file: string, bytes: Uint8Array, settings: RenderSettings): Promise<RenderedReport> {
  const started = performance.now();
  const checked = checkReportBytes(file, bytes, { rules: settings.rules });
  const diagnostics = checked.diagnostics;
  const report = checked.report;
  if (report && settings.edition === 'submission' && !report.signature?.date) {
    const line = checked.sourceMap?.lineOf('signature');
    diagnostics.push({ severity: 'error', code: 'S1', path: 'signature.date', line, message: '报送版（--edition submission）须有成文日期：请在 signature 中填写 date，如 2022-01-20' });
  }
  const base = { file, agency: report?.agency, year: report?.year, diagnostics };
  const done = (r: Omit<RenderedReport, 'ms'>): RenderedReport => ({ ...r, ms: performance.now() - started });
  if (!report) return done({ ...base, status: 'failed' });
  if (settings.strict && countDiagnostics(diagnostics).errors > 0) return done({ ...base, status: 'refused' });

  let tree: DocTree;
  try {
    const built = buildDocTree(report, { templateDir: settings.templateDir, edition: settings.edition });
    tree = built.tree;
    diagnostics.push(...built.diagnostics);
  } catch (e) {
    if (e instanceof TemplateError) {
      diagnostics.push({ severity: 'error', code: 'TEMPLATE', path: '', message: e.message });
      return done({ ...base, status: 'failed' });
    }
    throw e;
  }
  let docx: Uint8Array | undefined;
  let pdf: Uint8Array | undefined;
  let pdfPages: number | undefined;
  let html: Uint8Array | undefined;
  try {
    const prep = prepare(tree, settings, diagnostics);
    if (settings.formats.includes('docx')) docx = await docxOf(tree, settings, prep);
    if (settings.formats.includes('pdf')) ({ bytes: pdf, pages: pdfPages } = await pdfOf(tree, settings, prep, diagnostics));
    if (settings.formats.includes('html')) {
      const { writeHtml } = require('../writers/html/index') as typeof import('../writers/html/index');
      html = writeHtml(tree, settings.style ?? GBT9704, { tables: prep.tables });
    }
  } catch (e) {
    if (e instanceof RenderFailure) {
      diagnostics.push({ severity: 'error', code: e.code, path: '', message: e.message });
      return done({ ...base, status: 'failed' });
    }
    throw e;
  }
  if (settings.strict && countDiagnostics(diagnostics).errors > 0) return done({ ...base, status: 'refused' });
  return done({ ...base, status: 'ok', docx, pdf, html, pdfPages });
}

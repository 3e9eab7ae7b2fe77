/**
 * The web page writer: a DocTree in, one self-contained HTML page out (UTF-8, styles
 * inline, no script, no outside files). Government sites publish the annual report as an
 * article in their 政府信息公开 column; this is that article, with the three tables as
 * real HTML tables (rowspan/colspan as in the national format, header rows in <thead>
 * with scope), so it can be put on the site or pasted into its editor as it is. Pages do
 * not exist on the web: page breaks are dropped and the browser sets the lines; printed,
 * it takes GB/T 9704's margins and repeats the tables' header rows on each page.
 */
import type { Align, Block, DocTree, Inline } from '../../doc/tree';
import { resolveTables, type TableModel } from '../../layout/table-model';
import { emMeasure } from '../../layout/text-measure';
import { ROLE_FONTS } from '../../style/font-roles';
import { GBT9704, type Role, type StyleSettings } from '../../style/settings';

/** The role's CSS font stack (style/font-roles.ts). */
export function webFont(role: Role): string {
  const stack = ROLE_FONTS[role].web;
  if (!stack) throw new Error(`no web font stack for role ${role}`);
  return stack;
}

/** ` font-family: …;` for an element set in `role` inside body text, empty where it inherits the same stack. */
const ownFont = (role: Role): string => (webFont(role) === webFont('body') ? '' : ` font-family: ${webFont(role)};`);

/** Points with at most three decimals. */
const pt = (n: number): string => `${+n.toFixed(3)}pt`;
const mm = (n: number): string => `${+n.toFixed(3)}mm`;

/** The page's style sheet, from the style settings: sizes, line pitch, indent, table rules and margins. */
export function styleSheet(style: StyleSettings): string {
  const r = style.roles;
  const size = (role: Role) => pt(r[role].size);
  const weight = (role: Role) => (r[role].bold ? 'bold' : 'normal');
  const m = style.margins;
  const typeWidth = style.page.widthMm - m.leftMm - m.rightMm;
  return `
.xxgk-report { max-width: ${mm(typeWidth)}; margin: 2em auto; padding: 0 1em; font-family: ${webFont('body')}; font-size: ${size('body')}; line-height: ${+(style.linePitchPt / r.body.size).toFixed(4)}; color: #000; }
.xxgk-report h1 { font-family: ${webFont('title')}; font-size: ${size('title')}; font-weight: ${weight('title')}; text-align: center; line-height: 1.5; margin: 0 0 1em; }
.xxgk-report h2 { font-family: ${webFont('heading1')}; font-size: ${size('heading1')}; font-weight: ${weight('heading1')}; text-indent: ${style.indentChars}em; margin: 0; }
.xxgk-report h3 { font-family: ${webFont('heading2')}; font-size: ${size('heading2')}; font-weight: ${weight('heading2')}; text-indent: ${style.indentChars}em; margin: 0; }
.xxgk-report h4 {${ownFont('heading3')} font-size: ${size('heading3')}; font-weight: ${weight('heading3')}; text-indent: ${style.indentChars}em; margin: 0; }
.xxgk-report p { margin: 0; text-align: justify; }
.xxgk-report p.indent { text-indent: ${style.indentChars}em; }
.xxgk-report .run-in-2 { font-family: ${webFont('heading2')}; }
.xxgk-report .run-in-3 {${ownFont('heading3')} font-weight: ${weight('heading3')}; }
.xxgk-report table {${ownFont('table')} border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.5em 0 1em; font-size: ${size('table')}; line-height: ${style.tableLineHeight}; }
.xxgk-report th, .xxgk-report td { border: ${pt(style.tableBorderPt)} solid #000; padding: ${pt(style.tableCellPaddingPt)}; font-weight: ${weight('table')}; text-align: center; vertical-align: middle; }
.xxgk-report td.number { white-space: nowrap; }
.xxgk-report .signature { text-align: right; padding-right: 2em; }
.xxgk-report .signature.first { margin-top: ${+(style.linePitchPt / r.body.size).toFixed(4)}em; }
.xxgk-report .left { text-align: left; } .xxgk-report .center { text-align: center; } .xxgk-report .right { text-align: right; }
.xxgk-report .justify { text-align: justify; text-align-last: left; }
@page { size: ${mm(style.page.widthMm)} ${mm(style.page.heightMm)}; margin: ${mm(m.topMm)} ${mm(m.rightMm)} ${mm(m.bottomMm)} ${mm(m.leftMm)}; }
@media print {
  .xxgk-report { max-width: none; margin: 0; padding: 0; }
  .xxgk-report thead { display: table-header-group; }
  .xxgk-report tr { break-inside: avoid; }
  .xxgk-report h2, .xxgk-report h3, .xxgk-report h4 { break-after: avoid; }
}
`.trim();
}

/** Text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inlines(children: readonly Inline[]): string {
  let out = '';
  for (const node of children) {
    switch (node.kind) {
      case 'text':
        out += escapeHtml(node.text);
        break;
      case 'strong':
        out += `<strong>${inlines(node.children)}</strong>`;
        break;
      case 'runIn':
        out += `<span class="run-in-${node.level}">${escapeHtml(node.text)}</span>`;
        break;
      case 'lineBreak':
        out += '<br>';
        break;
    }
  }
  return out;
}

/** A paragraph's alignment class: none for the default (justified). */
const alignClass = (a: Align): string => (a === 'justify' ? '' : a);

const attrs = (pairs: Record<string, string | number | undefined>): string =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');

/**
 * A table as its model resolves it: the header rows in <thead> as <th scope="col">, the rest in
 * <tbody>; the model's column widths; each cell's alignment; a number never wraps.
 */
function table(model: TableModel): string {
  const { grid, colX } = model;
  const total = colX[colX.length - 1] - colX[0];
  const cols = colX
    .slice(1)
    .map((x, i) => `<col style="width:${(((x - colX[i]) / total) * 100).toFixed(2)}%">`)
    .join('');
  let head = '';
  let body = '';
  for (let r = 0; r < grid.rows; r++) {
    const header = r < grid.headerRows;
    const cells = grid.cells
      .filter((c) => c.row === r)
      .map((c) => {
        const tag = header ? 'th' : 'td';
        const a = attrs({
          scope: header ? (c.colSpan > 1 ? 'colgroup' : 'col') : undefined,
          rowspan: c.rowSpan > 1 ? c.rowSpan : undefined,
          colspan: c.colSpan > 1 ? c.colSpan : undefined,
          class: [c.align === 'center' ? '' : c.align, c.numeric ? 'number' : ''].filter(Boolean).join(' '),
        });
        return `<${tag}${a}>${inlines(c.cell.children)}</${tag}>`;
      })
      .join('');
    if (header) head += `<tr>${cells}</tr>\n`;
    else body += `<tr>${cells}</tr>\n`;
  }
  return `<table>\n<colgroup>${cols}</colgroup>\n${head ? `<thead>\n${head}</thead>\n` : ''}<tbody>\n${body}</tbody>\n</table>`;
}

function block(b: Block, tables: readonly TableModel[], next: { table: number }): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${inlines(b.children)}</h1>`;
    case 'heading':
      return `<h${b.level + 1}>${inlines(b.children)}</h${b.level + 1}>`;
    case 'paragraph': {
      const cls = [b.indent ? 'indent' : '', alignClass(b.align)].filter(Boolean).join(' ');
      return `<p${attrs({ class: cls })}>${inlines(b.children)}</p>`;
    }
    case 'table':
      return table(tables[next.table++]);
    case 'signature':
      return b.lines.map((l, i) => `<p class="signature${i === 0 ? ' first' : ''}">${escapeHtml(l)}</p>`).join('\n');
    case 'pageBreak':
      return '';
    default: {
      const unknown: never = b;
      throw new Error(`unknown block ${(unknown as Block).kind}`);
    }
  }
}

/** Options of `writeHtml`. */
export interface HtmlOptions {
  /** The document's tables, resolved once for every format (default: resolved here, measured by ems). */
  tables?: readonly TableModel[];
}

/** The report as a web page: the same text and tables as the .docx and the PDF, in the style settings' sizes. */
export function writeHtml(tree: DocTree, style: StyleSettings = GBT9704, options: HtmlOptions = {}): Uint8Array {
  const { meta } = tree;
  const tables = options.tables ?? resolveTables(tree, style, emMeasure(style));
  const next = { table: 0 };
  const body = tree.blocks
    .map((b) => block(b, tables, next))
    .filter(Boolean)
    .join('\n');
  const page =
    '<!DOCTYPE html>\n' +
    `<html lang="${escapeHtml(meta.language)}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(meta.title)}</title>\n` +
    `<meta name="author" content="${escapeHtml(meta.author)}">\n` +
    `<meta name="generator" content="xxgk">\n` +
    `<style>\n${styleSheet(style)}\n</style>\n</head>\n<body>\n<article class="xxgk-report">\n${body}\n</article>\n</body>\n</html>\n`;
  return Buffer.from(page, 'utf8');
}

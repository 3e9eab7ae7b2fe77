/**
 * The web page writer: a DocTree in, one self-contained HTML page out (UTF-8, styles
 * inline, no script, no outside files). Government sites publish the annual report as an
 * article in their 政府信息公开 column; this is that article, with the three tables as
 * real HTML tables (rowspan/colspan as in the national format, header rows in <thead>
 * with scope), so it can be put on the site or pasted into its editor as it is. Pages do
 * not exist on the web: page breaks are dropped and the browser sets the lines; printed,
 * it takes GB/T 9704's margins and repeats the tables' header rows on each page.
 */
import type { Align, Block, DocTree, Inline, TableNode } from '../../doc/tree';
import { ROLE_FONTS } from '../../style/font-roles';
import type { Role } from '../../style/settings';
import { columnEdges } from '../../layout/column-edges';

/** The role's CSS font stack (style/font-roles.ts). */
export function webFont(role: Role): string {
  const stack = ROLE_FONTS[role].web;
  if (!stack) throw new Error(`no web font stack for role ${role}`);
  return stack;
}

/** ` font-family: …;` for an element set in `role` inside body text, empty where it inherits the same stack. */
const ownFont = (role: Role): string => (webFont(role) === webFont('body') ? '' : ` font-family: ${webFont(role)};`);

const STYLE = `
.xxgk-report { max-width: 46em; margin: 2em auto; padding: 0 1em; font-family: ${webFont('body')}; font-size: 16pt; line-height: 1.8; color: #000; }
.xxgk-report h1 { font-family: ${webFont('title')}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
.xxgk-report h2 { font-family: ${webFont('heading1')}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
.xxgk-report h3 { font-family: ${webFont('heading2')}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
.xxgk-report h4 {${ownFont('heading3')} font-size: 16pt; font-weight: bold; text-indent: 2em; margin: 0; }
.xxgk-report p { margin: 0; text-align: justify; }
.xxgk-report p.indent { text-indent: 2em; }
.xxgk-report .run-in-2 { font-family: ${webFont('heading2')}; }
.xxgk-report .run-in-3 {${ownFont('heading3')} font-weight: bold; }
.xxgk-report table {${ownFont('table')} border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 12pt; line-height: 1.4; }
.xxgk-report th, .xxgk-report td { border: 1px solid #000; padding: 0.2em 0.3em; font-weight: normal; text-align: center; vertical-align: middle; }
.xxgk-report .signature { text-align: right; padding-right: 2em; }
.xxgk-report .signature.first { margin-top: 1.8em; }
.xxgk-report .left { text-align: left; } .xxgk-report .center { text-align: center; } .xxgk-report .right { text-align: right; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  .xxgk-report { max-width: none; margin: 0; padding: 0; }
  .xxgk-report thead { display: table-header-group; }
  .xxgk-report tr { break-inside: avoid; }
  .xxgk-report h2, .xxgk-report h3, .xxgk-report h4 { break-after: avoid; }
}
`.trim();

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

/** A table as HTML has it: header rows in <thead> as <th scope="col">, the rest in <tbody>. */
function table(node: TableNode): string {
  // The PDF's column rule (relative widths, equal ones if invalid), on a 0–100 % scale.
  const edges = columnEdges(node.widths, 0, 100);
  const cols = edges
    .slice(1)
    .map((x, i) => `<col style="width:${(x - edges[i]).toFixed(2)}%">`)
    .join('');
  let head = '';
  let body = '';
  for (const row of node.rows) {
    const cells = row.cells
      .map((c) => {
        const tag = row.header ? 'th' : 'td';
        const a = attrs({
          scope: row.header ? (c.colSpan > 1 ? 'colgroup' : 'col') : undefined,
          rowspan: c.rowSpan > 1 ? c.rowSpan : undefined,
          colspan: c.colSpan > 1 ? c.colSpan : undefined,
          // Cells are centred unless the tree says otherwise; justified text reads left-aligned in a cell.
          class: c.align === 'justify' ? 'left' : c.align === 'center' ? undefined : c.align,
        });
        return `<${tag}${a}>${inlines(c.children)}</${tag}>`;
      })
      .join('');
    if (row.header) head += `<tr>${cells}</tr>\n`;
    else body += `<tr>${cells}</tr>\n`;
  }
  return `<table>\n<colgroup>${cols}</colgroup>\n${head ? `<thead>\n${head}</thead>\n` : ''}<tbody>\n${body}</tbody>\n</table>`;
}

function block(b: Block): string {
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
      return table(b);
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

/** The report as a web page: the same text and tables as the .docx and the PDF. */
export function writeHtml(tree: DocTree): Uint8Array {
  const { meta } = tree;
  const body = tree.blocks.map(block).filter(Boolean).join('\n');
  const page =
    '<!DOCTYPE html>\n' +
    `<html lang="${escapeHtml(meta.language)}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(meta.title)}</title>\n` +
    `<meta name="author" content="${escapeHtml(meta.author)}">\n` +
    `<meta name="generator" content="xxgk">\n` +
    `<style>\n${STYLE}\n</style>\n</head>\n<body>\n<article class="xxgk-report">\n${body}\n</article>\n</body>\n</html>\n`;
  return Buffer.from(page, 'utf8');
}

/**
 * Does a template still print the official tables? Every label of the catalogue's three
 * tables must appear, as written, in some table cell of the document: a user's template
 * that drops or rewords an official row or column gets a warning (TPL-LABEL). The
 * bundled templates are held to the full grid by the tests.
 */
import type { FormatCatalogue } from '../catalogue/index';
import type { Block, Inline } from '../doc/tree';
import type { Diagnostic } from '../validate/diagnostic';

function textOf(inlines: readonly Inline[]): string {
  let s = '';
  for (const n of inlines) {
    if (n.kind === 'text' || n.kind === 'runIn') s += n.text;
    else if (n.kind === 'strong') s += textOf(n.children);
  }
  return s;
}

/** The texts of every table cell of the document. */
export function tableCellTexts(blocks: readonly Block[]): Set<string> {
  const out = new Set<string>();
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    for (const row of b.rows) for (const c of row.cells) out.add(textOf(c.children).trim());
  }
  return out;
}

/** One warning per official table whose labels are not all printed. */
export function checkOfficialLabels(blocks: readonly Block[], catalogue: FormatCatalogue): Diagnostic[] {
  const printed = tableCellTexts(blocks);
  const out: Diagnostic[] = [];
  for (const table of catalogue.tables) {
    const missing = [...new Set(table.cells.flatMap((c) => (c.label !== undefined && !printed.has(c.label) ? [c.label] : [])))];
    if (missing.length === 0) continue;
    out.push({
      severity: 'warning',
      code: 'TPL-LABEL',
      path: '',
      message:
        `模板印出的${table.name}缺少国家格式（${catalogue.issuedBy}）规定的${missing.length}个标签：` +
        `${missing.map((m) => `“${m}”`).join('')}。这些行或列被删去或改了文字，发布的表格将不符合国家格式`,
    });
  }
  return out;
}

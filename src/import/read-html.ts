/**
 * A web page (.html/.htm, UTF-8 or declared `charset=gb2312`/`gbk`) → blocks: block elements
 * as paragraphs with `<b>`/`<strong>` (and bold `font-weight`) as bold runs, tables as real
 * cells with `rowspan`/`colspan`. Scripts and styles are skipped, never run.
 */
import type { Block, Run, SourceDocument, TableCell } from './blocks';
import { decodeText } from './decode-text';
import { walkMarkup } from './xml-events';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'center', 'blockquote', 'pre', 'title', 'header', 'footer', 'td', 'th', 'tr', 'table', 'body', 'br']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head', 'select', 'textarea']);

/** The charset a page declares in its first bytes (`<meta charset>` or `content="…charset=…"`). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head)?.[1];
}

interface CellBuild {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Reads a web page's bytes as blocks. */
export function readHtml(bytes: Uint8Array): SourceDocument {
  const html = decodeText(bytes, declaredCharset(bytes));
  const blocks: Block[] = [];
  let runs: Run[] = [];
  let boldDepth = 0;
  let skip = 0;
  let pictures = 0;
  const boldStack: boolean[] = [];
  const tables: { rows: CellBuild[][] }[] = [];
  let cell: CellBuild | undefined;
  const flush = () => {
    if (runs.some((r) => r.text.trim() !== '')) blocks.push({ kind: 'paragraph', runs });
    runs = [];
  };
  walkMarkup(html, false, {
    open(name, attrs) {
      if (skip || SKIP.has(name)) {
        skip++;
        return;
      }
      const style = (attrs.style ?? '').toLowerCase();
      const bold = name === 'b' || name === 'strong' || /font-weight\s*:\s*(bold|[6-9]00)/.test(style);
      boldStack.push(bold);
      if (bold) boldDepth++;
      if (name === 'img') pictures++;
      if (tables.length > 0) {
        if (name === 'table') tables.push({ rows: [] });
        else if (name === 'tr' && tables.length === 1) tables[0].rows.push([]);
        else if ((name === 'td' || name === 'th') && tables.length === 1) {
          cell = { text: '', rowSpan: span(attrs.rowspan), colSpan: span(attrs.colspan) };
          const rows = tables[0].rows;
          if (rows.length === 0) rows.push([]);
          rows[rows.length - 1].push(cell);
        } else if (cell && (name === 'br' || name === 'p' || name === 'div')) cell.text += '';
        return;
      }
      if (name === 'table') {
        flush();
        tables.push({ rows: [] });
        return;
      }
      if (BLOCK.has(name)) flush();
    },
    close(name) {
      if (skip) {
        skip--;
        return;
      }
      if (boldStack.pop()) boldDepth--;
      if (tables.length > 0) {
        if (name === 'table') {
          const t = tables.pop()!;
          if (tables.length === 0) blocks.push({ kind: 'table', layout: 'grid', rows: place(t.rows) });
        } else if ((name === 'td' || name === 'th') && tables.length === 1) cell = undefined;
        return;
      }
      if (BLOCK.has(name)) flush();
    },
    text(text) {
      if (skip) return;
      const t = text.replace(/[\r\n\t]+/g, ' ').replace(/\u00a0/g, ' ');
      if (tables.length > 0) {
        if (cell) cell.text += t;
        return;
      }
      runs.push({ text: t, bold: boldDepth > 0 });
    },
  }, '网页');
  flush();
  return { kind: 'html', blocks, pageBroken: false, pictures };
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : 1;
}

/** Places cells on grid columns as browsers do (each takes the next column not covered from above). */
function place(rows: CellBuild[][]): TableCell[][] {
  const covered: number[] = [];
  return rows.map((row) => {
    const out: TableCell[] = [];
    let x = 0;
    const nextCovered = covered.map((n) => Math.max(0, n - 1));
    for (const c of row) {
      while ((covered[x] ?? 0) > 0) x++;
      out.push({ text: c.text.trim(), x0: x, x1: x + c.colSpan });
      for (let j = x; j < x + c.colSpan; j++) nextCovered[j] = Math.max(nextCovered[j] ?? 0, c.rowSpan - 1);
      x += c.colSpan;
    }
    covered.splice(0, covered.length, ...nextCovered.map((n) => n ?? 0));
    return out;
  });
}

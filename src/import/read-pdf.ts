/**
 * A PDF → blocks from its text placed by coordinates (docs/IMPORT.md §2): lines from the items'
 * baselines, paragraphs from indents and line gaps, tables from lines whose text is set apart
 * in columns; page numbers and running heads dropped. Refuses an encrypted PDF, a scan with no
 * text, and fonts without a usable text mapping (无法提取文字) rather than returning garbage.
 */
import type { Block, SourceDocument, TableCell } from './blocks';
import { ImportError } from './import-error';
import { ruledBetween, splitAtRules } from './pdf-rules';
import { extractPdfText, type PdfPage, type PdfTextItem } from './pdf-text-worker';

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  chunks: Chunk[];
  x0: number;
  x1: number;
  text: string;
}

/** Reads a PDF's bytes as blocks. */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  if (isEncrypted(bytes)) throw new ImportError('PDF 文件已加密，无法可靠地读取文字：请用不加密的 PDF，或导入报告的 Word 文件');
  const pages = await extractPdfText(bytes);
  checkText(pages);
  const lines = dropFurniture(pages.flatMap((p, i) => linesOf(p, i)), pages);
  return { kind: 'pdf', blocks: toBlocks(lines, pages), pageBroken: true };
}

function isEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt');
}

const PLAUSIBLE = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026\u00b7 -~]/u;

/** A scan has no text; a font without a text mapping gives private-use or control characters. */
function checkText(pages: PdfPage[]): void {
  const text = pages.flatMap((p) => p.items.map((i) => i.str)).join('');
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 0) {
    throw new ImportError(`PDF 文件有 ${pages.length} 页，但没有文字层（可能是扫描件或图片）：无法提取文字，请导入报告的 Word 文件或网页`);
  }
  const good = chars.filter((c) => PLAUSIBLE.test(c)).length;
  // A font whose glyphs all map to one or two characters (“本本本本”) is as unusable as none.
  const cjk = chars.filter((c) => /[\u4e00-\u9fff]/.test(c));
  const counts = new Map<string, number>();
  for (const c of cjk) counts.set(c, (counts.get(c) ?? 0) + 1);
  const degenerate = cjk.length >= 100 && Math.max(...counts.values()) > cjk.length * 0.3;
  if (good / chars.length < 0.8 || cjk.length === 0 || degenerate) {
    throw new ImportError('PDF 文件的字体没有可用的文字映射：无法提取文字（复制出来会是乱码），请导入报告的 Word 文件或网页');
  }
}

/** Items of a page grouped into lines (top to bottom) and, within a line, into chunks separated by wide gaps. */
function linesOf(page: PdfPage, index: number): Line[] {
  const items = page.items
    .filter((i) => i.str.trim() !== '')
    .flatMap((i) => splitAtRules(i, page.rules))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const it of items) {
    const row = rows.find((r) => Math.abs(r[0].y - it.y) < Math.max(2, Math.min(r[0].height, it.height) * 0.45));
    if (row) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.height)) || 12;
    const chunks: Chunk[] = [];
    for (const it of row) {
      const last = chunks[chunks.length - 1];
      const gap = last ? it.x - last.x1 : Infinity;
      // Text on both sides of a cell border is two cells' however close.
      if (last && gap < size * 0.45 && !ruledBetween(page.rules, last.x1, it.x, it.y + it.height * 0.3)) {
        last.text += (gap > size * 0.25 && /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(it.str) ? ' ' : '') + it.str;
        last.x1 = Math.max(last.x1, it.x + it.width);
      } else chunks.push({ text: it.str, x0: it.x, x1: it.x + it.width, y: it.y });
    }
    for (const c of chunks) c.text = c.text.trim();
    const kept = chunks.filter((c) => c.text !== '');
    return { page: index, y: row[0].y, size, chunks: kept, x0: kept[0]?.x0 ?? 0, x1: kept[kept.length - 1]?.x1 ?? 0, text: kept.map((c) => c.text).join(' ') };
  }).filter((l) => l.chunks.length > 0);
}

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页.*|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;

/** Drops page numbers in the margins and running heads or feet repeated on several pages. */
function dropFurniture(lines: Line[], pages: PdfPage[]): Line[] {
  const margin = (l: Line) => {
    const h = pages[l.page].height;
    return l.y < h * 0.1 || l.y > h * 0.9;
  };
  const repeated = new Map<string, Set<number>>();
  for (const l of lines) if (margin(l)) (repeated.get(l.text) ?? repeated.set(l.text, new Set()).get(l.text)!).add(l.page);
  return lines.filter((l) => {
    if (!margin(l)) return true;
    if (PAGE_NUMBER.test(l.text.normalize('NFKC').trim())) return false;
    return !(pages.length >= 3 && (repeated.get(l.text)?.size ?? 0) >= 3);
  });
}

const SECTION_HEADING = /^[一二三四五六]、(?:总体情况|主动公开政府信息|收到和处理政府信息公开申请|政府信息公开行政复议|存在的主要问题|其他需要报告)/;

/** Lines → paragraphs and tables (with their page's ruled lines). */
function toBlocks(lines: Line[], pages: readonly PdfPage[]): Block[] {
  // The body size is that of full-width lines (a large table may have more lines in its own size).
  const span = Math.max(...lines.map((l) => l.x1)) - Math.min(...lines.map((l) => l.x0));
  const full = lines.filter((l) => l.chunks.length === 1 && l.x1 - l.x0 > span * 0.6);
  const body = mostCommon((full.length > 0 ? full : lines).map((l) => Math.round(l.size)));
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const textWidth = Math.max(1, right - left);
  // A table is a run of lines holding at least one line set apart in columns, bounded by
  // section headings, wide body lines, and the last line of a paragraph (flush left after a wide line).
  const wide = (l: Line) => l.chunks.length === 1 && l.x1 - l.x0 > textWidth * 0.6;
  const breaks = lines.map((l, i) => {
    if (l.chunks.length >= 2) return false;
    if (SECTION_HEADING.test(l.text) || wide(l)) return true;
    const prev = lines[i - 1];
    return prev !== undefined && prev.page === l.page && wide(prev) && Math.abs(l.x0 - left) < 1.5;
  });
  const inTable = lines.map(() => false);
  for (let i = 0; i < lines.length; ) {
    if (breaks[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !breaks[j] && lines[j].page === lines[i].page) j++;
    if (lines.slice(i, j).some((l) => l.chunks.length >= 2)) for (let k = i; k < j; k++) inTable[k] = true;
    i = j;
  }
  const blocks: Block[] = [];
  let table: TableCell[][] | undefined;
  let para: { text: string; size: number; page: number; y: number; x1: number } | undefined;
  const flush = () => {
    if (para) blocks.push({ kind: 'paragraph', runs: [{ text: para.text, bold: false }] });
    para = undefined;
  };
  lines.forEach((l, i) => {
    if (inTable[i]) {
      flush();
      if (!table || lines[i - 1]?.page !== l.page) {
        table = [];
        const rules = pages[l.page].rules;
        blocks.push({ kind: 'table', layout: 'positioned', rows: table, ...(rules.length > 0 ? { rules } : {}) });
      }
      table.push(l.chunks.map((c) => ({ text: c.text, x0: c.x0, x1: c.x1, y: c.y, size: l.size })));
      return;
    }
    table = undefined;
    const text = l.chunks.map((c) => c.text).join(' ');
    const indented = l.x0 > left + body * 0.8;
    const big = Math.round(l.size) > body * 1.15;
    const gap = para && para.page === l.page ? para.y - l.y > l.size * 2.2 : false;
    // A paragraph ends at a line that stops short of the right margin (a paragraph without first-line indent).
    const ended = para !== undefined && para.x1 < right - body * 1.5;
    const continues = para && !indented && !gap && !ended && (big ? para.size === Math.round(l.size) : para.size <= body * 1.15) && !SECTION_HEADING.test(text);
    const titleContinues = para && big && para.size === Math.round(l.size) && para.page === l.page && !gap;
    if (continues || titleContinues) {
      para!.text += (/[A-Za-z0-9]$/.test(para!.text) && /^[A-Za-z0-9]/.test(text) ? ' ' : '') + text;
      para!.y = l.y;
      para!.x1 = l.x1;
      para!.page = l.page;
      return;
    }
    flush();
    para = { text, size: Math.round(l.size), page: l.page, y: l.y, x1: l.x1 };
  });
  flush();
  return blocks;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [v, c] of [...counts].sort((a, b) => a[0] - b[0])) if (c > n) [best, n] = [v, c];
  return best;
}

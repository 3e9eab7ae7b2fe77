/**
 * A Word file (.docx) → blocks: body paragraphs with bold runs, tables as real cells with
 * `gridSpan`/`vMerge` (docs/IMPORT.md §2). Only `word/document.xml` is inflated, after the zip's
 * entry count and declared sizes are checked against the caps.
 */
import type { Block, Run, SourceDocument, TableCell } from './blocks';
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './limits';
import { refuseDoctype, walkMarkup } from './xml-events';

/** Inflates the main document part of a .docx, refusing zip bombs and odd packages. */
function documentXml(bytes: Uint8Array): string {
  const { unzipSync } = require('fflate') as typeof import('fflate');
  let entries = 0;
  let declared = 0;
  let names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        entries++;
        names.push(f.name);
        if (entries > IMPORT_LIMITS.zipEntries) throw new ImportError(`Word 文件（zip）中有超过 ${IMPORT_LIMITS.zipEntries} 个条目，不像正常的报告，拒绝读取`);
        const wanted = f.name === 'word/document.xml' || f.name === 'EncryptedPackage';
        if (!wanted) return false;
        declared += f.originalSize;
        if (f.originalSize > IMPORT_LIMITS.entryBytes || declared > IMPORT_LIMITS.inflatedBytes) {
          throw new ImportError(`Word 文件解压后过大（${(f.originalSize / 1048576).toFixed(0)} MB），超过了导入的上限，拒绝读取`);
        }
        return f.name === 'word/document.xml';
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`Word 文件已损坏，无法解压（${(e as Error).message}）`);
  }
  const doc = files['word/document.xml'];
  if (!doc) {
    if (names.includes('xl/workbook.xml')) throw new ImportError('这是 Excel 工作簿，不是 Word 文件：请导入报告的 Word、PDF 或网页文件');
    if (names.includes('ppt/presentation.xml')) throw new ImportError('这是 PowerPoint 演示文稿，不是 Word 文件');
    throw new ImportError('文件是 zip 压缩包，但不是 Word 文件（没有 word/document.xml）');
  }
  names = [];
  // A lying size in the zip's directory cannot make fflate write more than it declared.
  if (doc.length > IMPORT_LIMITS.entryBytes) throw new ImportError('Word 文件解压后过大，超过了导入的上限，拒绝读取');
  return new TextDecoder('utf-8').decode(doc);
}

interface CellBuild {
  text: string;
  span: number;
  merge: 'none' | 'restart' | 'continue';
}

/** Reads a .docx's bytes as blocks. */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const xml = documentXml(bytes);
  refuseDoctype(xml, 'Word 文件的 document.xml');
  const blocks: Block[] = [];
  // Nested state: tables may nest (a table in a cell is read as the cell's text).
  const tables: { rows: CellBuild[][]; gridBefore: number[] }[] = [];
  let cell: CellBuild | undefined;
  let runs: Run[] | undefined;
  let bold = false;
  let inText = false;
  let skip = 0;
  let pictures = 0;
  const SKIP = new Set(['w:instrText', 'w:delText', 'mc:Fallback', 'w:footnoteReference']);
  walkMarkup(xml, true, {
    open(name, attrs) {
      if (skip) {
        if (SKIP.has(name)) skip++;
        return;
      }
      if (SKIP.has(name)) {
        skip = 1;
        return;
      }
      switch (name) {
        case 'w:tbl':
          tables.push({ rows: [], gridBefore: [] });
          break;
        case 'w:tr':
          tables[tables.length - 1]?.rows.push([]);
          tables[tables.length - 1]?.gridBefore.push(0);
          break;
        case 'w:gridBefore': {
          const t = tables[tables.length - 1];
          if (t) t.gridBefore[t.gridBefore.length - 1] = Number(attrs['w:val']) || 0;
          break;
        }
        case 'w:tc':
          if (tables.length === 1 || !cell) {
            cell = { text: '', span: 1, merge: 'none' };
            tables[tables.length - 1]?.rows[tables[tables.length - 1].rows.length - 1]?.push(cell);
          }
          break;
        case 'w:gridSpan':
          if (cell && tables.length === 1) cell.span = Math.max(1, Math.min(64, Number(attrs['w:val']) || 1));
          break;
        case 'w:vMerge':
          if (cell && tables.length === 1) cell.merge = attrs['w:val'] === 'restart' ? 'restart' : 'continue';
          break;
        case 'w:p':
          if (tables.length === 0) runs = [];
          break;
        case 'w:r':
          bold = false;
          break;
        case 'w:b':
          bold = !['0', 'false', 'off'].includes(attrs['w:val'] ?? 'true');
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          if (runs) runs.push({ text: ' ', bold });
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          pictures++;
          break;
      }
    },
    close(name) {
      if (skip) {
        if (SKIP.has(name)) skip--;
        return;
      }
      switch (name) {
        case 'w:t':
          inText = false;
          break;
        case 'w:p':
          if (tables.length === 0 && runs) blocks.push({ kind: 'paragraph', runs });
          else if (cell && tables.length >= 1 && cell.text !== '' && !cell.text.endsWith('\n')) cell.text += '\n';
          runs = undefined;
          break;
        case 'w:tc':
          if (tables.length === 1) cell = undefined;
          break;
        case 'w:tbl': {
          const t = tables.pop()!;
          if (tables.length === 0) blocks.push({ kind: 'table', layout: 'grid', rows: toRows(t.rows, t.gridBefore) });
          break;
        }
      }
    },
    text(text) {
      if (skip || !inText) return;
      if (tables.length > 0 && cell) cell.text += text;
      else if (runs) runs.push({ text, bold });
    },
  }, 'Word 文件');
  return { kind: 'docx', blocks, pageBroken: false, pictures };
}

/** Places cells on grid columns; a vMerge continuation only takes up its columns. */
function toRows(rows: CellBuild[][], gridBefore: number[]): TableCell[][] {
  return rows.map((row, r) => {
    let x = gridBefore[r] ?? 0;
    const out: TableCell[] = [];
    for (const c of row) {
      if (c.merge !== 'continue') out.push({ text: c.text.replace(/\n+$/, '').replace(/\n/g, ''), x0: x, x1: x + c.span });
      x += c.span;
    }
    return out;
  });
}

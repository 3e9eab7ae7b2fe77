/**
 * Plain text (copied from a web page or extracted from a PDF) → blocks: each line a paragraph,
 * lines with tabs the rows of a flattened table (blank lines inside a table do not end it).
 */
import type { Block, SourceDocument, TableCell } from './blocks';
import { decodeText } from './decode-text';
import { runsFromMarkedText } from './read-sections';

/** Reads a text file's bytes as blocks. */
export function readTxt(bytes: Uint8Array): SourceDocument {
  const lines = decodeText(bytes).replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let table: TableCell[][] | undefined;
  for (const line of lines) {
    if (line.includes('\t')) {
      const row = line.split('\t').map((text, i) => ({ text: text.trim(), x0: i, x1: i + 1 }));
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', layout: 'sequence', rows: table });
      }
      table.push(row);
      continue;
    }
    const text = line.trim();
    if (text === '') continue;
    table = undefined;
    blocks.push({ kind: 'paragraph', runs: runsFromMarkedText(text) });
  }
  return { kind: 'txt', blocks, pageBroken: true };
}

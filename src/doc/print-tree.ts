/**
 * A readable text form of a DocTree, for golden tests and debugging.
 *
 *   title: 平罗县科学技术局2021年政府信息公开工作年度报告
 *   h1: 一、总体情况
 *   p: 一是……**二是**……               (strong as **…**)
 *   p: ⟦2:（一）提高认识。⟧进一步……       (run-in heading, level 2)
 *   p[noindent,center]: …                 (non-default attributes)
 *   table 10×28 widths=12 17 50 …
 *     r1 header: [rs3 cs3] （本列数据……） | [cs7] 申请人情况   (spans > 1; align when not center)
 *     r9 @c3: 2.其他法律行政法规禁止公开 | 0 | …              (@cN: grid column of the first cell, when not 1)
 *   page-break
 *   signature: 平罗县科学技术局 / 2022年1月20日
 * A line break inside a block prints as ⏎.
 */
import type { Block, DocTree, Inline, TableNode } from './tree';

/** Prints inline content. */
export function printInlines(inlines: readonly Inline[]): string {
  let out = '';
  for (const n of inlines) {
    switch (n.kind) {
      case 'text':
        out += n.text;
        break;
      case 'strong':
        out += `**${printInlines(n.children)}**`;
        break;
      case 'runIn':
        out += `⟦${n.level}:${n.text}⟧`;
        break;
      case 'lineBreak':
        out += '⏎';
        break;
    }
  }
  return out;
}

/** Prints a whole tree, one block per line (tables indented). */
export function printTree(tree: DocTree): string {
  const m = tree.meta;
  const lines = [`meta: title=${m.title} | author=${m.author} | date=${m.date} | language=${m.language}`];
  for (const b of tree.blocks) printBlock(b, lines);
  return lines.join('\n') + '\n';
}

function printBlock(b: Block, lines: string[]): void {
  switch (b.kind) {
    case 'title':
      lines.push(`title: ${printInlines(b.children)}`);
      return;
    case 'heading':
      lines.push(`h${b.level}: ${printInlines(b.children)}`);
      return;
    case 'paragraph': {
      const attrs = [b.indent ? '' : 'noindent', b.align === 'justify' ? '' : b.align].filter(Boolean);
      lines.push(`p${attrs.length ? `[${attrs.join(',')}]` : ''}: ${printInlines(b.children)}`);
      return;
    }
    case 'pageBreak':
      lines.push('page-break');
      return;
    case 'signature':
      lines.push(`signature${b.sealed ? ' (sealed)' : ''}: ${b.lines.join(' / ')}`);
      return;
    case 'table':
      printTable(b, lines);
      return;
  }
}

/** The grid position (0-based row, column) of every cell, in row order. */
export function cellPositions(table: TableNode): { row: number; col: number }[][] {
  const occupied: boolean[][] = table.rows.map(() => []);
  return table.rows.map((row, r) => {
    let c = 0;
    return row.cells.map((cell) => {
      while (occupied[r][c]) c++;
      const pos = { row: r, col: c };
      for (let dr = 0; dr < cell.rowSpan && r + dr < table.rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) occupied[r + dr][c + dc] = true;
      }
      c += cell.colSpan;
      return pos;
    });
  });
}

function printTable(t: TableNode, lines: string[]): void {
  lines.push(`table ${t.widths.length}×${t.rows.length} widths=${t.widths.join(' ')}`);
  const positions = cellPositions(t);
  t.rows.forEach((row, r) => {
    const first = positions[r][0];
    const head = `  r${r + 1}${row.header ? ' header' : ''}${first && first.col > 0 ? ` @c${first.col + 1}` : ''}:`;
    const cells = row.cells.map((cell) => {
      const attrs = [
        cell.rowSpan > 1 ? `rs${cell.rowSpan}` : '',
        cell.colSpan > 1 ? `cs${cell.colSpan}` : '',
        cell.align === 'center' ? '' : cell.align,
      ].filter(Boolean);
      return `${attrs.length ? `[${attrs.join(' ')}] ` : ''}${printInlines(cell.children)}`;
    });
    lines.push(`${head} ${cells.join(' | ')}`);
  });
}

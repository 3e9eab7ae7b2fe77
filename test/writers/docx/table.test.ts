import type { DocTree, TableNode } from '../../../src/doc/tree';
import { layoutDocument } from '../../../src/layout';
import { flattenItems, type FrameItem, type PageFrame, type TextItem } from '../../../src/layout/frames';
import { fontMeasure } from '../../../src/layout/text-measure';
import { GBT9704 } from '../../../src/style/settings';
import { realFonts } from '../../layout/support/real-fonts';
import { cell, sampleTree, table2, table3, table4 } from './fixtures';
import { all, cellsOf, render, rowsOf, spanOf, tables, textOf } from './helpers';

/** The lines of every wrapped table cell in the PDF layout, by the cell's text (each line's items joined in order). */
function pdfCellLines(pages: readonly PageFrame[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (items: readonly FrameItem[]) => {
    for (const it of items) {
      if (it.kind !== 'group') continue;
      if (it.actualText !== undefined) {
        const byY = new Map<number, TextItem[]>();
        for (const t of flattenItems(it.items)) if (t.kind === 'text') byY.set(t.y, [...(byY.get(t.y) ?? []), t]);
        const lines = [...byY.keys()].sort((a, b) => a - b).map((y) => byY.get(y)!.sort((a, b) => a.x - b.x).map((t) => t.text).join(''));
        if (lines.length > 1 && !out.has(it.actualText)) out.set(it.actualText, lines);
      } else walk(it.items);
    }
  };
  for (const p of pages) walk(p.items);
  return out;
}

const only = (table: TableNode): DocTree => ({
  meta: { title: 't', author: 'a', date: '2022-01-17', language: 'zh-CN' },
  blocks: [table],
});

describe('tables', () => {
  it('writes table 三 as 28 rows each covering the 10 grid columns, with the merges of docs/FORMAT.md §B.2', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    const t3 = tables(doc).find((t) => t.includes('本列数据的勾稽关系为')) ?? '';
    const rows = rowsOf(t3);
    expect(rows).toHaveLength(28);
    rows.forEach((r) => expect(cellsOf(r).reduce((n, c) => n + spanOf(c), 0)).toBe(10));
    // r1: the note spans 3 columns and 3 rows; 申请人情况 spans 7
    const r1 = cellsOf(rows[0]);
    expect(r1).toHaveLength(2);
    expect(spanOf(r1[0])).toBe(3);
    expect(r1[0]).toContain('<w:vMerge w:val="restart"/>');
    expect(spanOf(r1[1])).toBe(7);
    expect(textOf(r1[1])).toBe('申请人情况');
    // r2: continuation of the note, 自然人 (restart), 法人或其他组织 ×5, 总计 (restart)
    const r2 = cellsOf(rows[1]);
    expect(r2.map(spanOf)).toEqual([3, 1, 5, 1]);
    expect(r2[0]).toContain('<w:vMerge w:val="continue"/>');
    expect(r2[1]).toContain('<w:vMerge w:val="restart"/>');
    expect(r2[3]).toContain('<w:vMerge w:val="restart"/>');
    const r3 = cellsOf(rows[2]);
    expect(r3.map(spanOf)).toEqual([3, 1, 1, 1, 1, 1, 1, 1]);
    expect(r3[1]).toContain('<w:vMerge w:val="continue"/>');
    expect(r3[7]).toContain('<w:vMerge w:val="continue"/>');
    // r4, r5, r28: label across 3 columns, then 7 numbers
    for (const i of [3, 4, 27]) expect(cellsOf(rows[i]).map(spanOf)).toEqual([3, 1, 1, 1, 1, 1, 1, 1]);
    expect(textOf(cellsOf(rows[27])[0])).toBe('四、结转下年度继续办理');
    // 三、本年度办理结果: restart in row 6, continued in the 21 rows below
    expect(textOf(cellsOf(rows[5])[0])).toBe('三、本年度办理结果');
    expect(cellsOf(rows[5])[0]).toContain('<w:vMerge w:val="restart"/>');
    const continued = rows.slice(6, 27).filter((r) => cellsOf(r)[0].includes('<w:vMerge w:val="continue"/>'));
    expect(continued).toHaveLength(21);
    expect(cellsOf(rows[27])[0]).not.toContain('w:vMerge');
    // the groups （三） 8 rows, （四） 3, （五） 5, （六） 3 restart in column 2 and continue below
    const groups: [number, string, number][] = [
      [7, '（三）不予公开', 8],
      [15, '（四）无法提供', 3],
      [18, '（五）不予处理', 5],
      [23, '（六）其他处理', 3],
    ];
    for (const [start, label, span] of groups) {
      expect(textOf(cellsOf(rows[start])[1])).toBe(label);
      expect(cellsOf(rows[start])[1]).toContain('<w:vMerge w:val="restart"/>');
      for (let i = start + 1; i < start + span; i++) expect(cellsOf(rows[i])[1]).toContain('<w:vMerge w:val="continue"/>');
    }
    expect(cellsOf(rows[26]).map(spanOf)).toEqual([1, 2, 1, 1, 1, 1, 1, 1, 1]);
    expect(textOf(cellsOf(rows[26])[1])).toBe('（七）总计');
  });

  it('marks the three header rows to repeat and no row to split', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    const rows = rowsOf(tables(doc).find((t) => t.includes('本列数据的勾稽关系为')) ?? '');
    rows.forEach((r, i) => {
      expect(r).toContain('<w:cantSplit/>');
      expect(r.includes('<w:tblHeader/>')).toBe(i < 3);
    });
  });

  it('gives explicit widths scaled to the 8844-twip type area and a fixed layout', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    for (const t of tables(doc)) {
      expect(t).toContain('<w:tblW w:w="8844" w:type="dxa"/>');
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = all(/<w:gridCol w:w="(\d+)"\/>/, t).map((g) => Number(/\d+/.exec(g)?.[0]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8844);
      for (const tc of cellsOf(t)) {
        expect(tc).toMatch(/<w:tcW w:w="\d+" w:type="dxa"\/>/);
        expect(tc).toContain('<w:vAlign w:val="center"/>');
      }
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
        expect(t).toMatch(new RegExp(`<w:${side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>`));
      }
    }
    const t3 = tables(doc).find((t) => t.includes('本列数据的勾稽关系为')) ?? '';
    // widths 12 17 50 11… mm of 156 → 680 964 2835 624…
    const grid = all(/<w:gridCol w:w="(\d+)"\/>/, t3).map((g) => Number(/\d+/.exec(g)?.[0]));
    expect(grid.slice(0, 4)).toEqual([680, 964, 2835, 624]);
    // a cell's width is the sum of the columns it spans
    expect(cellsOf(rowsOf(t3)[0])[1]).toContain(`<w:tcW w:w="${grid.slice(3).reduce((a, b) => a + b, 0)}" w:type="dxa"/>`);
  });

  it('centres numbers and keeps table text off the body grid', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    const t3 = tables(doc).find((t) => t.includes('本列数据的勾稽关系为')) ?? '';
    const numberCell = cellsOf(rowsOf(t3)[3])[1];
    expect(textOf(numberCell)).toBe('44');
    expect(numberCell).toContain('<w:jc w:val="center"/>');
    expect(numberCell).toContain('<w:pStyle w:val="TableText"/>');
  });

  it('sets 三、本年度办理结果 and every wrapped label upright, broken where the PDF breaks it', async () => {
    const fonts = realFonts();
    if (!fonts) throw new Error('fonts/ not found');
    const tree = sampleTree();
    const doc = (await render(tree, GBT9704, { measure: fontMeasure(fonts, GBT9704) })).part('word/document.xml');
    expect(doc).not.toContain('w:textDirection');
    const pdf = pdfCellLines(layoutDocument(tree, GBT9704, fonts).pages);
    const word = new Map(
      cellsOf(doc)
        .map((tc) => tc.split('<w:br/>').map(textOf))
        .filter((lines) => lines.length > 1)
        .map((lines) => [lines.join(''), lines] as const),
    );
    expect(word.get('三、本年度办理结果')).toEqual(['三、', '本年', '度办', '理结', '果']);
    expect(pdf.get('三、本年度办理结果')).toEqual(['三、', '本年', '度办', '理结', '果']);
    // every label the PDF wraps is wrapped in Word at the same places, and Word wraps no other
    expect(pdf.size).toBeGreaterThan(10);
    expect(new Map([...word].sort())).toEqual(new Map([...pdf].sort()));
  });

  it('builds tables 二 and 四 on their grids', async () => {
    for (const [t, cols, rows] of [
      [table2(), 4, 14],
      [table4(), 15, 4],
    ] as const) {
      const doc = (await render(only(t))).part('word/document.xml');
      const tr = rowsOf(tables(doc)[0]);
      expect(tr).toHaveLength(rows);
      tr.forEach((r) => expect(cellsOf(r).reduce((n, c) => n + spanOf(c), 0)).toBe(cols));
    }
  });

  it('renders the same table twice from one tree without duplicating cells', async () => {
    const t = table3();
    const tree: DocTree = { ...only(t), blocks: [t, t] };
    const doc = (await render(tree)).part('word/document.xml');
    const [a, b] = tables(doc);
    expect(a).toBe(b);
    expect(rowsOf(a)).toHaveLength(28);
    expect((await render(tree)).part('word/document.xml')).toBe(doc);
  });

});

describe('keeping rows together', () => {
  it('keeps header rows, band headings and the row under a band with the next row', async () => {
    const tree: DocTree = { meta: { title: 't', author: 'a', date: '2022-01-17', language: 'zh-CN' }, blocks: [table2()] };
    const rows = rowsOf(tables((await render(tree)).part('word/document.xml'))[0]);
    const kept = rows.map((r) => r.includes('<w:keepNext/>'));
    // 第二十条第（一）项, 信息内容…, 规章, 行政规范性文件, 第二十条第（五）项, 信息内容, 行政许可, …
    expect(kept).toEqual([true, true, false, false, true, true, false, true, true, false, false, true, true, false]);
  });
});

/**
 * Numbers are never broken across lines (docs/ARCHITECTURE.md §7): a numeric column widens from
 * the label columns, then its number shrinks to no less than 9 pt, then a message names the cell.
 * With the bundled faces, through the real template, in the model, the PDF layout and Word.
 */
import { buildDocTree } from '../../src/template/build-doc-tree';
import { layoutDocument } from '../../src/layout';
import { columnEdges } from '../../src/layout/column-edges';
import { flattenItems, type TextItem } from '../../src/layout/frames';
import { pageGeometry } from '../../src/layout/geometry';
import { MIN_NUMBER_SIZE, NUMBER_ROOM, resolveTables, type TableModel } from '../../src/layout/table-model';
import { fontMeasure } from '../../src/layout/text-measure';
import { GBT9704 } from '../../src/style/settings';
import { writeDocxSync } from '../../src/writers/docx';
import { exampleDocTree, largeAgencyReport, largeAgencyTree } from '../support/large-agency';
import { realFonts } from './support/real-fonts';
import type { DocTree } from '../../src/doc/tree';
import JSZip from 'jszip';

const fonts = realFonts()!;
const style = GBT9704;
const geo = pageGeometry(style);
const measure = fontMeasure(fonts, style);
const table3 = (tree: DocTree): TableModel => resolveTables(tree, style, measure)[1];
const widths = (t: TableModel) => t.colX.slice(1).map((x, i) => x - t.colX[i]);
const SIX = [123456, 234567, 345678, 456789, 567890, 678901];

describe('the table model', () => {
  it('leaves the example tables at the template widths, with every number at 12 pt on one line', () => {
    const tables = resolveTables(exampleDocTree(), style, measure);
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      expect(t.colX).toEqual(columnEdges(t.grid.widths, geo.left, geo.width));
      expect(t.weights).toBe(t.grid.widths);
      expect(t.diagnostics).toEqual([]);
      for (const c of t.cells.filter((c) => c.grid.numeric)) expect([c.size, c.lines.length]).toEqual([12, 1]);
    }
  });

  it('widens 自然人, 商业企业 and 总计 for 123456 / 23456 / 146912, taking the width from the widest label column only', () => {
    const before = widths(table3(exampleDocTree()));
    const t = table3(largeAgencyTree());
    const after = widths(t);
    expect(t.diagnostics).toEqual([]);
    const numbers = t.cells.filter((c) => c.grid.numeric);
    expect(numbers).toHaveLength(175);
    for (const c of numbers) {
      expect(c.size).toBe(12);
      expect(c.lines).toHaveLength(1);
      expect(c.lines[0].width).toBeLessThanOrEqual(c.inner - NUMBER_ROOM + 1e-6);
    }
    // 一、(一) and the derived （七）总计 row
    expect(numbers.filter((c) => c.grid.text === '146912')).toHaveLength(3);
    // columns 4, 5 and 10 (自然人, 商业企业, 总计) widen; 6–9 keep their width; of the labels only column 3 gives
    for (const c of [3, 4, 9]) expect(after[c]).toBeGreaterThan(before[c] + 1);
    for (const c of [0, 1, 5, 6, 7, 8]) expect(after[c]).toBeCloseTo(before[c], 6);
    expect(after[2]).toBeLessThan(before[2] - 3);
    expect(after.reduce((a, b) => a + b)).toBeCloseTo(geo.width, 6);
  });

  it('fits six-digit numbers in every column of 表三 without shrinking', () => {
    const t = table3(largeAgencyTree({ newlyReceived: SIX, granted: SIX, carriedForward: SIX, carriedOver: SIX }));
    expect(t.diagnostics).toEqual([]);
    const numbers = t.cells.filter((c) => c.grid.numeric);
    expect(numbers.filter((c) => /^\d{6,}$/.test(c.grid.text)).length).toBeGreaterThanOrEqual(4 * 7);
    for (const c of numbers) expect([c.size, c.lines.length, c.lines[0].width <= c.inner - NUMBER_ROOM + 1e-6]).toEqual([12, 1, true]);
  });

  it('shrinks a number whose column cannot widen in half points, to no less than 9 pt, then names its table, row and column', async () => {
    // 表四 has fifteen number columns and no label column to take width from.
    const report = largeAgencyReport({});
    report.reviewLitigation!.review!.upheld = 1234;
    report.reviewLitigation!.litigationDirect!.corrected = 1234567890;
    const tree = buildDocTree(report).tree;
    const tables = resolveTables(tree, style, measure);
    const t4 = tables[2];
    const cell = (text: string) => t4.cells.find((c) => c.grid.text === text)!;
    const shrunk = cell('1234');
    expect(shrunk.size).toBeLessThan(12);
    expect(shrunk.size).toBeGreaterThanOrEqual(MIN_NUMBER_SIZE);
    expect(shrunk.size * 2).toBe(Math.round(shrunk.size * 2));
    expect(shrunk.lines).toHaveLength(1);
    expect(shrunk.lines[0].width).toBeLessThanOrEqual(shrunk.inner - NUMBER_ROOM + 1e-6);
    expect(cell('1234567890')).toMatchObject({ size: MIN_NUMBER_SIZE, lines: [expect.objectContaining({ start: 0, end: 10 })] });
    // the number and its derived 总计
    expect(t4.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['L-TABLE-NUMBER', 'warning'],
      ['L-TABLE-NUMBER', 'warning'],
    ]);
    // Word sets the shrunk number in the same size
    const doc = await (await JSZip.loadAsync(writeDocxSync(tree, style, { measure, tables }))).file('word/document.xml')!.async('string');
    const tc = doc.match(/<w:tc>.*?<\/w:tc>/gs)!.find((c) => c.includes('>1234</w:t>'))!;
    expect(tc).toContain(`<w:sz w:val="${shrunk.size * 2}"/>`);
    expect(t4.diagnostics[0].message).toContain('第3个表格（四、政府信息公开行政复议、行政诉讼情况）第4行、第7列“行政诉讼／未经复议直接起诉／结果纠正”的数字“1234567890”');
  });

  it('names the cell when a label has a run wider than its cell', () => {
    const tree: DocTree = {
      meta: { title: 't', author: 'a', date: '2022-01-17', language: 'zh-CN' },
      blocks: [{ kind: 'table', widths: [1, 9], rows: [{ header: false, cells: [{ rowSpan: 1, colSpan: 1, align: 'center', children: [{ kind: 'text', text: 'https://example.gov.cn/xxgk' }] }, { rowSpan: 1, colSpan: 1, align: 'center', children: [{ kind: 'text', text: '1' }] }] }] }],
    };
    const [t] = resolveTables(tree, style, measure);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['L-OVERFULL']);
    expect(t.diagnostics[0].message).toMatch(/^第1个表格第1行第1列的“https:.*”中有一段不可断开的文字宽于单元格/);
  });
});

describe('the large agency in the PDF and in Word', () => {
  const tree = largeAgencyTree();

  it('draws every number of 表三 whole in the PDF, with no overfull line', () => {
    const layout = layoutDocument(tree, style, fonts);
    const items = layout.pages.flatMap((p) => flattenItems(p.items)).filter((i): i is TextItem => i.kind === 'text');
    // 一、(一) and the derived （七）总计 row
    for (const n of ['123456', '23456', '146912']) expect(items.filter((i) => i.text === n)).toHaveLength(3);
    expect(items.some((i) => /^(1234|2345|1469)$/.test(i.text))).toBe(false);
    expect(layout.diagnostics.filter((d) => d.code.startsWith('L-'))).toEqual([]);
  });

  it('writes the widened columns and each number in one unbroken line in Word', async () => {
    const t = resolveTables(tree, style, measure);
    const zip = await JSZip.loadAsync(writeDocxSync(tree, style, { measure, tables: t }));
    const doc = await zip.file('word/document.xml')!.async('string');
    const t3 = doc.match(/<w:tbl>.*?<\/w:tbl>/gs)!.find((x) => x.includes('本列数据的勾稽关系为'))!;
    const grid = [...t3.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const pts = widths(t[1]);
    grid.forEach((tw, i) => expect(Math.abs(tw - pts[i] * 20)).toBeLessThanOrEqual(1));
    const cells = t3.match(/<w:tc>.*?<\/w:tc>/gs)!.filter((c) => /<w:t[^>]*>(123456|23456|146912)<\/w:t>/.test(c));
    expect(cells).toHaveLength(9);
    for (const c of cells) expect(c).not.toContain('<w:br/>');
  });
});

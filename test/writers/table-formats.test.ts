/**
 * One table model, the same rules in the three formats (docs/ARCHITECTURE.md §7): header rows,
 * each cell's alignment and the column widths, in the PDF layout, the Word file and the web page;
 * and the web page takes its sizes, rules and margins from the style settings.
 */
import JSZip from 'jszip';
import type { DocTree, TableCell } from '../../src/doc/tree';
import { layoutTable } from '../../src/layout/table';
import { resolveTables } from '../../src/layout/table-model';
import { fontMeasure } from '../../src/layout/text-measure';
import { flattenItems, type TextItem } from '../../src/layout/frames';
import { GBT9704, type StyleSettings } from '../../src/style/settings';
import { writeDocxSync } from '../../src/writers/docx';
import { writeHtml } from '../../src/writers/html';
import { testContext } from '../layout/support/context';
import { realFonts } from '../layout/support/real-fonts';

const cell = (text: string, align: TableCell['align'] = 'center', rowSpan = 1, colSpan = 1): TableCell => ({ rowSpan, colSpan, align, children: [{ kind: 'text', text }] });
/** 甲 is a header cell spanning into row 2, which the template did not mark header. */
const tree: DocTree = {
  meta: { title: 't', author: 'a', date: '2022-01-17', language: 'zh-CN' },
  blocks: [
    {
      kind: 'table',
      widths: [2, 1, 1],
      rows: [
        { header: true, cells: [cell('甲', 'center', 2), cell('乙丙', 'center', 1, 2)] },
        { header: false, cells: [cell('乙'), cell('丙')] },
        { header: false, cells: [cell('一段两端对齐的标签文字', 'justify'), cell('123', 'justify'), cell('左', 'left')] },
        { header: true, cells: [cell('不是表头'), cell('4'), cell('5')] },
      ],
    },
  ],
};

const fonts = realFonts()!;
const measure = fontMeasure(fonts, GBT9704);
const tables = resolveTables(tree, GBT9704, measure);

async function wordXml(): Promise<string> {
  const zip = await JSZip.loadAsync(writeDocxSync(tree, GBT9704, { measure, tables }));
  return zip.file('word/document.xml')!.async('string');
}
const html = (style: StyleSettings = GBT9704) => Buffer.from(writeHtml(tree, style, { tables })).toString('utf8');

describe('the three formats follow one table model', () => {
  it('repeat the same header rows: the leading ones and the rows a header cell spans into', async () => {
    expect(tables[0].grid.headerRows).toBe(2);
    expect(layoutTable(tree.blocks[0] as never, 1, testContext(fonts), tables[0]).headerRows).toBe(2);
    const rows = (await wordXml()).match(/<w:tr>.*?<\/w:tr>/gs)!;
    expect(rows.map((r) => r.includes('<w:tblHeader/>'))).toEqual([true, true, false, false]);
    const page = html();
    const thead = /<thead>([\s\S]*?)<\/thead>/.exec(page)![1];
    expect(thead.match(/<tr>/g)).toHaveLength(2);
    expect(thead).toContain('>乙</th>');
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1];
    expect(tbody).toContain('<td>不是表头</td>');
    expect(tbody).not.toContain('<th');
  });

  it('align each cell alike: a justified label justified, a number centred whatever the template says, left left', async () => {
    const doc = await wordXml();
    const jcOf = (text: string) => /<w:jc w:val="(\w+)"\/>/.exec(doc.match(/<w:tc>.*?<\/w:tc>/gs)!.find((c) => c.includes(`>${text}</w:t>`))!)![1];
    expect([jcOf('一段两端对齐的标签文字'), jcOf('123'), jcOf('左')]).toEqual(['both', 'center', 'left']);
    const page = html();
    expect(page).toContain('<td class="justify">一段两端对齐的标签文字</td>');
    expect(page).toContain('<td class="number">123</td>');
    expect(page).toContain('<td class="left">左</td>');
    expect(page).toMatch(/\.justify \{ text-align: justify;/);
    // the PDF centres 123 in its cell
    const t = tables[0];
    const laid = layoutTable(tree.blocks[0] as never, 1, testContext(fonts), t);
    const num = laid.cells.find((c) => c.row === 2 && c.col === 1)!;
    const item = flattenItems(num.items).find((i): i is TextItem => i.kind === 'text')!;
    const model = t.cells.find((c) => c.grid.text === '123')!;
    const left = t.colX[1] + GBT9704.tableCellPaddingPt;
    expect(item.x - left).toBeCloseTo((model.inner - model.lines[0].width) / 2, 6);
  });

  it('write the model column widths: Word to the twip, the web page in per cent', async () => {
    const w = tables[0].colX.slice(1).map((x, i) => x - tables[0].colX[i]);
    const total = w.reduce((a, b) => a + b);
    const grid = [...(await wordXml()).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.map((g) => g / grid.reduce((a, b) => a + b))).toEqual(w.map((x) => expect.closeTo(x / total, 3)));
    const cols = [...html().matchAll(/<col style="width:([\d.]+)%">/g)].map((m) => Number(m[1]));
    expect(cols).toEqual(w.map((x) => expect.closeTo((x / total) * 100, 2)));
  });
});

describe('the web page reads the style settings', () => {
  it('takes sizes, line pitch, indent, cell padding, rules and page margins from them', () => {
    const style: StyleSettings = {
      ...GBT9704,
      margins: { topMm: 30, bottomMm: 30, leftMm: 25, rightMm: 25 },
      linePitchPt: 30,
      indentChars: 2,
      roles: { ...GBT9704.roles, body: { size: 15, bold: false }, table: { size: 10.5, bold: false }, title: { size: 24, bold: false } },
      tableCellPaddingPt: 4,
      tableBorderPt: 0.5,
      tableLineHeight: 1.3,
    };
    const css = /<style>([\s\S]*?)<\/style>/.exec(html(style))![1];
    expect(css).toMatch(/\.xxgk-report \{ max-width: 160mm;[^}]*font-size: 15pt; line-height: 2;/);
    expect(css).toMatch(/\.xxgk-report h1 \{[^}]*font-size: 24pt;/);
    expect(css).toMatch(/\.xxgk-report table \{[^}]*font-size: 10\.5pt; line-height: 1\.3;/);
    expect(css).toMatch(/th, \.xxgk-report td \{ border: 0\.5pt solid #000; padding: 4pt;/);
    expect(css).toContain('@page { size: 210mm 297mm; margin: 30mm 25mm 30mm 25mm; }');
    const dflt = /<style>([\s\S]*?)<\/style>/.exec(html())![1];
    expect(dflt).toMatch(/\.xxgk-report table \{[^}]*font-size: 12pt;/);
    expect(dflt).toContain('@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }');
  });
});

/** The shipped example through the real template (buildDocTree) into the Word writer. */
import { GBT9704 } from '../../../src/style/settings';
import { writeDocx } from '../../../src/writers/docx';
import { exampleTree } from './example';
import { cellsOf, render, rowsOf, spanOf, tables, textOf } from './helpers';

describe('the example report', () => {
  const tree = exampleTree();

  it('writes the three tables on their grids, table 三 with the merges of docs/FORMAT.md §B.2', async () => {
    const doc = (await render(tree)).part('word/document.xml');
    const ts = tables(doc);
    expect(ts).toHaveLength(3);
    const cover = (t: string): number[] => rowsOf(t).map((r) => cellsOf(r).reduce((n, c) => n + spanOf(c), 0));
    expect(cover(ts[0])).toEqual(new Array(14).fill(4));
    expect(cover(ts[2])).toEqual(new Array(4).fill(15));
    const t3 = ts[1];
    const rows = rowsOf(t3);
    expect(cover(t3)).toEqual(new Array(28).fill(10));
    expect(rows[0]).toContain('w:gridSpan w:val="7"');
    expect(textOf(cellsOf(rows[5])[0])).toBe('三、本年度办理结果');
    expect(cellsOf(rows[5])[0]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows.slice(6, 27).filter((r) => cellsOf(r)[0].includes('<w:vMerge w:val="continue"/>'))).toHaveLength(21);
    rows.forEach((r, i) => expect(r.includes('<w:tblHeader/>')).toBe(i < 3));
  });

  it('takes its properties from the report and renders byte-identically twice', async () => {
    const a = await writeDocx(tree, GBT9704);
    const b = await writeDocx(exampleTree(), GBT9704);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = (await render(tree)).part('docProps/core.xml');
    expect(core).toContain(`<dc:creator>${tree.meta.author}</dc:creator>`);
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${tree.meta.date}T00:00:00Z</dcterms:created>`);
  });
});

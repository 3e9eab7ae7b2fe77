import { parseMarkup } from '../../src/doc/parse-markup';
import { placeTable, TableGridError } from '../../src/doc/table-grid';
import type { TableCell, TableNode } from '../../src/doc/tree';

const meta = { title: 't', author: 'a', date: '2022-01-17', language: 'zh-CN' as const };
const cell = (text: string, rowSpan = 1, colSpan = 1, align: TableCell['align'] = 'center'): TableCell => ({ rowSpan, colSpan, align, children: [{ kind: 'text', text }] });

describe('placeTable', () => {
  it('places cells as HTML does, after the slots spans from above cover', () => {
    const node: TableNode = {
      kind: 'table',
      widths: [1, 1, 1],
      rows: [
        { header: true, cells: [cell('a', 2), cell('b', 1, 2)] },
        { header: false, cells: [cell('c'), cell('d')] },
        { header: false, cells: [cell('e', 1, 3)] },
      ],
    };
    const g = placeTable(node);
    expect(g.cells.map((c) => [c.text, c.row, c.col])).toEqual([
      ['a', 0, 0],
      ['b', 0, 1],
      ['c', 1, 1],
      ['d', 1, 2],
      ['e', 2, 0],
    ]);
    expect([...g.owner]).toEqual([0, 1, 1, 0, 2, 3, 4, 4, 4]);
    // the header cell “a” spans into row 2, so both rows repeat
    expect(g.headerRows).toBe(2);
  });

  it('repeats only the leading header rows, never a header row further down', () => {
    const node: TableNode = {
      kind: 'table',
      widths: [1],
      rows: [
        { header: true, cells: [cell('h')] },
        { header: false, cells: [cell('1')] },
        { header: true, cells: [cell('x')] },
      ],
    };
    expect(placeTable(node).headerRows).toBe(1);
  });

  it('centres numbers whatever the template says, and keeps other alignments', () => {
    const node: TableNode = { kind: 'table', widths: [1, 1, 1], rows: [{ header: false, cells: [cell('123456', 1, 1, 'justify'), cell('标签', 1, 1, 'justify'), cell('/', 1, 1, 'left')] }] };
    expect(placeTable(node).cells.map((c) => [c.numeric, c.align])).toEqual([
      [true, 'center'],
      [false, 'justify'],
      [false, 'left'],
    ]);
  });

  it('refuses spans past the table, overlaps, holes and widths that do not match, naming row and column', () => {
    const base = (rows: TableNode['rows'], widths = [1, 1]): TableNode => ({ kind: 'table', widths, rows });
    expect(() => placeTable(base([{ header: false, cells: [cell('a', 2, 1), cell('b')] }]))).toThrow(/第1行第1列的单元格 rowspan="2" 超出了表格的最后一行/);
    expect(() =>
      placeTable(
        base([
          { header: false, cells: [cell('a', 2, 1), cell('b')] },
          { header: false, cells: [cell('c'), cell('d')] },
        ]),
      ),
    ).toThrow(/第2行占3列，与第1行的2列不一致/);
    expect(() => placeTable(base([{ header: false, cells: [cell('a'), cell('b')] }, { header: false, cells: [cell('c')] }]))).toThrow(TableGridError);
    expect(() => placeTable(base([{ header: false, cells: [cell('a', 1, 3)] }]))).toThrow(/widths 给出2列，但表格有3列/);
  });

  it('is what the markup parser checks: a bad grid is a template error with its line', () => {
    expect(() => parseMarkup('<table widths="1 1">\n<tr><td rowspan="2">a</td><td>b</td></tr>\n</table>', meta)).toThrow(/模板输出:1: 表格第1行第1列的单元格 rowspan="2" 超出了表格的最后一行/);
  });
});

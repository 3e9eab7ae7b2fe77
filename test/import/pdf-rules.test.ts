import type { RuledLine, TableBlock, TableCell } from '../../src/import/blocks';
import { readCell } from '../../src/import/normalize';
import { positionedRows } from '../../src/import/pdf-cells';
import { cellBoxes, splitAtRules } from '../../src/import/pdf-rules';
import { readSource } from '../../src/import/read-source';
import { applicationRowOf } from '../../src/import/table-labels';
import { exampleData, renderTo } from './support';

const across = (y: number, x0: number, x1: number): RuledLine => ({ x0, y0: y, x1, y1: y });
const down = (x: number, y0: number, y1: number): RuledLine => ({ x0: x, y0, x1: x, y1 });
const text = (t: string, x0: number, x1: number, y: number): TableCell => ({ text: t, x0, x1, y, size: 12 });

/**
 * Two rows of 表三's “（四）无法提供” group, ruled: a group label column (100–150), a row label
 * column (150–230) and seven value columns of 40 points from 230. Row 1 (3.补正后申请内容仍不明确)
 * is 580–640, row 2 (1.信访举报投诉类申请) is 540–580.
 */
const COLUMNS = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ x0: 235 + 40 * i, x1: 265 + 40 * i }));
const GRID: RuledLine[] = [
  across(640, 100, 510),
  across(580, 150, 510),
  across(540, 100, 510),
  ...[100, 150, 230, 270, 310, 350, 390, 430, 470, 510].map((x) => down(x, 540, 640)),
];
const rowsOf = (lines: TableCell[][], rules?: RuledLine[]) =>
  positionedRows(lines, COLUMNS, (t) => applicationRowOf(t) !== undefined, (t) => t.includes('无法提供'), rules).map((r) => r.map((c) => c.text).join(' '));

describe('import: PDF cells from the lines drawn on the page', () => {
  test('a piece of text lies in the box the nearest lines close round it; outside the lines it has none', () => {
    const boxOf = cellBoxes(GRID);
    expect(boxOf(text('3.补正后', 160, 220, 620))).toEqual({ left: 150, right: 230, bottom: 580, top: 640 });
    expect(boxOf(text('0', 247, 253, 555))).toEqual({ left: 230, right: 270, bottom: 540, top: 580 });
    expect(boxOf(text('注', 60, 72, 600))).toBeUndefined();
  });

  test('numbers of adjacent cells set as one run are split at the border between them; a run that does not match the borders is left whole', () => {
    const item = { str: '15924 50765', x: 236, y: 600, width: 67, height: 12 };
    expect(splitAtRules(item, GRID).map((i) => [i.str, i.x, i.x + i.width])).toEqual([
      ['15924', 236, 270],
      ['50765', 270, 303],
    ]);
    expect(splitAtRules({ ...item, str: '1 5924 50765' }, GRID)).toHaveLength(1);
    expect(splitAtRules({ ...item, y: 700 }, GRID)).toHaveLength(1);
    // Left whole, it is not a number: two figures never become one.
    expect(readCell('15924 50765').kind).toBe('other');
    expect(readCell('15,924')).toMatchObject({ kind: 'number', value: 15924 });
  });

  test('a label is the text of one cell: a line split by a wide gap, and numbers far from its words, still make one row', () => {
    const lines = [
      [text('（四）', 107, 143, 620), text('3.补正后', 160, 208, 620), text('申请', 210, 222, 620)],
      [text('无法提', 107, 143, 605), text('内容仍不明确', 154, 226, 605)],
      [text('供', 119, 131, 590)],
      [text('1.信访举报', 166, 226, 565)],
      [text('投诉类申请', 160, 220, 550)],
      // Row 1's numbers at the bottom of their cells, far below its label's lines.
      [text('2', 247, 253, 584), text('0', 287, 293, 584), text('0', 327, 333, 584), text('0', 367, 373, 584), text('0', 407, 413, 584), text('0', 447, 453, 584), text('2', 487, 493, 584)],
      [text('0', 247, 253, 556), text('0', 287, 293, 556), text('0', 327, 333, 556), text('0', 367, 373, 556), text('0', 407, 413, 556), text('0', 447, 453, 556), text('0', 487, 493, 556)],
    ];
    expect(rowsOf(lines, GRID)).toEqual(['3.补正后申请内容仍不明确 2 0 0 0 0 0 2', '1.信访举报投诉类申请 0 0 0 0 0 0 0']);
    // By the text alone the split line is two labels (neither names a row alone) and the numbers
    // are out of the label's reach: row 1 is unread, and nothing is misplaced.
    expect(rowsOf(lines)).toEqual(['1.信访举报投诉类申请 0 0 0 0 0 0 0']);
    // Lines round the table only say nothing of its rows: the text alone is read.
    const frame = [across(640, 100, 510), across(540, 100, 510), down(100, 540, 640), down(510, 540, 640)];
    expect(rowsOf(lines, frame)).toEqual(rowsOf(lines));
  });

  test('our own PDF: every label and figure of 表三 lies in a cell box (the lines drawn are read from the page)', async () => {
    const doc = await readSource('report.pdf', await renderTo(exampleData(), 'pdf'));
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const t3 = tables.filter((b) => b.rows.some((r) => r.some((c) => c.text.includes('申请人情况'))));
    expect(t3.length).toBeGreaterThan(0);
    for (const b of t3) {
      expect(b.rules?.length).toBeGreaterThan(20);
      const boxOf = cellBoxes(b.rules!);
      const loose = b.rows.flat().filter((c) => !boxOf(c));
      expect(loose.map((c) => c.text)).toEqual([]);
    }
  }, 60_000);
});

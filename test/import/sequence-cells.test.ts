import fc from 'fast-check';
import { sequenceCells, type RowShape } from '../../src/import/sequence-cells';
import type { RawCell } from '../../src/import/read-tables';
import { fuzzParams } from '../support/fuzz';

const REVIEW: RowShape = { columns: 15, groups: 3, totals: true };
const APPLICATIONS: RowShape = { columns: 7, groups: 1, totals: true };

/** A row's cells as short strings: the number read, `_` blank, `?` unread. */
const show = (cells: RawCell[]) => cells.map((c) => (c.kind === 'number' ? c.text : c.kind === 'blank' ? '_' : '?')).join(' ');
/** A line's value fields as the reader gives them: split at tabs, trailing blanks dropped. */
const fields = (line: string) => line.replace(/\t+$/, '').split('\t');

describe('import: a flattened row that does not fit its columns', () => {
  test('the seed’s 表四 line (16 fields, 0 at the 5th and the 16th): 行政复议 is read, 行政诉讼 is not', () => {
    const row = sequenceCells(fields('\t\t\t\t0\t\t\t\t\t\t\t\t\t\t\t0'), REVIEW);
    expect(show(row)).toBe('_ _ _ _ 0 ? ? ? ? ? ? ? ? ? ?');
    expect(row[5]).toMatchObject({ kind: 'missing', reason: '这一行有 16 格、2 个数，与表格的 15 列对不上，不能确定各数属于哪一列' });
  });

  test('a longer row starts at its first column: a group whose 总计 is the only one its values add up to is read', () => {
    // As in the seed: 行政复议 (1 1 0 0 2) stands where it is; the one value left may be
    // 未经复议直接起诉's 总计 or 复议后起诉's.
    expect(show(sequenceCells(fields('1\t1\t\t\t2\t\t\t\t\t\t\t\t\t\t\t3'), REVIEW))).toBe('1 1 _ _ 2 ? ? ? ? ? ? ? ? ? ?');
    // A blank doubled inside 未经复议直接起诉 (3 0 0 0 3): only one placement shows every group's 总计.
    expect(show(sequenceCells(fields('1\t1\t\t\t2\t3\t\t\t\t\t3\t\t\t\t\t0'), REVIEW))).toBe('1 1 _ _ 2 3 _ _ _ 3 _ _ _ _ 0');
    // 2 may be 结果维持 or 结果纠正 of 未经复议直接起诉: the doubled blank may be before or after it.
    expect(show(sequenceCells(fields('1\t\t\t\t1\t\t2\t\t\t\t2\t3\t\t\t\t3'), REVIEW))).toBe('1 _ _ _ 1 ? ? _ _ 2 3 _ _ _ 3');
  });

  test('a 总计 that also adds up one field further (a doubled blank inside the group) leaves the group unread', () => {
    // 1 0 2 | 3 could be 结果维持 1, 其他结果 2, 总计 3 (then the 6 is the next group's), or
    // 1 _ 0 2 3 with 总计 6 after a doubled blank: the placements disagree.
    expect(show(sequenceCells(fields('1\t\t0\t2\t3\t6\t\t\t\t\t\t\t\t\t\t\t'), REVIEW)).slice(0, 9)).toBe('? ? ? ? ?');
  });

  test('表三: the last value of a longer row is its 总计; its other cells are 0 when every other value is 0', () => {
    expect(show(sequenceCells(fields('\t\t\t\t\t\t\t0'), APPLICATIONS))).toBe('_ _ _ _ _ _ 0');
    expect(show(sequenceCells(fields('\t\t0\t\t\t\t\t\t5'), APPLICATIONS))).toBe('? ? ? ? ? ? 5');
  });

  test('values that no placement adds up are unread, saying so', () => {
    const row = sequenceCells(fields('5\t\t\t\t\t\t\t\t1'), APPLICATIONS);
    expect(show(row)).toBe('? ? ? ? ? ? ?');
    expect(row[0]).toMatchObject({ reason: expect.stringMatching(/按各组的总计也排不出各数的位置/) });
  });

  test('a table without totals (表二): only a value in the last field of a longer row is certain', () => {
    expect(show(sequenceCells(['3', '', '', '4'], { columns: 3, groups: 1, totals: false }))).toBe('? ? 4');
  });
});

/**
 * A table row as a report prints it: per group either nothing, or values whose 总计 is shown;
 * zeros shown or left blank; now and then a part left blank though it is not 0 (a careless
 * table). `truth` is each cell's value, `printed` what the table shows.
 */
const tableRow = (shape: RowShape) => {
  const size = shape.columns / shape.groups;
  const group = fc.record({
    empty: fc.boolean(),
    parts: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 4 }) }), { minLength: size - 1, maxLength: size - 1 }),
    showZero: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
    careless: fc.array(fc.nat({ max: 9 }).map((n) => n === 0), { minLength: size - 1, maxLength: size - 1 }),
  });
  return fc.array(group, { minLength: shape.groups, maxLength: shape.groups }).map((groups) => {
    const truth: (number | undefined)[] = [];
    const printed: string[] = [];
    for (const g of groups) {
      if (g.empty) {
        for (let i = 0; i < size; i++) [truth[truth.length], printed[printed.length]] = [undefined, ''];
        continue;
      }
      const cells = [...g.parts, g.parts.reduce((s, p) => s + p, 0)];
      cells.forEach((v, i) => {
        truth.push(v);
        const total = i === size - 1;
        const shown = total || (v !== 0 ? !g.careless[i] : g.showZero[i]);
        printed.push(shown ? String(v) : '');
      });
    }
    return { truth, printed };
  });
};

/** Blank fields doubled or lost, `k` of them, one way; then the trailing blanks dropped as the reader does. */
const garbled = (printed: readonly string[], doubled: boolean, spots: readonly number[]) => {
  const out = [...printed];
  for (const s of spots) {
    if (doubled) out.splice(s % (out.length + 1), 0, '');
    else {
      const blanks = out.flatMap((t, i) => (t === '' ? [i] : []));
      if (blanks.length > 0) out.splice(blanks[s % blanks.length], 1);
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
};

describe('import: a flattened row read by placements is never wrong (fast-check, fixed seed; FUZZ_SEED replays)', () => {
  test.each([
    ['表四', REVIEW],
    ['表三', APPLICATIONS],
  ] as const)('%s: every cell read equals the table’s, every blank cell read is 0', (_, shape) => {
    let read = 0;
    fc.assert(
      fc.property(tableRow(shape), fc.boolean(), fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }), ({ truth, printed }, doubled, spots) => {
        const values = garbled(printed, doubled, spots);
        // Rows that fit are read in order (another rule); rows shown in full are certain.
        fc.pre(values.length !== shape.columns && values.filter((v) => v !== '').length !== shape.columns);
        sequenceCells(values, shape).forEach((cell, i) => {
          if (cell.kind === 'number') expect([i, cell.value]).toEqual([i, truth[i]]);
          if (cell.kind === 'blank') expect([i, 0]).toEqual([i, truth[i]]);
          if (cell.kind === 'number' || cell.kind === 'blank') read++;
        });
      }),
      fuzzParams(400, { verbose: true }),
    );
    // The property is about cells that are read: there are many.
    expect(read).toBeGreaterThan(400);
  });
});

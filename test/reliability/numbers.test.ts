/**
 * Bad numbers in any table cell — text, negative, fraction, past 2^31, empty, true,
 * a list — are an error at exactly that cell, with the table's rule code, the cell's
 * printed name, and the line of the value in the file; never read as 0, never a crash.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadReportText } from '../../src/load/load-report';
import { APPLICATION_COLUMNS, APPLICATION_ROWS, DOCUMENT_COLUMNS, DOCUMENT_ROWS, OUTCOME_COLUMNS, REVIEW_LITIGATION_PARTS } from '../../src/catalogue/format-2021';
import { validateReport } from '../../src/validate/validate';
import { fuzzParams, fuzzRuns, minimalReport } from './support';

interface Cell {
  /** Key path of the cell in the data. */
  keys: (string | number)[];
  code: 'T2-R1' | 'T3-R4' | 'T4-R4';
  /** Words of the cell's printed name that the message must contain. */
  names: string[];
}

const CELLS: Cell[] = [
  ...APPLICATION_ROWS.flatMap((row) =>
    [0, 1, 2, 3, 4, 5].map((i): Cell => ({ keys: ['applications', ...row.key.split('.'), i], code: 'T3-R4', names: [row.label, APPLICATION_COLUMNS[i]] })),
  ),
  ...REVIEW_LITIGATION_PARTS.flatMap((part) =>
    OUTCOME_COLUMNS.map((col): Cell => ({ keys: ['reviewLitigation', part.key, col.key], code: 'T4-R4', names: [col.label] })),
  ),
  ...DOCUMENT_ROWS.flatMap((row) => DOCUMENT_COLUMNS.map((col): Cell => ({ keys: ['proactive', row.key, col.key], code: 'T2-R1', names: [row.label, col.label] }))),
  ...(['licensing', 'penalty', 'coercion'] as const).map((k): Cell => ({ keys: ['proactive', k], code: 'T2-R1', names: [{ licensing: '行政许可', penalty: '行政处罚', coercion: '行政强制' }[k]] })),
];

/** Bad values and what the message says about each. */
const BAD: [value: unknown, says: RegExp][] = [
  ['5', /文本“5”而不是数字，请去掉引号/],
  ['１２', /文本“１２”而不是数字.*写成 12/],
  [' ', /为空/],
  [-1, /不能为负数/],
  [1.5, /应为整数/],
  [2147483648, /超出允许的范围/],
  [1e21, /超出允许的范围/],
  [null, /为空.*请填 0|没有数据请填 0/],
  [true, /应为非负整数/],
  [[1], /应为非负整数/],
  ['三', /应为非负整数/],
];

function put(data: Record<string, unknown>, keys: (string | number)[], value: unknown): void {
  let node: any = data;
  keys.slice(0, -1).forEach((k, i) => {
    if (node[k] === undefined) node[k] = typeof keys[i + 1] === 'number' ? [0, 0, 0, 0, 0, 0] : {};
    node = node[k];
  });
  node[keys[keys.length - 1]] = value;
}

const pathOf = (keys: (string | number)[]) => keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

describe('a bad number in any table cell', () => {
  test('every cell × every kind of bad value: an error at that cell naming it, on the line of the value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CELLS), fc.constantFrom(...BAD), ({ keys, code, names }, [value, says]) => {
        const data = minimalReport();
        // complete rows and blocks, so only this cell is wrong
        for (const c of CELLS) if (c.keys[0] === keys[0]) put(data, c.keys, 0);
        put(data, keys, value);
        const text = stringify(data, { lineWidth: 0 });
        const loaded = loadReportText(text);
        expect(loaded.diagnostics).toEqual([]);
        const v = validateReport(loaded.data, loaded.sourceMap);
        const path = pathOf(keys);
        const here = v.diagnostics.filter((d) => d.path === path && d.severity === 'error');
        expect({ path, codes: here.map((d) => d.code) }).toEqual({ path, codes: [code] });
        for (const name of names) expect(here[0].message).toContain(name);
        expect(here[0].message).toMatch(says);
        // the line of the bad value: the key's line, or the line of the list item
        const lines = text.split('\n');
        const shown = typeof value === 'string' ? value.trim() || '' : JSON.stringify(value);
        expect(here[0].line).toBeGreaterThan(0);
        expect(lines[here[0].line! - 1]).toContain(typeof keys[keys.length - 1] === 'number' ? '-' : String(keys[keys.length - 1]));
        if (shown && typeof value !== 'object') expect(lines[here[0].line! - 1]).toContain(shown.replace(/^"|"$/g, '').slice(0, 4));
        // nothing is rendered from a report whose table is unusable
        expect(v.report).toBeUndefined();
      }),
      fuzzParams(fuzzRuns(150)),
    );
  });

  test('the largest allowed value, 2^31 − 1, is accepted in every cell', () => {
    const data = minimalReport();
    for (const c of CELLS) put(data, c.keys, 2147483647);
    const v = validateReport(data);
    expect(v.diagnostics.filter((d) => ['T2-R1', 'T3-R4', 'T4-R4'].includes(d.code))).toEqual([]);
    expect(v.report).toBeDefined();
  });
});

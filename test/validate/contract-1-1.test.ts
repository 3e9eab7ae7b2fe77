import { expandPlaceholders } from '../../src/model/placeholders';
import { codes, validateData, variant, withCode } from './helpers';

const errors = (r: ReturnType<typeof validateData>) => r.diagnostics.filter((d) => d.severity === 'error');

describe('not applicable (“/”)', () => {
  test('every cell of table 二 may be “/”; it is derived and printed as “/”', () => {
    const r = validateData(
      variant((d) => {
        d.proactive = {
          rules: { issued: '/', repealed: '/', inForce: '/' },
          normativeDocuments: { issued: 1, repealed: '/', inForce: 3 },
          licensing: '/', penalty: '/', coercion: '/', fees: '/',
        };
      }),
    );
    expect(errors(r)).toEqual([]);
    expect(r.derived!.proactive.rules).toEqual({ issued: '/', repealed: '/', inForce: '/' });
    expect(r.derived!.proactive.fees).toBe('/');
    expect(r.derived!.proactive.normativeDocuments.repealed).toBe('/');
    expect(expandPlaceholders('规章{{proactive.rules.inForce}}件', r.derived!).text).toBe('规章/件');
  });

  test('“/” anywhere else is an error naming the cell; a full-width “／” in table 二 asks for “/”', () => {
    const r = validateData(
      variant((d) => {
        d.applications.newlyReceived = [0, '/', 0, 0, 0, 0];
        d.reviewLitigation = { review: { upheld: '/', corrected: 0, other: 0, pending: 0 } };
        d.proactive.licensing = '／';
      }),
    );
    const t3 = withCode(r.diagnostics, 'T3-R4');
    expect(t3.map((d) => d.message)).toEqual(['表三 一、本年新收政府信息公开申请数量 / 商业企业：“/”（不适用）只能用于表二；这里应填写数字，没有的填 0']);
    expect(withCode(r.diagnostics, 'T4-R4').map((d) => d.message)).toEqual(['表四 行政复议 / 结果维持：“/”（不适用）只能用于表二；这里应填写数字，没有的填 0']);
    expect(withCode(r.diagnostics, 'T2-R1').map((d) => d.message)).toEqual(['表二 第二十条第（五）项 行政许可 / 本年处理决定数量：不适用请写半角斜杠 "/"（带引号），而不是“／”']);
    expect(r.report).toBeUndefined();
  });

  test('X2 skips a row with “/” this year or last year (never read as 0)', () => {
    const previous = variant((d) => {
      d.year -= 1;
      d.proactive.rules = { issued: 0, repealed: 0, inForce: '/' };
      d.proactive.normativeDocuments = { issued: 0, repealed: 0, inForce: 5 };
    });
    const current = variant((d) => {
      d.proactive.rules = { issued: 2, repealed: 0, inForce: 9 };
      d.proactive.normativeDocuments = { issued: '/', repealed: 0, inForce: 1 };
    });
    expect(withCode(validateData(current, { previous: { data: previous } }).diagnostics, 'X2')).toEqual([]);
    // the same figures as numbers break X2 in both rows, so the skip is what keeps it quiet
    previous.proactive.rules.inForce = 0;
    current.proactive.normativeDocuments.issued = 0;
    expect(withCode(validateData(current, { previous: { data: previous } }).diagnostics, 'X2').map((d) => d.path)).toEqual([
      'proactive.rules',
      'proactive.normativeDocuments',
    ]);
  });
});

describe('unread cells (null, as written by xxgk import)', () => {
  test('each is an error naming the cell; X1 skips an unread column of last year instead of reading 0', () => {
    const r = validateData(variant((d) => (d.applications.granted = [0, null, 0, 0, 0, 0])));
    const found = withCode(r.diagnostics, 'T3-R4');
    expect(found.map((d) => [d.path, d.message])).toEqual([
      ['applications.granted[1]', '表三 （一）予以公开 / 商业企业：为空，没有数据请填 0（空白不会被当作 0）；导入时未能读取的，请按原表填写'],
    ]);
    const previous = variant((d) => {
      d.year -= 1;
      d.applications.carriedForward = [null, 0, 0, 0, 0, 0];
    });
    const current = variant((d) => (d.applications.carriedOver = [4, 0, 0, 0, 0, 0]));
    expect(withCode(validateData(current, { previous: { data: previous } }).diagnostics, 'X1')).toEqual([]);
    previous.applications.carriedForward[0] = 0;
    expect(withCode(validateData(current, { previous: { data: previous } }).diagnostics, 'X1')).toHaveLength(1);
  });

  test('an unread table-二 cell is an error too', () => {
    const r = validateData(variant((d) => (d.proactive.rules = { issued: null, repealed: 0, inForce: 0 })));
    expect(withCode(r.diagnostics, 'T2-R1').map((d) => d.message)).toEqual([
      '表二 第二十条第（一）项 规章 / 本年制发件数：为空，没有数据请填 0（空白不会被当作 0）；导入时未能读取的，请按原表填写',
    ]);
  });
});

describe('format, level, published', () => {
  test('accepted when right', () => {
    const r = validateData(variant((d) => Object.assign(d, { format: 2021, level: 'department', published: '2022-01-25' })));
    expect(errors(r)).toEqual([]);
    expect(r.report).toMatchObject({ format: 2021, level: 'department', published: '2022-01-25' });
  });

  test('an unknown format stops the report and names the formats that exist; no table rule runs', () => {
    const r = validateData(variant((d) => Object.assign(d, { format: 2030, applications: { newlyReceived: [1, 0, 0, 0, 0, 0] } })));
    expect(codes(errors(r))).toEqual(['FORMAT']);
    expect(r.diagnostics.find((d) => d.code === 'FORMAT')!.message).toBe('报告格式（format）：没有 2030 这种报告格式。现有的格式：2021（国办公开办函〔2021〕30号）');
    expect(r.report).toBeUndefined();
    expect(codes(errors(validateData(variant((d) => (d.format = '2021')))))).toEqual(['SCHEMA-TYPE']);
  });

  test('a wrong level or publication date names the field and what it may be', () => {
    const r = validateData(variant((d) => Object.assign(d, { level: '部门', published: '2022-02-30' })));
    expect(withCode(r.diagnostics, 'SCHEMA-ENUM').map((d) => d.message)[0]).toMatch(/^机关层级：只能是 department 或 government，填写的是“部门”/);
    expect(withCode(r.diagnostics, 'SCHEMA-FORMAT').map((d) => d.message)).toEqual(['发布日期：“2022-02-30”格式不正确，应写成 2022-01-20 这样的日期']);
  });
});

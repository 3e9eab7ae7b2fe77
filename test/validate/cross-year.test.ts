import { codes, errors, expectCatalogued, validateData, variant, warnings, withCode } from './helpers';

afterAll(expectCatalogued);

/** Last year's report: the example's figures, with its own text (so C1 stays out of these tests). */
const lastYear = (edit: (d: Record<string, any>) => void = () => {}) =>
  variant((d) => {
    d.year = 2020;
    Object.assign(d, { overviewIntro: '上一年度的总述。', overview: [], problems: '上一年度的问题和措施。' });
    edit(d);
  });

describe('X1: 四、结转下年度 (N−1) = 二、上年结转 (N), per column', () => {
  it('passes the example against a consistent previous year', () => {
    const r = validateData(variant(() => {}), { previous: { data: lastYear() } });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(warnings(r.diagnostics)).toEqual([]);
  });
  it('passes carried-over figures that match', () => {
    const now = variant((d) => {
      d.applications.carriedOver = [1, 0, 2, 0, 0, 0];
      d.applications.granted = [1, 0, 2, 0, 0, 0];
      d.applications.total = [1, 0, 2, 0, 0, 0];
    });
    const prev = lastYear((d) => {
      d.applications.carriedForward = [1, 0, 2, 0, 0, 0];
      d.applications.newlyReceived = [1, 0, 2, 0, 0, 0];
    });
    expect(errors(validateData(now, { previous: { data: prev } }).diagnostics)).toEqual([]);
  });
  it('reports each applicant column that differs, naming it and both figures', () => {
    const prev = lastYear((d) => {
      d.applications.carriedForward = [0, 0, 3, 0, 0, 0];
      d.applications.newlyReceived = [0, 0, 3, 0, 0, 0];
    });
    const r = validateData(variant(() => {}), { previous: { data: prev } });
    const x = withCode(r.diagnostics, 'X1');
    expect(x).toHaveLength(1);
    expect(x[0].severity).toBe('error');
    expect(x[0].path).toBe('applications.carriedOver[2]');
    expect(x[0].message).toContain('表三 二、上年结转政府信息公开申请数量 / 科研机构：本年填写0');
    expect(x[0].message).toContain('2020年报告的 四、结转下年度继续办理 / 科研机构 为3');
  });
  it('is not run without previous data', () => {
    expect(codes(validateData(variant(() => {})).diagnostics)).not.toContain('X1');
  });
});

describe('X2: 现行有效(N) = 现行有效(N−1) + 本年制发 − 本年废止', () => {
  it('passes consistent documents', () => {
    const now = variant((d) => (d.proactive.normativeDocuments = { issued: 2, repealed: 1, inForce: 6 }));
    const prev = lastYear((d) => (d.proactive.normativeDocuments = { issued: 5, repealed: 0, inForce: 5 }));
    expect(codes(validateData(now, { previous: { data: prev } }).diagnostics)).not.toContain('X2');
  });
  it.each([
    ['rules', '规章'],
    ['normativeDocuments', '行政规范性文件'],
  ])('warns for %s with all the figures', (key, label) => {
    const now = variant((d) => (d.proactive[key] = { issued: 2, repealed: 1, inForce: 4 }));
    const prev = lastYear((d) => (d.proactive[key] = { issued: 5, repealed: 0, inForce: 5 }));
    const x = withCode(validateData(now, { previous: { data: prev } }).diagnostics, 'X2');
    expect(x).toHaveLength(1);
    expect(x[0].severity).toBe('warning');
    expect(x[0].path).toBe(`proactive.${key}`);
    expect(x[0].message).toContain(`表二 第二十条第（一）项 ${label} / 现行有效件数：本年填写4`);
    expect(x[0].message).toContain('2020年现行有效5+本年制发2−本年废止1=6');
  });
});

describe('X0: unusable previous data', () => {
  it('warns when the previous report is not last year, and skips X1/X2', () => {
    const prev = variant((d) => (d.applications.carriedForward = [5, 0, 0, 0, 0, 0]));
    const r = validateData(variant(() => {}), { previous: { data: prev } });
    expect(codes(r.diagnostics)).toContain('X0');
    expect(codes(r.diagnostics)).not.toContain('X1');
  });
  it('warns when the previous data is not a report, or is another agency', () => {
    expect(codes(validateData(variant(() => {}), { previous: { data: 'x' } }).diagnostics)).toContain('X0');
    const other = lastYear((d) => (d.agency = '平罗县统计局'));
    const x0 = withCode(validateData(variant(() => {}), { previous: { data: other } }).diagnostics, 'X0');
    expect(x0).toHaveLength(1);
    expect(x0[0].message).toContain('平罗县统计局');
  });
});

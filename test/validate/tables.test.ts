import { codes, errors, example, expectCatalogued, validateData, variant, withCode } from './helpers';

afterAll(expectCatalogued);

/** A balanced table 三: 10 received (8 自然人, 2 商业企业), 1 carried over, 9 granted, 2 carried forward. */
function busy(d: Record<string, any>): void {
  d.applications.newlyReceived = [8, 2, 0, 0, 0, 0];
  d.applications.carriedOver = [1, 0, 0, 0, 0, 0];
  d.applications.granted = [7, 2, 0, 0, 0, 0];
  d.applications.total = [7, 2, 0, 0, 0, 0];
  d.applications.carriedForward = [2, 0, 0, 0, 0, 0];
}

describe('T3-R1: 一 + 二 = （七）总计 + 四, per column', () => {
  it('passes a balanced table', () => {
    const r = validateData(variant(busy));
    expect(errors(r.diagnostics)).toEqual([]);
  });
  it('names each failing column and both sums', () => {
    const r = validateData(variant((d) => {
      busy(d);
      d.applications.newlyReceived = [9, 2, 0, 0, 0, 1];
    }));
    const t = withCode(r.diagnostics, 'T3-R1');
    expect(t.map((x) => x.path)).toEqual(['applications.newlyReceived[0]', 'applications.newlyReceived[5]']);
    expect(t[0].message).toContain('表三 一、本年新收政府信息公开申请数量 / 自然人：一+二=10，（七）总计+四=9');
    expect(t[1].message).toContain('/ 其他：一+二=1，（七）总计+四=0');
  });
  it('counts outcome rows in every group', () => {
    const r = validateData(variant((d) => {
      busy(d);
      d.applications.granted = [6, 2, 0, 0, 0, 0];
      d.applications.total = [7, 2, 0, 0, 0, 0];
      d.applications.otherDisposal.other = [1, 0, 0, 0, 0, 0];
    }));
    expect(errors(r.diagnostics)).toEqual([]);
  });
  it('skips a column whose cell is unusable (reported as T3-R4 instead)', () => {
    const r = validateData(variant((d) => {
      busy(d);
      d.applications.carriedOver[0] = null;
    }));
    expect(codes(r.diagnostics)).toContain('T3-R4');
    expect(codes(r.diagnostics)).not.toContain('T3-R1');
  });
  it('reads an omitted row as zeros', () => {
    const r = validateData(variant((d) => {
      delete d.applications.carriedOver;
      delete d.applications.denied;
    }));
    expect(errors(r.diagnostics)).toEqual([]);
  });
});

describe('T3-R2: a stated （七）总计 row equals the sum of the 21 outcome rows', () => {
  it('passes when it matches, or when it is omitted', () => {
    expect(codes(validateData(variant(busy)).diagnostics)).not.toContain('T3-R2');
    expect(codes(validateData(variant((d) => { busy(d); delete d.applications.total; })).diagnostics)).not.toContain('T3-R2');
  });
  it('reports each column that differs', () => {
    const r = validateData(variant((d) => {
      busy(d);
      d.applications.total = [7, 3, 0, 0, 0, 0];
    }));
    const t = withCode(r.diagnostics, 'T3-R2');
    expect(t).toHaveLength(1);
    expect(t[0].path).toBe('applications.total[1]');
    expect(t[0].message).toContain('表三 （七）总计 / 商业企业：填写的总计为3，但（一）至（六）各项之和为2');
  });
});

describe('T3-R3: a stated 7th number equals the row sum', () => {
  it('passes a correct 7th number', () => {
    const r = validateData(variant((d) => {
      busy(d);
      d.applications.newlyReceived = [8, 2, 0, 0, 0, 0, 10];
    }));
    expect(errors(r.diagnostics)).toEqual([]);
  });
  it('reports a wrong 7th number, naming the row and 总计', () => {
    const r = validateData(variant((d) => {
      busy(d);
      d.applications.denied.stateSecret = [0, 0, 0, 0, 0, 0, 1];
    }));
    const t = withCode(r.diagnostics, 'T3-R3');
    expect(t).toHaveLength(1);
    expect(t[0].path).toBe('applications.denied.stateSecret[6]');
    expect(t[0].message).toContain('表三 （三）不予公开 1.属于国家秘密 / 总计：填写的总计为1，但六类申请人之和为0');
  });
});

describe('T4-R1..R3: stated totals of table 四', () => {
  it('pass when the stated total matches or is omitted', () => {
    const r = validateData(variant((d) => {
      d.reviewLitigation.review = { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 };
    }));
    expect(errors(r.diagnostics)).toEqual([]);
  });
  it.each([
    ['review', 'T4-R1', '表四 行政复议 / 总计'],
    ['litigationDirect', 'T4-R2', '表四 行政诉讼 未经复议直接起诉 / 总计'],
    ['litigationAfterReview', 'T4-R3', '表四 行政诉讼 复议后起诉 / 总计'],
  ])('report a wrong total of %s as %s', (part, code, label) => {
    const r = validateData(variant((d) => {
      d.reviewLitigation[part] = { upheld: 1, corrected: 0, other: 1, pending: 0, total: 3 };
    }));
    const t = withCode(r.diagnostics, code);
    expect(t).toHaveLength(1);
    expect(t[0].path).toBe(`reviewLitigation.${part}.total`);
    expect(t[0].message).toContain(`${label}：填写的总计为3，但结果维持1+结果纠正0+其他结果1+尚未审结0=2`);
  });
});

describe('rule errors do not withhold the report', () => {
  it('returns the report with T3 errors but not with schema errors', () => {
    expect(validateData(variant((d) => (d.applications.granted = [1, 0, 0, 0, 0, 0]))).report).toBeDefined();
    expect(validateData(variant((d) => (d.applications.granted = [1, 0, 0, 0, 0]))).report).toBeUndefined();
    expect(validateData(example()).report).toBeDefined();
  });
});

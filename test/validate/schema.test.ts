import { codes, errors, example, EXAMPLE_TEXT, expectCatalogued, lineOf, validateData, validateText, variant, withCode } from './helpers';

afterAll(expectCatalogued);

const only = (data: unknown, code: string) => {
  const r = validateData(data);
  const found = withCode(r.diagnostics, code);
  expect(found.length).toBeGreaterThan(0);
  return { r, found };
};

describe('SCHEMA-UNKNOWN-KEY', () => {
  it('passes the example', () => {
    expect(codes(validateData(example()).diagnostics)).not.toContain('SCHEMA-UNKNOWN-KEY');
  });

  it('suggests the closest key for a typo, at any depth', () => {
    const { found } = only(variant((d) => {
      d.applications.denied.stateSecrte = d.applications.denied.stateSecret;
      delete d.applications.denied.stateSecret;
    }), 'SCHEMA-UNKNOWN-KEY');
    expect(found[0].path).toBe('applications.denied.stateSecrte');
    expect(found[0].message).toContain('表三 （三）不予公开');
    expect(found[0].message).toContain('“stateSecret”（1.属于国家秘密）');
  });

  it('suggests the key for a Chinese label used as a key', () => {
    const { found } = only(variant((d) => {
      d['机关名称'] = d.agency;
      delete d.agency;
    }), 'SCHEMA-UNKNOWN-KEY');
    expect(found[0].message).toContain('“agency”（机关名称）');
  });

  it('says where a key belongs when it is at the wrong level', () => {
    const { found } = only(variant((d) => {
      d.applications.stateSecret = [0, 0, 0, 0, 0, 0];
    }), 'SCHEMA-UNKNOWN-KEY');
    expect(found[0].message).toContain('applications.denied 下');
  });

  it('gives the line of the unknown key in YAML', () => {
    const text = EXAMPLE_TEXT.replace('  penalty: 0', '  penatly: 0');
    const r = validateText(text);
    const u = withCode(r.diagnostics, 'SCHEMA-UNKNOWN-KEY');
    expect(u).toHaveLength(1);
    expect(u[0].line).toBe(lineOf(text, 'penatly: 0'));
    expect(u[0].message).toContain('“penalty”（行政处罚）');
  });
});

describe('SCHEMA-REQUIRED', () => {
  it('passes the example', () => {
    expect(codes(validateData(example()).diagnostics)).not.toContain('SCHEMA-REQUIRED');
  });
  it.each(['agency', 'year'])('reports a missing %s', (key) => {
    const { r, found } = only(variant((d) => delete d[key]), 'SCHEMA-REQUIRED');
    expect(found[0].path).toBe(key);
    expect(found[0].message).toContain(key === 'agency' ? '机关名称' : '报告年度');
    expect(r.report).toBeUndefined();
  });
  it('reports an empty agency and an empty overview heading', () => {
    const r = validateData(variant((d) => {
      d.agency = '  ';
      d.overview[0].heading = '';
    }));
    expect(withCode(r.diagnostics, 'SCHEMA-REQUIRED').map((d) => d.path)).toEqual(['agency', 'overview[0].heading']);
  });
  it('reports a null year as required', () => {
    const { found } = only(variant((d) => (d.year = null)), 'SCHEMA-REQUIRED');
    expect(found[0].path).toBe('year');
  });
});

describe('SCHEMA-TYPE', () => {
  it('passes the example', () => {
    expect(codes(validateData(example()).diagnostics)).not.toContain('SCHEMA-TYPE');
  });
  it('reports a number given as text and says so', () => {
    const { found } = only(variant((d) => (d.year = '2021')), 'SCHEMA-TYPE');
    expect(found[0].message).toContain('文本“2021”而不是数字');
  });
  it('reports text given as a number, a string for a list, a list for an object', () => {
    const r = validateData(variant((d) => {
      d.contact = 6663655;
      d.overview = '主动公开';
      d.reviewLitigation.review = [0, 0, 0, 0];
    }));
    const t = withCode(r.diagnostics, 'SCHEMA-TYPE');
    expect(t.map((d) => d.path).sort()).toEqual(['contact', 'overview', 'reviewLitigation.review']);
    expect(t.find((d) => d.path === 'contact')!.message).toContain('"6663655"');
  });
  it('reports data that is not an object', () => {
    for (const bad of [undefined, null, 42, 'text', [1, 2]]) {
      const r = validateData(bad);
      expect(codes(r.diagnostics)).toEqual(['SCHEMA-TYPE']);
      expect(r.report).toBeUndefined();
    }
  });
});

describe('SCHEMA-LENGTH', () => {
  it('passes 6 and 7 numbers', () => {
    const r = validateData(variant((d) => (d.applications.granted = [0, 0, 0, 0, 0, 0, 0])));
    expect(codes(r.diagnostics)).not.toContain('SCHEMA-LENGTH');
  });
  it.each([[[0, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0, 0]], [[]]])('reports a row of %j', (bad) => {
    const { found } = only(variant((d) => (d.applications.granted = bad)), 'SCHEMA-LENGTH');
    expect(found[0].path).toBe('applications.granted');
    expect(found[0].message).toContain('表三 （一）予以公开：应有6个数');
    expect(found[0].message).toContain(`填写了${bad.length}个数`);
  });
});

describe('SCHEMA-RANGE and SCHEMA-FORMAT', () => {
  it('pass good values', () => {
    const r = validateData(variant((d) => (d.signature = { date: '2022-01-20' })));
    expect(codes(r.diagnostics)).not.toContain('SCHEMA-RANGE');
    expect(codes(r.diagnostics)).not.toContain('SCHEMA-FORMAT');
  });
  it('reports a year out of range', () => {
    only(variant((d) => (d.year = 1999)), 'SCHEMA-RANGE');
  });
  it.each(['2022/01/20', '2022-02-30', '2022-13-01', '二〇二二年一月'])('reports the date %s', (date) => {
    only(variant((d) => (d.signature = { date })), 'SCHEMA-FORMAT');
  });
});

describe('SCHEMA-EMPTY', () => {
  it('warns about an empty optional field and drops it from the report', () => {
    const r = validateData(variant((d) => (d.contact = null)));
    const e = withCode(r.diagnostics, 'SCHEMA-EMPTY');
    expect(e).toHaveLength(1);
    expect(e[0].severity).toBe('warning');
    expect(r.report).toBeDefined();
    expect('contact' in r.report!).toBe(false);
  });
  it('is silent where a narrative rule reports it instead', () => {
    const r = validateData(variant((d) => (d.otherMatters = null)));
    expect(codes(r.diagnostics)).not.toContain('SCHEMA-EMPTY');
    expect(codes(r.diagnostics)).toContain('N6');
  });
});

describe('T3-R4: table 三 cells are non-negative integers', () => {
  it('passes the example', () => {
    expect(codes(validateData(example()).diagnostics)).not.toContain('T3-R4');
  });
  it('asks for 0 for a null or empty cell, never reading it as 0', () => {
    for (const blank of [null, '', '  ']) {
      const { r, found } = only(variant((d) => (d.applications.newlyReceived[1] = blank)), 'T3-R4');
      expect(found[0].path).toBe('applications.newlyReceived[1]');
      expect(found[0].message).toContain('表三 一、本年新收政府信息公开申请数量 / 商业企业：为空');
      expect(found[0].message).toContain('填 0');
      expect(r.report).toBeUndefined();
    }
  });
  it('asks for numbers for a null row', () => {
    const { found } = only(variant((d) => (d.applications.denied.stateSecret = null)), 'T3-R4');
    expect(found[0].message).toContain('表三 （三）不予公开 1.属于国家秘密：为空');
  });
  it.each([
    [-1, '不能为负数'],
    [1.5, '应为整数'],
    [2 ** 31, '超出允许的范围'],
    ['3', '文本“3”而不是数字，请去掉引号，写成 3'],
    ['３', '写成 3'],
    [true, '应为非负整数'],
    [Infinity, '不是有效的数字'],
  ])('reports %p', (bad, text) => {
    const { found } = only(variant((d) => (d.applications.denied.stateSecret[6 - 1] = bad)), 'T3-R4');
    expect(found[0].message).toContain('表三 （三）不予公开 1.属于国家秘密 / 其他');
    expect(found[0].message).toContain(text);
  });
  it('accepts 2^31 − 1', () => {
    const r = validateData(variant((d) => {
      d.applications.newlyReceived[0] = 2 ** 31 - 1;
      d.applications.granted[0] = 2 ** 31 - 1;
      d.applications.total[0] = 2 ** 31 - 1;
    }));
    expect(errors(r.diagnostics)).toEqual([]);
  });
});

describe('T4-R4: table 四 cells are non-negative integers', () => {
  it('passes the example', () => {
    expect(codes(validateData(example()).diagnostics)).not.toContain('T4-R4');
  });
  it.each([[-2], [0.5], [null], ['1']])('reports %p', (bad) => {
    const { found } = only(variant((d) => (d.reviewLitigation.litigationDirect.pending = bad)), 'T4-R4');
    expect(found[0].message).toContain('表四 行政诉讼 未经复议直接起诉 / 尚未审结');
  });
  it('reports a missing cell of a part', () => {
    const { found } = only(variant((d) => delete d.reviewLitigation.review.corrected), 'T4-R4');
    expect(found[0].message).toContain('表四 行政复议 / 结果纠正');
    expect(found[0].message).toContain('填 0');
  });
});

describe('T2-R1: table 二', () => {
  it('passes counts and decimal amounts', () => {
    for (const fees of [0, 1.25, '0.000500', '12']) {
      const r = validateData(variant((d) => (d.proactive.fees = fees)));
      expect(codes(r.diagnostics)).not.toContain('T2-R1');
    }
  });
  it.each([
    ['licensing', -1, '表二 第二十条第（五）项 行政许可 / 本年处理决定数量：不能为负数'],
    ['penalty', 2.5, '应为整数'],
    ['coercion', null, '填 0'],
    ['fees', -0.5, '表二 第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）：不能为负数'],
    ['fees', 'abc', '应为非负数（单位：万元）'],
    ['fees', '１.５', '写成 1.5'],
    ['fees', '', '填 0'],
  ])('reports %s = %p', (key, bad, text) => {
    const { found } = only(variant((d) => (d.proactive[key] = bad)), 'T2-R1');
    expect(found[0].message).toContain(text);
  });
  it('reports a bad document count', () => {
    const { found } = only(variant((d) => (d.proactive.normativeDocuments.issued = '2')), 'T2-R1');
    expect(found[0].message).toContain('表二 第二十条第（一）项 行政规范性文件 / 本年制发件数');
  });
});

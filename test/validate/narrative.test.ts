import { codes, errors, example, expectCatalogued, validateData, variant, warnings, withCode } from './helpers';

afterAll(expectCatalogued);

/** Example with 10 new applications (8 自然人, 2 商业企业), all granted, and narrative `text` in （二）依申请公开. */
function tenApplications(text: string, edit: (d: Record<string, any>) => void = () => {}) {
  return variant((d) => {
    d.applications.newlyReceived = [8, 2, 0, 0, 0, 0];
    d.applications.granted = [8, 2, 0, 0, 0, 0];
    d.applications.total = [8, 2, 0, 0, 0, 0];
    d.overview[1].body = text;
    edit(d);
  });
}

describe('N1: figures in the narrative match the tables', () => {
  it('passes a matching figure', () => {
    const r = validateData(tenApplications('本年度共收到政府信息公开申请10件，均已按时答复。'));
    expect(warnings(r.diagnostics)).toEqual([]);
  });

  it('gives exactly one warning naming both figures for 共收到政府信息公开申请12件 against 10', () => {
    const r = validateData(tenApplications('本年度，科技局共收到政府信息公开申请12件，均已按时答复。'));
    const w = warnings(r.diagnostics);
    expect(w).toHaveLength(1);
    expect(w[0].code).toBe('N1');
    expect(w[0].path).toBe('overview[1].body');
    expect(w[0].message).toContain('一、总体情况 （二）依申请公开');
    expect(w[0].message).toContain('“收到政府信息公开申请12件”写的是12件');
    expect(w[0].message).toContain('表三 一、本年新收政府信息公开申请数量 / 总计为10');
    expect(errors(r.diagnostics)).toEqual([]);
  });

  it('checks every match, in every narrative field', () => {
    const r = validateData(
      tenApplications('本年度收到政府信息公开申请12件。全年新收申请5件。截至年底共收到申请11件。', (d) => {
        d.overviewIntro = '全年共收到依申请公开申请9件。';
      }),
    );
    const n1 = withCode(r.diagnostics, 'N1');
    expect(n1.map((d) => d.message.match(/写的是(\d+)件/)![1])).toEqual(['9', '12', '5', '11']);
  });

  it.each([
    ['上年结转政府信息公开申请2件', 'carriedOver', '二、上年结转政府信息公开申请数量 / 总计为0'],
    ['共办结申请3件', 'total', '（七）总计 / 总计为10'],
    ['结转下年度继续办理2件', 'carriedForward', '四、结转下年度继续办理 / 总计为0'],
    ['发生行政复议1件', 'review', '表四 行政复议 / 总计为0'],
    ['行政诉讼案件2起', 'litigation', '表四 行政诉讼（未经复议直接起诉 总计 + 复议后起诉 总计）为0'],
    ['本年度制发行政规范性文件3件', 'normative', '表二 第二十条第（一）项 行政规范性文件 / 本年制发件数为0'],
    ['出台规章1件', 'rules', '表二 第二十条第（一）项 规章 / 本年制发件数为0'],
  ])('recognises “%s”', (sentence, _kind, table) => {
    const r = validateData(tenApplications(`本年度，${sentence}。`));
    const n1 = withCode(r.diagnostics, 'N1');
    expect(n1).toHaveLength(1);
    expect(n1[0].message).toContain(table);
  });

  it('passes each recognised figure when it matches', () => {
    const text =
      '本年度共收到政府信息公开申请10件，上年结转申请1件，共办结申请9件，结转下年度继续办理2件。' +
      '发生行政复议1件、行政诉讼2件。制发行政规范性文件3件，出台规章1件。';
    const r = validateData(
      tenApplications(text, (d) => {
        d.applications.carriedOver = [1, 0, 0, 0, 0, 0];
        d.applications.granted = [7, 2, 0, 0, 0, 0];
        d.applications.total = [7, 2, 0, 0, 0, 0];
        d.applications.carriedForward = [2, 0, 0, 0, 0, 0];
        d.reviewLitigation.review.upheld = 1;
        d.reviewLitigation.litigationDirect.pending = 1;
        d.reviewLitigation.litigationAfterReview.upheld = 1;
        d.proactive.normativeDocuments = { issued: 3, repealed: 0, inForce: 3 };
        d.proactive.rules = { issued: 1, repealed: 0, inForce: 1 };
      }),
    );
    expect(r.diagnostics.filter((d) => d.severity !== 'hint')).toEqual([]);
  });

  it('raises nothing on ordinary prose and partial figures', () => {
    const prose = [
      '其中自然人申请8件，商业企业申请2件。',
      '通过政府网站收到申请3件，当面收到申请7件。',
      '2020年共收到政府信息公开申请25件。',
      '较上年收到申请增加2件。',
      '年内共制发公文68件，其中公开发布27件，依申请公开21件。',
      '制定内部规章制度3件。',
      '其中予以公开答复8件，部分公开答复2件。',
      '行政复议结果维持1件。',
      '共收到群众来电咨询36次。',
      '本年度未收到政府信息公开的申请。',
      '上半年收到申请5件，第三季度收到申请3件，12月收到申请2件。',
      '清理废止规范性文件4件。',
    ].join('');
    const r = validateData(tenApplications(prose));
    expect(warnings(r.diagnostics)).toEqual([]);
  });

  it('checks applications and cases only where the text is about 政府信息公开', () => {
    const other = '全年办结人大代表建议和政协提案20件，受理行政复议申请35件，收到行政许可申请120件，行政诉讼案件12起。';
    expect(warnings(validateData(tenApplications('', (d) => (d.overview[0].body = other))).diagnostics)).toEqual([
      expect.objectContaining({ code: 'N6' }),
    ]);
    const r = validateData(tenApplications('共收到申请10件。', (d) => (d.overview[0].body = '本年度因政府信息公开被申请行政复议1件。')));
    const n1 = withCode(r.diagnostics, 'N1');
    expect(n1).toHaveLength(1);
    expect(n1[0].path).toBe('overview[0].body');
    expect(n1[0].message).toContain('表四 行政复议 / 总计为0');
  });

  it('checks the text after placeholders are expanded', () => {
    const r = validateData(tenApplications('共收到政府信息公开申请{{applications.newlyReceived.total}}件，其中自然人{{表三.本年新收.自然人}}件。'));
    expect(warnings(r.diagnostics)).toEqual([]);
    expect(errors(r.diagnostics)).toEqual([]);
  });

  it('is skipped while the tables have schema errors', () => {
    const r = validateData(tenApplications('共收到政府信息公开申请12件。', (d) => (d.applications.granted[0] = -1)));
    expect(codes(r.diagnostics)).not.toContain('N1');
  });
});

describe('N2 / N3: 信息处理费 in section 六', () => {
  it('N2 passes when 六 mentions 信息处理费', () => {
    const r = validateData(variant((d) => (d.otherMatters = '本年度未收取信息处理费。')));
    expect(codes(r.diagnostics)).not.toContain('N2');
  });
  it('N2 is a hint when 六 says nothing about it', () => {
    const n2 = withCode(validateData(example()).diagnostics, 'N2');
    expect(n2).toHaveLength(1);
    expect(n2[0].severity).toBe('hint');
  });
  const feeCase = (otherMatters: string | undefined, fees = 0) =>
    variant((d) => {
      d.applications.newlyReceived = [1, 0, 0, 0, 0, 0];
      d.applications.otherDisposal.overdueFee = [1, 0, 0, 0, 0, 0];
      d.applications.total = [1, 0, 0, 0, 0, 0];
      d.proactive.fees = fees;
      if (otherMatters === undefined) delete d.otherMatters;
      else d.otherMatters = otherMatters;
    });
  it('N3 warns when 逾期未缴纳费用 is above 0 and 六 states no 信息处理费', () => {
    const r = validateData(feeCase('无。'));
    const n3 = withCode(r.diagnostics, 'N3');
    expect(n3).toHaveLength(1);
    expect(n3[0].severity).toBe('warning');
    expect(n3[0].message).toContain('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 / 总计为1');
    expect(codes(r.diagnostics)).not.toContain('N2');
  });
  it('N3 ignores table 二 行政事业性收费 and passes when 六 states the fee', () => {
    expect(codes(validateData(feeCase('无。', 12.5)).diagnostics)).toContain('N3');
    expect(codes(validateData(feeCase('本年度收取信息处理费0.02万元。')).diagnostics)).not.toContain('N3');
    expect(codes(validateData(variant((d) => (d.proactive.fees = 3))).diagnostics)).not.toContain('N3');
  });
  it('N3 also fires when 六 is omitted', () => {
    expect(codes(validateData(feeCase(undefined)).diagnostics)).toEqual(expect.arrayContaining(['N3', 'N6']));
  });
});

describe('N4: the reporting year', () => {
  it('passes the year of the report', () => {
    const r = validateData(
      variant((d) => {
        d.preamble = '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。';
        d.overviewIntro = '2021年，我局按照《关于做好2021年政府信息公开工作年度报告的通知》要求……2019年以来持续推进。';
        d.signature = { date: '2022-01-20' };
      }),
    );
    expect(codes(r.diagnostics)).not.toContain('N4');
  });
  it('warns about an old statistics period, naming it', () => {
    const r = validateData(variant((d) => (d.preamble = '本报告中所列数据的统计期限自2020年1月1日至2020年12月31日。')));
    const n4 = withCode(r.diagnostics, 'N4');
    expect(n4).toHaveLength(1);
    expect(n4[0].path).toBe('preamble');
    expect(n4[0].message).toContain('统计期限“2020年1月1日至2020年12月31日”中的2020年与报告年度2021年不符');
  });
  it('warns about an old report name, a sentence opening with another year, and every match', () => {
    const r = validateData(
      variant((d) => {
        d.title = '平罗县科学技术局2020年政府信息公开工作年度报告';
        d.overview[0].body = '2020年，我局共制发公文30件。2019年，我局……';
      }),
    );
    const n4 = withCode(r.diagnostics, 'N4');
    expect(n4.map((d) => d.path)).toEqual(['title', 'overview[0].body', 'overview[0].body']);
    expect(n4.every((d) => d.severity === 'warning')).toBe(true);
  });
  it('warns about a 落款 date outside the following year', () => {
    expect(codes(validateData(variant((d) => (d.signature = { date: '2021-01-20' }))).diagnostics)).toContain('N4');
  });
  it('does not look at sections 五 and 六', () => {
    const r = validateData(variant((d) => (d.problems = `${d.problems}\n\n2020年，我局曾……`)));
    expect(codes(r.diagnostics)).not.toContain('N4');
  });
});

describe('N5: section 五 is substantive', () => {
  it('passes the example', () => {
    expect(codes(validateData(example()).diagnostics)).not.toContain('N5');
  });
  it.each([[undefined], [null], [''], ['  \n'], ['无'], ['无。'], ['暂无。'], ['没有']])('is an error for %p', (problems) => {
    const r = validateData(variant((d) => {
      if (problems === undefined) delete d.problems;
      else d.problems = problems;
    }));
    const n5 = withCode(r.diagnostics, 'N5');
    expect(n5).toHaveLength(1);
    expect(n5[0].severity).toBe('error');
    expect(n5[0].message).toContain('五、存在的主要问题及改进情况');
  });
});

describe('N6: omitted narrative sections', () => {
  it('passes the example', () => {
    expect(codes(validateData(example()).diagnostics)).not.toContain('N6');
  });
  it('warns when section 一 has no text at all', () => {
    const r = validateData(variant((d) => {
      delete d.overview;
      delete d.overviewIntro;
    }));
    expect(withCode(r.diagnostics, 'N6').map((d) => d.path)).toEqual(['overview']);
  });
  it('warns for an overview item without body, naming its heading', () => {
    const n6 = withCode(validateData(variant((d) => delete d.overview[2].body)).diagnostics, 'N6');
    expect(n6).toHaveLength(1);
    expect(n6[0].message).toContain('（三）政府信息管理');
  });
  it('warns when section 六 is omitted or empty', () => {
    for (const v of [undefined, '', null]) {
      const r = validateData(variant((d) => {
        if (v === undefined) delete d.otherMatters;
        else d.otherMatters = v;
      }));
      expect(withCode(r.diagnostics, 'N6').map((d) => d.path)).toEqual(['otherMatters']);
      expect(codes(r.diagnostics)).not.toContain('N2');
    }
  });
});

describe('P1: placeholders', () => {
  it('passes known English and Chinese names', () => {
    const r = validateData(variant((d) => {
      d.overview[1].body = '共收到申请{{applications.newlyReceived.total}}件、{{ 表三.本年新收.总计 }}件，复议{{表四.行政复议.总计}}件，{{year}}年。';
    }));
    expect(codes(r.diagnostics)).not.toContain('P1');
  });
  it('reports an unknown name once, with the closest name', () => {
    const r = validateData(variant((d) => {
      d.overview[1].body = '共收到申请{{applications.newlyRecieved.total}}件，{{applications.newlyRecieved.total}}件。';
      d.problems = `${d.problems}{{foo}}`;
    }));
    const p1 = withCode(r.diagnostics, 'P1');
    expect(p1).toHaveLength(2);
    expect(p1[0].severity).toBe('error');
    expect(p1[0].message).toContain('“{{applications.newlyRecieved.total}}”不存在，是不是“{{applications.newlyReceived.total}}”');
    expect(p1[1].path).toBe('problems');
    expect(p1[1].message).toContain('{{foo}}');
  });
});

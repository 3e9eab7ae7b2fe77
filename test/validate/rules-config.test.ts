import { DEFAULT_RULES, parseRulesConfig } from '../../src/validate/rules-config';
import { validateData, variant, withCode } from './helpers';

describe('a rules file', () => {
  test('sets thresholds, deadlines and severities; a warning may become a hint or an error', () => {
    const { config, problems } = parseRulesConfig({
      copiedShare: 0.5,
      overviewMaxChars: 1000,
      deadlines: { department: '1-20' },
      severity: { N2: 'warning', X2: 'error', N6: 'hint', C1: 'warning' },
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      copiedShare: 0.5,
      overviewMaxChars: 1000,
      deadlines: { department: '01-20', government: '03-31' },
      severity: { N2: 'warning', X2: 'error', N6: 'hint' },
    });
    expect(parseRulesConfig(undefined).config).toBe(DEFAULT_RULES);
  });

  test('never lowers an error; unknown keys, rules and values are refused, each named', () => {
    const { config, problems } = parseRulesConfig({
      copiedShare: 80,
      overviewMaxChars: -1,
      deadline: {},
      deadlines: { department: '02-30', county: '01-15' },
      severity: { 'T3-R1': 'warning', X9: 'error', N2: 'fatal' },
    });
    expect(config).toBeUndefined();
    expect(problems).toEqual([
      '未知的键“deadline”：可用的键有 copiedShare、overviewMaxChars、deadlines、severity',
      'copiedShare 应为 0 到 1 之间的比例（如 0.8），而不是 80',
      'overviewMaxChars 应为正整数（字数，如 1000），而不是 -1',
      'deadlines.department 应为次年的月-日，如 01-31，而不是 "02-30"',
      'deadlines 中未知的键“county”：只能是 department 或 government',
      'severity.T3-R1：T3-R1 是错误，不能降低级别（勾稽关系等错误是国家格式的要求，必须改正）',
      'severity 中没有“X9”这条规则（xxgk rules 列出全部规则）',
      'severity.N2 只能是 error、warning 或 hint，而不是 "fatal"',
    ]);
  });

  test('validation uses it: N7 only when set, a local deadline, raised severities (a raised warning can no longer be acknowledged)', () => {
    const base = variant((d) => (d.published = '2022-01-25'));
    expect(withCode(validateData(base).diagnostics, 'N7')).toEqual([]);
    expect(withCode(validateData(base).diagnostics, 'D1')).toEqual([]);
    const rules = parseRulesConfig({ overviewMaxChars: 500, deadlines: { department: '01-20' }, severity: { N2: 'error', D1: 'error' } }).config!;
    const r = validateData(base, { rules });
    expect(withCode(r.diagnostics, 'N7').map((d) => d.message)).toEqual([expect.stringMatching(/^一、总体情况共 \d+ 字，超过规则文件规定的 500 字/)]);
    expect(withCode(r.diagnostics, 'D1').map((d) => [d.severity, d.message])).toEqual([
      ['error', '发布日期 2022-01-25 晚于政府部门的发布期限 2022-01-20（规则文件的规定；按机关名称视为政府部门，不对请填写 level）'],
    ]);
    expect(withCode(r.diagnostics, 'N2').map((d) => d.severity)).toEqual(['error']);
    const acked = validateData(variant((d) => (d.acknowledged = [{ code: 'N2', reason: '原文如此' }])), { rules });
    expect(withCode(acked.diagnostics, 'N2')[0].acknowledged).toBeUndefined();
    expect(withCode(acked.diagnostics, 'ACK1')[0].message).toMatch(/对应的是错误而不是警告/);
  });
});

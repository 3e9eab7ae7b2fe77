import { APPLICATION_ROWS, DECISION_ITEMS, DOCUMENT_ROWS, FORMAT_2021, OUTCOME_GROUPS, REVIEW_LITIGATION_PARTS } from '../../src/catalogue/format-2021';
import { starterReport } from '../../src/init/starter-report';
import { formatDiagnostic, RULES, ruleInfo } from '../../src/validate/rules';
import { errors, EXAMPLE_TEXT, expectCatalogued, lineOf, validateText, warnings, withCode } from './helpers';

afterAll(expectCatalogued);

describe('the example report', () => {
  it('validates with no errors and no warnings, and returns the report', () => {
    const r = validateText(EXAMPLE_TEXT);
    expect(errors(r.diagnostics)).toEqual([]);
    expect(warnings(r.diagnostics)).toEqual([]);
    expect(r.report?.agency).toBe('平罗县科学技术局');
    expect(r.derived?.applications.newlyReceived[6]).toBe(0);
  });

  it('gets only the N2 hint (its section 六 says nothing about 信息处理费)', () => {
    const r = validateText(EXAMPLE_TEXT);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['N2']);
  });

  it('with one more 商业企业 application in 一、本年新收 gives T3-R1 naming 商业企业', () => {
    const text = EXAMPLE_TEXT.replace('newlyReceived:    [0, 0, 0', 'newlyReceived:    [0, 1, 0');
    const r = validateText(text);
    const t = withCode(r.diagnostics, 'T3-R1');
    expect(t).toHaveLength(1);
    expect(t[0].severity).toBe('error');
    expect(t[0].path).toBe('applications.newlyReceived[1]');
    expect(t[0].line).toBe(lineOf(text, 'newlyReceived:'));
    expect(t[0].message).toContain('表三 一、本年新收政府信息公开申请数量 / 商业企业：');
    expect(t[0].message).toContain('一+二=1，（七）总计+四=0');
    expect(r.report).toBeDefined(); // rule errors still return the report
  });

  it('with a misspelt key gives SCHEMA-UNKNOWN-KEY with its line and the right key', () => {
    const text = EXAMPLE_TEXT.replace('newlyReceived:', 'newlyRecieved:');
    const r = validateText(text);
    const u = withCode(r.diagnostics, 'SCHEMA-UNKNOWN-KEY');
    expect(u).toHaveLength(1);
    expect(u[0].path).toBe('applications.newlyRecieved');
    expect(u[0].line).toBe(lineOf(text, 'newlyRecieved:'));
    expect(u[0].message).toContain('“newlyRecieved”');
    expect(u[0].message).toContain('“newlyReceived”（一、本年新收政府信息公开申请数量）');
    expect(r.report).toBeUndefined();
  });
});

describe('the xxgk init starting file', () => {
  it('validates with no errors and no warnings', () => {
    const r = validateText(starterReport('某某县统计局', 2024));
    expect(errors(r.diagnostics)).toEqual([]);
    expect(warnings(r.diagnostics)).toEqual([]);
  });

  it('has every figure cell of the catalogue at 0, the format and the level the name suggests', () => {
    for (const [agency, level] of [['某某县统计局', 'department'], ['某某县人民政府', 'government']] as const) {
      const r = validateText(starterReport(agency, 2024));
      expect(r.report).toMatchObject({ format: FORMAT_2021.format, level });
      for (const f of FORMAT_2021.figures.filter((f) => !f.derived)) {
        const value = f.path.split(/\.|\[|\]/).filter(Boolean).reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], r.report);
        expect([f.path, f.kind === 'amount' ? Number(value) : value]).toEqual([f.path, 0]);
      }
    }
  });

  it('names every row and group of the catalogue in a comment', () => {
    const text = starterReport('某某县统计局', 2024);
    const labels = [
      ...APPLICATION_ROWS.filter((r) => r.key !== 'total').map((r) => r.label),
      ...OUTCOME_GROUPS.map(([, label]) => label),
      ...DOCUMENT_ROWS.map((r) => r.label),
      ...DECISION_ITEMS.flatMap((i) => i.rows.map((r) => `${i.item} ${r.label}：${i.column}`)),
      ...REVIEW_LITIGATION_PARTS.map((p) => p.label),
    ];
    for (const label of labels) expect(text).toContain(`# ${label}`);
  });
});

describe('rule catalogue and text form', () => {
  it('has unique codes, a severity and a Chinese description for each', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect(['error', 'warning', 'hint']).toContain(r.severity);
      expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const c of ['T2-R1', 'T3-R1', 'T3-R2', 'T3-R3', 'T3-R4', 'T4-R1', 'T4-R2', 'T4-R3', 'T4-R4', 'X1', 'X2', 'N1', 'N2']) {
      expect(ruleInfo(c)).toBeDefined();
    }
    expect(ruleInfo('X2')!.severity).toBe('warning');
    expect(ruleInfo('N2')!.severity).toBe('hint');
  });

  it('formats file:line: code message', () => {
    expect(formatDiagnostic('a.yaml', { severity: 'error', code: 'T3-R1', path: 'x', line: 12, message: '表三…' })).toBe(
      'a.yaml:12: T3-R1 错误：表三…',
    );
    expect(formatDiagnostic('a.yaml', { severity: 'hint', code: 'N2', path: '', message: 'm' })).toBe('a.yaml: N2 提示：m');
    expect(
      formatDiagnostic('a.yaml', { severity: 'warning', code: 'X2', path: '', line: 3, message: 'm', acknowledged: { reason: '清理' } }),
    ).toBe('a.yaml:3: X2 已确认的警告：m（已确认：清理）');
  });
});

import { countDiagnostics } from '../../src/validate/diagnostic';
import { EXAMPLE_TEXT, expectCatalogued, validateData, validateText, variant, withCode } from './helpers';

afterAll(expectCatalogued);

const now = (acknowledged?: unknown[]) =>
  variant((d) => {
    d.proactive.normativeDocuments = { issued: 0, repealed: 87, inForce: 13 };
    if (acknowledged) d.acknowledged = acknowledged;
  });
const prev = { data: variant((d) => {
  d.year = 2020;
  // its own text, so that only X2 is in play (no C1)
  Object.assign(d, { overviewIntro: '上一年度的总述。', overview: [], problems: '上一年度的问题和措施。' });
  d.proactive.normativeDocuments = { issued: 3, repealed: 0, inForce: 120 };
}) };

describe('acknowledged warnings', () => {
  it('an unacknowledged X2 counts as a warning', () => {
    const r = validateData(now(), { previous: prev });
    const x2 = withCode(r.diagnostics, 'X2');
    expect(x2).toHaveLength(1);
    expect(x2[0].acknowledged).toBeUndefined();
    expect(countDiagnostics(r.diagnostics).warnings).toBe(1);
  });

  it('an acknowledged X2 stays in the list, marked with the reason, and no longer counts', () => {
    const r = validateData(now([{ code: 'X2', path: 'proactive.normativeDocuments', reason: '2023年集中清理，失效87件' }]), { previous: prev });
    const x2 = withCode(r.diagnostics, 'X2');
    expect(x2).toHaveLength(1);
    expect(x2[0].acknowledged).toEqual({ reason: '2023年集中清理，失效87件' });
    const c = countDiagnostics(r.diagnostics);
    expect(c).toMatchObject({ errors: 0, warnings: 0, acknowledged: 1 });
    expect(r.report).toBeDefined();
  });

  it('an acknowledgement without path covers every warning of its code', () => {
    const r = validateData(now([{ code: 'X2', reason: '集中清理' }]), { previous: prev });
    expect(withCode(r.diagnostics, 'X2')[0].acknowledged).toEqual({ reason: '集中清理' });
  });

  it('an acknowledgement for another path does not match; it becomes an ACK1 hint', () => {
    const r = validateData(now([{ code: 'X2', path: 'proactive.rules', reason: '清理' }]), { previous: prev });
    expect(withCode(r.diagnostics, 'X2')[0].acknowledged).toBeUndefined();
    const ack = withCode(r.diagnostics, 'ACK1');
    expect(ack).toHaveLength(1);
    expect(ack[0].severity).toBe('hint');
    expect(ack[0].path).toBe('acknowledged[0]');
  });

  it('an acknowledgement that matches nothing is an ACK1 hint with its line', () => {
    const text = `${EXAMPLE_TEXT}\nacknowledged:\n  - { code: N1, reason: 已核实 }\n`;
    const r = validateText(text);
    const ack = withCode(r.diagnostics, 'ACK1');
    expect(ack).toHaveLength(1);
    expect(ack[0].line).toBe(text.split('\n').findIndex((l) => l.includes('code: N1')) + 1);
    expect(ack[0].message).toContain('没有对应的警告');
  });

  it('errors cannot be acknowledged', () => {
    const r = validateData(variant((d) => {
      d.applications.granted = [1, 0, 0, 0, 0, 0];
      d.acknowledged = [{ code: 'T3-R1', reason: '不改' }];
    }));
    expect(withCode(r.diagnostics, 'T3-R1').every((d) => d.acknowledged === undefined)).toBe(true);
    expect(withCode(r.diagnostics, 'ACK1')[0].message).toContain('错误不能确认');
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

describe('xxgk validate', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const example = readFileSync(EXAMPLE, 'utf8');

  it('accepts the example with exit 0', () => {
    const r = xxgk(['validate', EXAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('通过');
  });

  it('names 商业企业 and T3-R1 when one more application is received, in text and JSON', () => {
    const file = join(tmp.dir, 'plus-one.yaml');
    const changed = example.replace(/newlyReceived:\s+\[0, 0,/, 'newlyReceived:    [0, 1,');
    expect(changed).not.toBe(example);
    writeFileSync(file, changed);
    const text = xxgk(['validate', file]);
    expect(text.status).toBe(1);
    const line = text.stdout.split('\n').find((l) => l.includes('T3-R1'));
    expect(line).toBeDefined();
    expect(line).toContain('商业企业');
    expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: T3-R1 `));

    const json = xxgk(['validate', file, '--json']);
    expect(json.status).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.ok).toBe(false);
    const d = doc.files[0].diagnostics.find((x: { code: string }) => x.code === 'T3-R1');
    expect(d.severity).toBe('error');
    expect(d.message).toContain('商业企业');
    expect(d.path).toBe('applications.newlyReceived[1]');
    expect(typeof d.line).toBe('number');
  });

  it('rejects a misspelt key with its line', () => {
    const file = join(tmp.dir, 'typo.yaml');
    writeFileSync(file, example.replace('carriedForward:', 'carriedFoward:'));
    const r = xxgk(['validate', file]);
    expect(r.status).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('SCHEMA-UNKNOWN-KEY'));
    expect(line).toContain('carriedFoward');
    expect(line).toContain('carriedForward');
  });

  it('exits 2 for a missing file or an unknown flag, without a stack trace', () => {
    const missing = xxgk(['validate', join(tmp.dir, 'nope.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('不存在');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const flag = xxgk(['validate', EXAMPLE, '--frobnicate']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([['render'], ['preview'], ['validate'], ['batch', '-o', 'x']])(
    'exits 2 with a plain Chinese usage message when %s is given no data file, and runs nothing',
    (...args) => {
      const r = xxgk(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('缺少数据文件');
      expect(r.stderr).not.toMatch(/undefined|non-option|\n\s+at /);
    },
  );

  it('suggests the nearest command for a misspelt one', () => {
    const r = xxgk(['rendr', EXAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('是不是要用 xxgk render');
  });

  it('checks against last year with --previous (X1)', () => {
    const prev = join(tmp.dir, 'prev.yaml');
    writeFileSync(prev, example.replace('year: 2021', 'year: 2020').replace(/carriedForward:\s+\[0,/, 'carriedForward:   [2,'));
    const r = xxgk(['validate', EXAMPLE, '--previous', prev, '--json']);
    expect(r.status).toBe(1);
    const codes = JSON.parse(r.stdout).files[0].diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toContain('X1');
  });
});

describe('xxgk init', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it('writes a complete file that validates with no error or warning', () => {
    const file = join(tmp.dir, 'x.yaml');
    const r = xxgk(['init', file, '--agency', '某某县统计局', '--year', '2024']);
    expect(r.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('agency: "某某县统计局"');
    expect(text).toContain('year: 2024');
    for (const key of ['proactive:', 'applications:', 'reviewLitigation:', 'problems:', 'otherMatters:', 'overdueFee:']) expect(text).toContain(key);
    const v = xxgk(['validate', file, '--json']);
    expect(v.status).toBe(0);
    const f = JSON.parse(v.stdout).files[0];
    expect(f.errors).toBe(0);
    expect(f.warnings).toBe(0);
  });

  it('refuses to overwrite without --force', () => {
    const file = join(tmp.dir, 'y.yaml');
    expect(xxgk(['init', file]).status).toBe(0);
    const again = xxgk(['init', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});

describe('xxgk schema and rules', () => {
  it('prints a JSON Schema with Chinese titles', () => {
    const r = xxgk(['schema']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.agency.title).toBe('机关名称');
    expect(s.properties.applications.properties.newlyReceived.title).toBe('一、本年新收政府信息公开申请数量');
  });

  it('prints the schema of a format with --format, with the contract 1.1 fields; an unknown format is a usage error naming those that exist', () => {
    const r = xxgk(['schema', '--format', '2021']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.properties.level.enum).toEqual(['department', 'government']);
    expect(s.properties.published.format).toBe('date');
    expect(s.properties.proactive.properties.rules.properties.issued.anyOf).toContainEqual({ const: '/', type: 'string' });
    const bad = xxgk(['schema', '--format', '2019']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('没有 2019 这种报告格式：2019年的试行格式（国办公开办函〔2019〕60号）已于2021年停用。现有的格式：2021（国办公开办函〔2021〕30号）');
    expect(bad.stdout).toBe('');
  });

  it('lists every rule, also as JSON', () => {
    const r = xxgk(['rules', '--json']);
    expect(r.status).toBe(0);
    const codes = JSON.parse(r.stdout).map((x: { code: string }) => x.code);
    for (const c of ['T2-R1', 'T3-R1', 'T3-R2', 'T3-R3', 'T3-R4', 'T4-R1', 'T4-R2', 'T4-R3', 'T4-R4', 'X1', 'X2', 'N1', 'N2', 'F-MISSING']) expect(codes).toContain(c);
  });
});

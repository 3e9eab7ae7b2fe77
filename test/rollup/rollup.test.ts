import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { OUTCOME_ROWS, REVIEW_LITIGATION_PARTS, OUTCOME_COLUMNS } from '../../src/catalogue/format-2021';
import { sumDecimals } from '../../src/rollup/decimal-sum';
import { sameFigure, SUMMED_FIGURES, sumFigure } from '../../src/rollup/summed-figures';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { generatedReport, seeded } from '../support/county-reports';
import { tempDir, xxgk } from '../support/cli';
import { toYaml } from '../reliability/support';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('decimal sums and “/”', () => {
  it('sums amounts exactly, never in floating point', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals([0.1, 0.2])).toBe('0.3');
    expect(sumDecimals(['12.5', '0.35', 7, '0'])).toBe('19.85');
    expect(sumDecimals(['123456789012345678.9', '0.1'])).toBe('123456789012345679.0');
    expect(sumDecimals([1e-7, '1'])).toBe('1.0000001');
    expect(() => sumDecimals(['1,5'])).toThrow();
  });

  it('skips “/” cells; a cell where every child has “/” stays “/”', () => {
    const licensing = SUMMED_FIGURES.find((f) => f.path === 'proactive.licensing')!;
    const fees = SUMMED_FIGURES.find((f) => f.path === 'proactive.fees')!;
    expect(sumFigure(licensing, ['/', 3, '/', 4])).toBe(7);
    expect(sumFigure(licensing, ['/', '/'])).toBe('/');
    expect(sumFigure(fees, ['/', '0.10', '0.2'])).toBe('0.30');
    expect(sameFigure(fees, '1.5', '1.50')).toBe(true);
    expect(sameFigure(fees, '1.5', '1.05')).toBe(false);
    expect(sameFigure(licensing, '/', 0)).toBe(false);
  });

  it('sums exactly the cells units enter: 表二 8 rows of figures, 表三 24 rows × 6, 表四 3 × 4 (never a 总计)', () => {
    expect(SUMMED_FIGURES.filter((f) => f.path.startsWith('proactive.'))).toHaveLength(10);
    expect(SUMMED_FIGURES.filter((f) => f.path.startsWith('applications.'))).toHaveLength(24 * 6);
    expect(SUMMED_FIGURES.filter((f) => f.path.startsWith('reviewLitigation.'))).toHaveLength(12);
    expect(SUMMED_FIGURES.some((f) => f.path.startsWith('applications.total') || /\[6\]$/.test(f.path) || f.path.endsWith('.total'))).toBe(false);
  });
});

describe('xxgk rollup', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const rand = seeded(20261207);
  const kids = Array.from({ length: 12 }, (_, i) => generatedReport(rand, `某某县第${i + 1}局`, 2026));
  // Every child has “/” for 规章 本年制发: the sum stays “/”.
  for (const k of kids) k.proactive.rules.issued = '/';
  kids[0].proactive.fees = '0.1';
  kids[1].proactive.fees = '0.2';
  const dir = join(tmp.dir, 'kids');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  kids.forEach((k, i) => writeFileSync(join(dir, i < 6 ? '' : 'sub', `k${i}.yaml`), toYaml(k)));
  // A child with a data error (T3-R1), a file that is not a report, and a stray text file.
  const broken = generatedReport(rand, '某某县错误局', 2026);
  broken.applications.newlyReceived[0] += 1;
  writeFileSync(join(dir, 'broken.yaml'), toYaml(broken));
  writeFileSync(join(dir, 'manifest.yaml'), '- parent: 县.yaml\n  children: [k0.yaml]\n');
  writeFileSync(join(dir, 'notes.txt'), '备忘');

  /** The children's sums computed here from the data, independently of the catalogue. */
  function expectSums(out: Data) {
    const sum = (get: (k: Data) => unknown) => {
      const vs = kids.map(get).filter((v) => v !== '/');
      return vs.length === 0 ? '/' : vs.reduce((s: number, v) => s + Number(v), 0);
    };
    for (const row of ['rules', 'normativeDocuments']) for (const col of ['issued', 'repealed', 'inForce']) expect(out.proactive[row][col]).toEqual(sum((k) => k.proactive[row][col]));
    for (const key of ['licensing', 'penalty', 'coercion']) expect(out.proactive[key]).toEqual(sum((k) => k.proactive[key]));
    const cents = kids.map((k) => k.proactive.fees).filter((f) => f !== '/').reduce((s, f) => s + BigInt(Math.round(Number(f) * 100)), 0n);
    expect(Number(out.proactive.fees)).toBeCloseTo(Number(cents) / 100, 9);
    expect(out.proactive.fees).toMatch(/^\d+\.\d\d$/);
    expect(out.proactive.rules.issued).toBe('/');
    const at = (d: Data, key: string) => key.split('.').reduce((n, p) => n[p], d.applications);
    for (const key of ['newlyReceived', 'carriedOver', 'carriedForward', ...OUTCOME_ROWS.map((r) => r.key)]) {
      expect(at(out, key)).toEqual([0, 1, 2, 3, 4, 5].map((i) => kids.reduce((s, k) => s + at(k, key)[i], 0)));
    }
    for (const part of REVIEW_LITIGATION_PARTS) for (const c of OUTCOME_COLUMNS) expect(out.reviewLitigation[part.key][c.key]).toBe(kids.reduce((s, k) => s + k.reviewLitigation[part.key][c.key], 0));
  }

  it('writes the sums of every 表二 count and amount, 表三 row and column and 表四 cell; leaves out and lists the child with errors; narrative empty', () => {
    const out = join(tmp.dir, '县.yaml');
    const r = xxgk(['rollup', dir, '-o', out, '--agency', '某某县人民政府', '--year', '2026']);
    expect(r.stdout).toContain('汇总了 12 份下级报告；1 份有数据错误，未计入');
    expect(r.stderr).toMatch(/broken\.yaml: 未计入（数据有 1 个错误（如 T3-R1/);
    expect(r.stderr).toContain('manifest.yaml: 不是报告数据，未计入');
    expect(r.status).toBe(1);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('#   某某县第12局（');
    expect(text).toContain('# 有数据错误、未计入的报告：');
    const data = parse(text) as Data;
    expect([data.agency, data.year, data.level]).toEqual(['某某县人民政府', 2026, 'government']);
    expectSums(data);
    expect(data.problems).toBeUndefined();
    expect(data.overview).toBeUndefined();
    // The tables are right, and only the narrative is asked for.
    const v = JSON.parse(xxgk(['validate', out, '--json']).stdout);
    const codes = JSON.stringify(v);
    expect(codes).toContain('"N5"');
    expect(codes).not.toMatch(/"T[234]-R\d"/);

    // B1 checks the same cells: the rolled-up parent agrees with its children.
    const manifest = join(tmp.dir, 'm.yaml');
    writeFileSync(manifest, `- parent: 县.yaml\n  children: [${kids.map((_, i) => `kids/${i < 6 ? '' : 'sub/'}k${i}.yaml`).join(', ')}]\n`);
    const b = xxgk(['batch', out, ...kids.map((_, i) => join(dir, i < 6 ? '' : 'sub', `k${i}.yaml`)), '-o', join(tmp.dir, 'b1'), '-j', '1', '-f', 'docx', '--manifest', manifest, '--json']);
    const parent = JSON.parse(b.stdout).results.find((x: { file: string }) => x.file === out);
    expect(parent.diagnostics.filter((d: { code: string }) => d.code === 'B1')).toEqual([]);
    // …and finds a changed 表二 cell, which the old B1 (表三, 表四 only) did not check.
    writeFileSync(out, text.replace(/^  licensing: \d+$/m, '  licensing: 99999'));
    const b2 = xxgk(['batch', out, ...kids.map((_, i) => join(dir, i < 6 ? '' : 'sub', `k${i}.yaml`)), '-o', join(tmp.dir, 'b2'), '-j', '1', '-f', 'docx', '--manifest', manifest, '--json']);
    const parent2 = JSON.parse(b2.stdout).results.find((x: { file: string }) => x.file === out);
    expect(parent2.diagnostics.filter((d: { code: string }) => d.code === 'B1').map((d: { message: string }) => d.message)).toEqual([
      `表二 第二十条第（五）项 行政许可 / 本年处理决定数量：本报告为99999，下级报告合计为${data.proactive.licensing}（12份）`,
    ]);
  });

  it('takes the children from --manifest and writes a workbook for .xlsx', () => {
    const manifest = join(tmp.dir, 'm2.yaml');
    writeFileSync(manifest, `- parent: 县.xlsx\n  children: [${kids.map((_, i) => `kids/${i < 6 ? '' : 'sub/'}k${i}.yaml`).join(', ')}]\n`);
    const out = join(tmp.dir, '县.xlsx');
    const r = xxgk(['rollup', '--manifest', manifest, '-o', out, '--agency', '某某县人民政府']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectSums(readReportWorkbook(readFileSync(out)).data as Data);
  });

  it('refuses duplicate agencies and mixed years, writing nothing (exit 1); usage mistakes exit 2', () => {
    const dup = join(tmp.dir, 'dup');
    mkdirSync(dup);
    writeFileSync(join(dup, 'a.yaml'), toYaml(kids[0]));
    writeFileSync(join(dup, 'b.yaml'), toYaml({ ...kids[1], agency: '某某县 第1局' }));
    let r = xxgk(['rollup', dup, '-o', join(tmp.dir, 'd.yaml'), '--agency', '县']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/b\.yaml 与 .*a\.yaml 是同一个单位（某某县 第1局）的报告.*没有生成/);
    expect(existsSync(join(tmp.dir, 'd.yaml'))).toBe(false);

    const years = join(tmp.dir, 'years');
    mkdirSync(years);
    writeFileSync(join(years, 'a.yaml'), toYaml(kids[0]));
    writeFileSync(join(years, 'b.yaml'), toYaml({ ...kids[1], year: 2025 }));
    r = xxgk(['rollup', years, '-o', join(tmp.dir, 'y.yaml'), '--agency', '县']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('下级报告的年度不一致（2026年：');
    expect(existsSync(join(tmp.dir, 'y.yaml'))).toBe(false);

    r = xxgk(['rollup', join(dup, 'a.yaml'), '-o', join(tmp.dir, 'w.yaml'), '--agency', '县', '--year', '2025']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('下级报告是 2026 年度的，而 --year 是 2025');

    r = xxgk(['rollup', join(tmp.dir, 'none'), '-o', join(tmp.dir, 'n.yaml'), '--agency', '县']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    r = xxgk(['rollup', dup, '-o', join(tmp.dir, '县.yaml'), '--agency', '县']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('已存在；如要覆盖，请加 --force');
  });
});

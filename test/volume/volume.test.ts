import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generatedReport, seeded } from '../support/county-reports';
import { spawnSync } from 'node:child_process';
import { ROOT, tempDir, xxgk } from '../support/cli';
import { toYaml } from '../reliability/support';

describe('batch --combined', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const inputs = join(tmp.dir, 'in');
  mkdirSync(inputs);
  const rand = seeded(42);
  for (let i = 0; i < 3; i++) writeFileSync(join(inputs, `u${i}.yaml`), toYaml(generatedReport(rand, `某某县第${i + 1}局`, 2026)));

  it('gives the same bytes for the same input, in input order without a roster, with the default cover title', () => {
    const a = xxgk(['batch', inputs, '-o', join(tmp.dir, 'a'), '-j', '1', '-f', 'docx', '--no-system-fonts', '--combined', join(tmp.dir, 'a.pdf'), '--json']);
    const b = xxgk(['batch', inputs, '-o', join(tmp.dir, 'b'), '-j', '1', '-f', 'docx', '--no-system-fonts', '--combined', join(tmp.dir, 'b.pdf')]);
    expect(a.status).toBe(0);
    expect(readFileSync(join(tmp.dir, 'a.pdf')).equals(readFileSync(join(tmp.dir, 'b.pdf')))).toBe(true);
    const combined = JSON.parse(a.stdout).combined;
    expect(combined.units.map((u: { agency: string }) => u.agency)).toEqual(['某某县第1局', '某某县第2局', '某某县第3局']);
    expect(combined.units[0].firstPage).toBe(1);
    expect(b.stdout).toMatch(/^汇编 .*b\.pdf：3 份报告，共 \d+ 页$/m);
    const pdf = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'test', 'support', 'pdf-volume.mjs'), join(tmp.dir, 'a.pdf')], { encoding: 'utf8' }).stdout);
    expect(pdf.pages[0].text.replace(/\s+/g, '')).toBe('政府信息公开工作年度报告汇编（2026年度）');
    expect(pdf.outline.map((o: { title: string }) => o.title)).toEqual(['某某县第1局', '某某县第2局', '某某县第3局']);
    const qpdf = spawnSync('qpdf', ['--check', join(tmp.dir, 'a.pdf')], { encoding: 'utf8' });
    if (qpdf.error) console.warn('qpdf 未安装，跳过 qpdf --check');
    else expect(qpdf.status).toBe(0);
  });

  it('warns about a character of the cover that no font has, naming the volume', () => {
    const r = xxgk(['batch', inputs, '-o', join(tmp.dir, 'e'), '-j', '1', '-f', 'docx', '--no-system-fonts', '--combined', join(tmp.dir, 'e.pdf'), '--issuer', '某某县\uE000办公室']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${join(tmp.dir, 'e.pdf')}: 警告 F-MISSING：字符“\uE000”（U+E000）`);
  });

  it('refuses --issuer without --combined and a volume that is not .pdf (exit 2), and writes none when no report is 完成', () => {
    let r = xxgk(['batch', inputs, '-o', join(tmp.dir, 'c'), '--issuer', '办公室']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('xxgk: --cover-title 和 --issuer 只与 --combined 同用\n');
    r = xxgk(['batch', inputs, '-o', join(tmp.dir, 'c'), '--combined', join(tmp.dir, 'v.docx')]);
    expect(r.status).toBe(2);
    const bad = join(tmp.dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'x.yaml'), 'agency: [\n');
    r = xxgk(['batch', bad, '-o', join(tmp.dir, 'd'), '-j', '1', '--combined', join(tmp.dir, 'none.pdf')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未能生成：没有可以编入汇编的报告');
    expect(existsSync(join(tmp.dir, 'none.pdf'))).toBe(false);
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { encodeGbk } from '../support/gbk';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

const example = readFileSync(EXAMPLE, 'utf8');
const reportOf = (agency: string) => example.replace(/^agency: .*$/m, `agency: ${agency}`);

describe('xxgk init --roster and batch --roster', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const roster = join(tmp.dir, '名单.csv');
  writeFileSync(roster, encodeGbk('单位,级别,排序\r\n某某县人民政府,人民政府,1\r\n某某县教育局,,2\r\n某某县卫健委（疾控局）,政府部门,3\r\n某某县财政局,,4\r\n某某县档案馆,政府部门,5\r\n'));

  it('writes one pre-filled workbook per unit, named after it, with agency, year and level', () => {
    const out = join(tmp.dir, 'forms');
    const r = xxgk(['init', '--roster', roster, '-o', out, '--year', '2026']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('生成 5 个Excel 工作簿');
    expect(readdirSync(out).sort()).toEqual(['某某县人民政府.xlsx', '某某县卫健委（疾控局）.xlsx', '某某县教育局.xlsx', '某某县档案馆.xlsx', '某某县财政局.xlsx'].sort());
    const gov = readReportWorkbook(readFileSync(join(out, '某某县人民政府.xlsx'))).data as Record<string, unknown>;
    expect([gov.agency, gov.year, gov.level]).toEqual(['某某县人民政府', 2026, 'government']);
    const archive = readReportWorkbook(readFileSync(join(out, '某某县档案馆.xlsx'))).data as Record<string, unknown>;
    expect([archive.agency, archive.year, archive.level]).toEqual(['某某县档案馆', 2026, 'department']);
    // The forms validate as they are, apart from narrative still to write: they are real reports.
    const v = xxgk(['validate', join(out, '某某县教育局.xlsx'), '--json']);
    expect(JSON.parse(v.stdout).files?.[0]?.errors ?? JSON.parse(v.stdout).errors ?? 0).toBe(0);

    // Again: nothing is overwritten, nothing written, exit 2.
    writeFileSync(join(out, '某某县财政局.xlsx'), 'mine');
    const again = xxgk(['init', '--roster', roster, '-o', out, '--year', '2026']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/5 个文件已存在.*没有生成任何文件.*--force/);
    expect(readFileSync(join(out, '某某县财政局.xlsx'), 'utf8')).toBe('mine');
  });

  it('writes YAML forms with --yaml, and refuses -o without --roster', () => {
    const out = join(tmp.dir, 'yaml-forms');
    expect(xxgk(['init', '--roster', roster, '-o', out, '--year', '2026', '--yaml']).status).toBe(0);
    const text = readFileSync(join(out, '某某县人民政府.yaml'), 'utf8');
    expect(text).toMatch(/^agency: "某某县人民政府"/m);
    expect(text).toMatch(/^year: 2026/m);
    expect(text).toMatch(/^level: government/m);
    const bad = xxgk(['init', '-o', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('-o 只与 --roster 同用');
  });

  it('lists 未报送 units and 名单外 reports (with near names) in the console, summary.json, summary.csv and index.html; the exit code stays the reports’ own', () => {
    const inputs = join(tmp.dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a.yaml'), reportOf('某某县人民政府'));
    writeFileSync(join(inputs, 'b.yaml'), reportOf('某某县卫健委(疾控局)')); // half-width brackets: matches
    writeFileSync(join(inputs, 'c.yaml'), reportOf('某某县教体局')); // a near miss: suggested, not matched
    writeFileSync(join(inputs, 'd.yaml'), reportOf('外县公安局')); // outside, nothing near
    const out = join(tmp.dir, 'out');
    const r = xxgk(['batch', inputs, '-o', out, '-j', '1', '--no-system-fonts', '-f', 'pdf,html', '--roster', roster]);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe(`共 4 份报告：完成 4，有错误 0，已拒绝 0，失败 0；已跳过 0 个文件；名单 5 个单位：未报送 3，名单外 2 份；汇总见 ${join(out, 'summary.csv')}`);
    expect(r.stderr).toContain('c.yaml: 名单外（某某县教体局 不在应报单位名单中；名单中相近的单位：某某县教育局');
    expect(r.stderr).toContain('d.yaml: 名单外（外县公安局 不在应报单位名单中）');
    expect(r.stderr).toContain('未报送 3 个单位：某某县教育局、某某县财政局、某某县档案馆');

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([summary.reports, summary.ok, summary.missing]).toEqual([4, 4, 3]);
    expect(summary.roster).toEqual({ file: roster, units: 5, outside: 2 });
    // Roster order: each unit's report or its 未报送 row, then the reports outside the roster.
    expect(summary.results.map((x: { status: string; agency: string; outside?: boolean }) => `${x.status}:${x.agency}${x.outside ? ':outside' : ''}`)).toEqual([
      'ok:某某县人民政府',
      'missing:某某县教育局',
      'ok:某某县卫健委(疾控局)',
      'missing:某某县财政局',
      'missing:某某县档案馆',
      'ok:某某县教体局:outside',
      'ok:外县公安局:outside',
    ]);
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(csv.split('\r\n')[0].split(',').pop()).toBe('名单');
    expect(csv).toContain(',某某县教育局,,未报送,0,0,0,,,,,某某县教育局\r\n');
    expect(csv).toContain('名单外（名单中相近的单位：某某县教育局');
    expect(csv).toMatch(/b\.yaml,某某县卫健委\(疾控局\),[^]*?,某某县卫健委（疾控局）\r\n/);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<p>未报送（3个单位）：某某县教育局、某某县财政局、某某县档案馆</p>');
  });

  it('matches a broken report by its file name (the form’s name) so its unit is not also 未报送', () => {
    const inputs = join(tmp.dir, 'in2');
    mkdirSync(inputs);
    writeFileSync(join(inputs, '某某县教育局.yaml'), 'agency: [没有闭合\n');
    const out = join(tmp.dir, 'out2');
    const r = xxgk(['batch', inputs, '-o', out, '-j', '1', '--no-system-fonts', '--roster', roster, '--json']);
    expect(r.status).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.missing).toBe(4);
    expect(summary.results[1]).toMatchObject({ status: 'failed', rosterName: '某某县教育局' });
  });

  it('gives a usage error naming the roster row for a bad roster', () => {
    const bad = join(tmp.dir, 'bad.csv');
    writeFileSync(bad, '单位,级别\n甲局,乡镇\n');
    const r = xxgk(['batch', tmp.dir, '-o', join(tmp.dir, 'out3'), '--roster', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('xxgk: bad.csv 第2行：级别“乡镇”应为“政府部门”或“人民政府”\n');
    expect(existsSync(join(tmp.dir, 'out3', 'summary.json'))).toBe(false);
  });
});

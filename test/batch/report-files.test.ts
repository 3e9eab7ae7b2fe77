import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { whyNotAReport } from '../../src/batch/report-file';
import { ReportSchema } from '../../src/model/schema';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

const example = readFileSync(EXAMPLE, 'utf8');

interface Row {
  file: string;
  status: string;
  diagnostics: { severity: string; code: string; message: string }[];
}

describe('batch reads only report files', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("skips and lists our own outputs, a schema and a manifest, drops lock files silently, never reads the output folder, and fails a report with a typo'd key", () => {
    // An earlier batch's outputs, to be found again in the input folder.
    const earlierIn = join(tmp.dir, 'earlier-in');
    mkdirSync(earlierIn);
    writeFileSync(join(earlierIn, 'x.yaml'), example);
    const earlierOut = join(tmp.dir, 'earlier-out');
    expect(xxgk(['batch', earlierIn, '-o', earlierOut, '-j', '1', '-f', 'html', '--no-system-fonts']).status).toBe(0);

    const dir = join(tmp.dir, 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.yaml'), example);
    writeFileSync(join(dir, 'typo.yaml'), example.replace(/^agency:/m, 'agnecy:'));
    cpSync(join(earlierOut, 'summary.json'), join(dir, 'summary.json'));
    cpSync(join(earlierOut, 'index.html'), join(dir, 'index.html'));
    writeFileSync(join(dir, 'report.schema.json'), xxgk(['schema']).stdout);
    writeFileSync(join(dir, 'manifest.yaml'), '- parent: good.yaml\n  children: [typo.yaml]\n');
    writeFileSync(join(dir, '~$报告.yaml'), 'agency: [');
    writeFileSync(join(dir, '.~lock.报告.xlsx#'), ',user,host,01.01.2024 10:00,file:///x;');
    // The output folder inside the input folder, holding a report that must not be read.
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'stray.yaml'), example);

    // The folder, and files named one by one as a shell glob (dir/*) would name them.
    const named = ['index.html', '~$报告.xlsx', '.~lock.报告.xlsx#'].map((f) => join(dir, f));
    writeFileSync(named[1], 'PK');
    const r = xxgk(['batch', dir, ...named, '-o', out, '-j', '2', '-f', 'docx', '--no-system-fonts']);
    expect(r.status).toBe(1);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const rows: Row[] = summary.results;
    const statusOf = Object.fromEntries(rows.map((x) => [x.file.slice(dir.length + 1), x.status]));
    expect(statusOf).toEqual({
      'good.yaml': 'ok',
      'manifest.yaml': 'skipped',
      'report.schema.json': 'skipped',
      'summary.json': 'skipped',
      'typo.yaml': 'failed',
      'index.html': 'skipped',
    });
    expect([summary.reports, summary.ok, summary.failed, summary.skipped]).toEqual([2, 1, 1, 4]);
    for (const x of rows.filter((y) => y.status === 'skipped')) expect(x.diagnostics).toEqual([expect.objectContaining({ severity: 'hint', code: 'SKIP' })]);
    const typo = rows.find((x) => x.file.endsWith('typo.yaml'))!;
    expect(typo.diagnostics.map((d) => d.code)).toContain('SCHEMA-UNKNOWN-KEY');
    expect(typo.diagnostics.find((d) => d.code === 'SCHEMA-UNKNOWN-KEY')!.message).toContain('agnecy');
    expect(rows.find((x) => x.file.endsWith('report.schema.json'))!.diagnostics[0].message).toContain('JSON Schema');

    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(csv).toMatch(/summary\.json,,,已跳过,0,0,0,提示 SKIP：/);
    expect(csv).not.toContain('~$');
    expect(csv).not.toContain('.~lock');
    expect(csv).not.toContain('stray');
    expect(r.stderr).toContain(`${join(dir, 'summary.json')}: 已跳过（`);
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^共 2 份报告：完成 1，有错误 0，已拒绝 0，失败 1；已跳过 4 个文件；/);
  });

  it('exits 0 when every report is 完成 and the rest were skipped', () => {
    const dir = join(tmp.dir, 'clean-in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.yaml'), example);
    writeFileSync(join(dir, 'notes.json'), '{"备注": "各单位材料已收齐"}');
    const r = xxgk(['batch', dir, '-o', join(tmp.dir, 'clean-out'), '-j', '1', '-f', 'docx', '--no-system-fonts']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('共 1 份报告：完成 1，有错误 0，已拒绝 0，失败 0；已跳过 1 个文件');
  });

  it('refuses the output folder as input with a usage error (exit 2)', () => {
    const dir = join(tmp.dir, 'same');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.yaml'), example);
    const r = xxgk(['batch', dir, '-o', dir, '-f', 'docx', '--no-system-fonts']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`xxgk: ${dir}: 这是输出文件夹（或在输出文件夹中），不能同时作为输入；请另选一个输出文件夹\n`);
  });
});

describe('whyNotAReport', () => {
  it('takes every top-level key of the data contract but $schema as the mark of a report, typos beside it or not', () => {
    for (const key of Object.keys(ReportSchema.properties).filter((k) => k !== '$schema')) expect(whyNotAReport({ [key]: null, agnecy: 'x' })).toBeUndefined();
    expect(whyNotAReport({ $schema: './report.schema.json' })).toMatch(/没有报告的任何字段/);
    expect(whyNotAReport({ reports: 3, ok: 3, results: [] })).toMatch(/没有报告的任何字段/);
    expect(whyNotAReport([{ parent: 'a.yaml', children: ['b.yaml'] }])).toMatch(/不是报告数据/);
    expect(whyNotAReport('<!DOCTYPE html>')).toMatch(/不是报告数据/);
    expect(whyNotAReport(null)).toBeUndefined(); // only comments: an empty report, 失败 like an empty file
    expect(whyNotAReport({ $schema: 'http://json-schema.org/draft-07/schema#', title: '报告', properties: {} })).toMatch(/JSON Schema/);
  });
});

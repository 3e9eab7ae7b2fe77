import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { assignOutNames } from '../../src/batch/collect-inputs';
import { summaryCsv, summarize } from '../../src/batch/summary';
import { EXAMPLE, ROOT, tempDir, xxgk } from '../support/cli';

const example = readFileSync(EXAMPLE, 'utf8');
const variant = (i: number) => example.replace(/^agency: .*$/m, `agency: 测试县第${i}局`);

describe('xxgk batch', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it('renders 60 valid reports and one with a T3-R1 error, records the broken YAML, exits 1 and names both in the summary', () => {
    const inputs = join(tmp.dir, 'in');
    mkdirSync(join(inputs, 'more'), { recursive: true });
    for (let i = 0; i < 60; i++) writeFileSync(join(inputs, i < 30 ? '' : 'more', `r${String(i).padStart(2, '0')}.yaml`), variant(i));
    writeFileSync(join(inputs, 'broken.yaml'), 'agency: [这里没有闭合\nyear: 2021\n');
    writeFileSync(join(inputs, 't3.yaml'), example.replace(/newlyReceived:\s+\[0, 0,/, 'newlyReceived:    [0, 1,'));
    writeFileSync(join(inputs, 'notes.txt'), '不是报告');
    const out = join(tmp.dir, 'out');
    const r = xxgk(['batch', inputs, '-o', out, '-j', '2', '--no-system-fonts', '--json']);
    expect(r.status).toBe(1);

    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(61);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(61);
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(files).toContain('t3.pdf');
    expect(files).not.toContain('broken.pdf');

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.reports).toBe(62);
    expect(summary.failed).toBe(1);
    expect(summary.errors).toBe(1);
    expect(summary.ok).toBe(60);
    expect(summary.skipped).toBe(0);
    const broken = summary.results.find((x: { file: string }) => x.file.endsWith('broken.yaml'));
    expect(broken.status).toBe('failed');
    expect(broken.diagnostics[0].code).toBe('PARSE');
    const t3 = summary.results.find((x: { file: string }) => x.file.endsWith('t3.yaml'));
    expect(t3.status).toBe('errors');
    expect(t3.errors).toBe(1);
    expect(t3.diagnostics.map((d: { code: string }) => d.code)).toContain('T3-R1');
    expect(t3.outputs).toHaveLength(2);
    expect(t3.pdfPages).toBe(7);
    expect(typeof t3.ms).toBe('number');
    expect(t3.agency).toBe('平罗县科学技术局');

    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const header = csv.slice(1).split('\r\n')[0].split(',');
    expect(header).toContain('机关名称');
    const t3Row = csv.split('\r\n').find((l) => l.includes('t3.yaml') && l.includes(',有错误,'))!;
    expect(t3Row).toMatch(/t3\.pdf",7,\d+$/); // PDF 页数 after the outputs, then 耗时
    expect(header.slice(-2)).toEqual(['PDF 页数', '耗时（毫秒）']);
    expect(csv).toContain('broken.yaml');
    expect(csv).toContain('T3-R1');
  });

  it('with -f html, writes index.html linking each report without data errors, and says which were left out', () => {
    const inputs = join(tmp.dir, 'html-in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a.yaml'), variant(1));
    writeFileSync(join(inputs, 'b<&>.yaml'), variant(2).replace(/^agency: .*$/m, 'agency: 测试县<第2>局'));
    writeFileSync(join(inputs, 't3.yaml'), example.replace(/newlyReceived:\s+\[0, 0,/, 'newlyReceived:    [0, 1,'));
    writeFileSync(join(inputs, 'broken.yaml'), 'agency: [\n');
    const out = join(tmp.dir, 'html-out');
    const r = xxgk(['batch', inputs, '-o', out, '-f', 'pdf,html', '-j', '1', '--no-system-fonts']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('列出 2 份；有错误的 1 份未列入');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(`共 4 份报告：完成 2，有错误 1，已拒绝 0，失败 1；已跳过 0 个文件；汇总见 ${join(out, 'summary.csv')}`);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<title>2021年政府信息公开工作年度报告</title>');
    const rows = index.match(/<tr><th scope="row">.*<\/tr>/g)!;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('<tr><th scope="row">测试县第1局</th><td><a href="a.html">网页</a></td><td><a href="a.pdf">PDF</a></td><td></td></tr>');
    expect(rows[1]).toContain('测试县&lt;第2&gt;局');
    expect(rows[1]).toContain('href="b%3C%26%3E.html"');
    expect(index).not.toContain('t3.');
    // Without the web page among the formats there is no index.
    const plain = join(tmp.dir, 'plain-out');
    xxgk(['batch', join(inputs, 'a.yaml'), '-o', plain, '-f', 'pdf', '--no-system-fonts']);
    expect(existsSync(join(plain, 'index.html'))).toBe(false);
  });

  it('with --strict, a report with errors is not written and is 已拒绝', () => {
    const inputs = join(tmp.dir, 'strict-in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'good.yaml'), example);
    writeFileSync(join(inputs, 't3.yaml'), example.replace(/newlyReceived:\s+\[0, 0,/, 'newlyReceived:    [0, 1,'));
    const out = join(tmp.dir, 'strict-out');
    const r = xxgk(['batch', inputs, '-o', out, '-j', '1', '--strict', '--no-system-fonts', '-f', 'pdf']);
    expect(r.status).toBe(1);
    expect(existsSync(join(out, 'good.pdf'))).toBe(true);
    expect(existsSync(join(out, 't3.pdf'))).toBe(false);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.results.map((x: { status: string }) => x.status)).toEqual(['ok', 'refused']);
    expect([summary.ok, summary.refused]).toEqual([1, 1]);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toMatch(/t3\.yaml,平罗县科学技术局,2021,已拒绝,1,/);
    expect(r.stdout).toContain('共 2 份报告：完成 1，有错误 0，已拒绝 1，失败 0；已跳过 0 个文件');
  });

  it('without --strict, a report with data errors is written, is 有错误 everywhere, and fails the batch as render fails it', () => {
    const inputs = join(tmp.dir, 'errors-in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'good.yaml'), example);
    writeFileSync(join(inputs, 't3.yaml'), example.replace(/newlyReceived:\s+\[0, 0,/, 'newlyReceived:    [0, 1,'));
    const out = join(tmp.dir, 'errors-out');
    const r = xxgk(['batch', inputs, '-o', out, '-j', '1', '--no-system-fonts', '-f', 'docx']);
    expect(r.status).toBe(1);
    expect(xxgk(['render', join(inputs, 't3.yaml'), '-o', join(tmp.dir, 'errors-render'), '--no-system-fonts', '-f', 'docx']).status).toBe(1);
    expect(existsSync(join(out, 't3.docx'))).toBe(true);
    expect(r.stderr).toContain(`[2/2] 有错误 ${join(inputs, 't3.yaml')}（错误 1，警告 0）`);
    expect(r.stderr).toContain(`${join(inputs, 't3.yaml')}: 有错误，错误 1 个`);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe(`共 2 份报告：完成 1，有错误 1，已拒绝 0，失败 0；已跳过 0 个文件；汇总见 ${join(out, 'summary.csv')}`);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.results.map((x: { status: string }) => x.status)).toEqual(['ok', 'errors']);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toMatch(/good\.yaml,平罗县科学技术局,2021,完成,0,[\s\S]*t3\.yaml,平罗县科学技术局,2021,有错误,1,/);
  });

  it('leaves no partial .docx/.pdf and no temporary file when interrupted', async () => {
    const inputs = join(tmp.dir, 'int-in');
    mkdirSync(inputs);
    for (let i = 0; i < 80; i++) writeFileSync(join(inputs, `r${i}.yaml`), variant(i));
    const out = join(tmp.dir, 'int-out');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'xxgk.js'), 'batch', inputs, '-o', out, '-j', '2', '--no-system-fonts'], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readdirSync(out).filter((f) => f.endsWith('.pdf')).length >= 3) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 5);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    const files = readdirSync(out);
    expect(files.filter((f) => f.startsWith('.') || f.includes('.tmp'))).toEqual([]);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeLessThan(80);
    for (const f of pdfs) {
      const b = readFileSync(join(out, f));
      expect(b.subarray(0, 5).toString()).toBe('%PDF-');
      expect(b.subarray(-6).toString()).toContain('%%EOF');
    }
    for (const f of files.filter((x) => x.endsWith('.docx'))) await JSZip.loadAsync(readFileSync(join(out, f)));
  });
});

describe('batch writes in its workers', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it.each(['1', '2'])('with -j %s, a file that cannot be written fails only its report (WRITE), leaves no temporary file, and the documents never reach summary.json', (jobs) => {
    const inputs = join(tmp.dir, `in-${jobs}`);
    mkdirSync(inputs);
    for (let i = 0; i < 6; i++) writeFileSync(join(inputs, `r${i}.yaml`), variant(i));
    const out = join(tmp.dir, `out-${jobs}`);
    // A folder where r3's PDF should go: the rename over it fails.
    mkdirSync(join(out, 'r3.pdf'), { recursive: true });
    const r = xxgk(['batch', inputs, '-o', out, '-j', jobs, '--no-system-fonts', '--json']);
    expect(r.status).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.results.map((x: { status: string }) => x.status)).toEqual(['ok', 'ok', 'ok', 'failed', 'ok', 'ok']);
    const r3 = summary.results[3];
    expect(r3.diagnostics.filter((d: { code: string }) => d.code === 'WRITE').map((d: { message: string }) => d.message)).toEqual([`无法写入 ${join(out, 'r3.pdf')}：${join(out, 'r3.pdf')} 是一个已有的文件夹，不能写成文件`]);
    expect(r3.outputs).toEqual([]);
    expect(summary.results[0].outputs).toEqual([join(out, 'r0.docx'), join(out, 'r0.pdf')]);
    for (const x of summary.results) expect(Object.keys(x).filter((k) => ['docx', 'pdf', 'html'].includes(k))).toEqual([]);
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('batch output names and summary', () => {
  it('never lets two inputs with the same base name overwrite each other', () => {
    const names = assignOutNames(['/data/县A/report.yaml', '/data/县B/report.yaml', '/data/县B/other.json']).map((x) => x.outName);
    expect(new Set(names).size).toBe(3);
    expect(names).toEqual(['县A_report', '县B_report', 'other']);
  });

  it('writes CSV cells with commas, quotes and line breaks safely', () => {
    const csv = summaryCsv(
      summarize([
        { file: 'a,b.yaml', agency: '某"局"', year: 2021, status: 'failed', errors: 1, warnings: 0, acknowledged: 0, diagnostics: [{ severity: 'error', code: 'PARSE', path: '', line: 3, message: '第一行\n第二行' }], outputs: [], ms: 1 },
      ]),
    );
    const row = csv.split('\r\n')[1];
    expect(row.startsWith('"a,b.yaml","某""局""",2021,失败,1,0,0,"错误 PARSE 第3行：第一行\n第二行"')).toBe(true);
  });
});

describe('batch --manifest (B1)', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("warns when a parent's tables 三 and 四 are not the sum of its children's, naming the cell and both figures", () => {
    const dir = join(tmp.dir, 'in');
    mkdirSync(dir);
    const withNew = (n: number[]) => example.replace(/newlyReceived:\s+\[[^\]]*\]/, `newlyReceived: [${n.join(', ')}]`).replace(/granted:\s+\[[^\]]*\]/, `granted: [${n.join(', ')}]`).replace(/\n\s+total:\s+\[[^\]]*\][^\n]*/, '');
    writeFileSync(join(dir, 'a.yaml'), withNew([1, 0, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'b.yaml'), withNew([2, 1, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'county.yaml'), withNew([3, 0, 0, 0, 0, 0]));
    writeFileSync(join(tmp.dir, 'manifest.yaml'), '- parent: in/county.yaml\n  children: [in/a.yaml, in/b.yaml]\n');
    const out = join(tmp.dir, 'out');
    const r = xxgk(['batch', dir, '-o', out, '-j', '1', '-f', 'docx', '--manifest', join(tmp.dir, 'manifest.yaml'), '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const county = summary.results.find((x: { file: string }) => x.file.endsWith('county.yaml'));
    const b1 = county.diagnostics.filter((d: { code: string }) => d.code === 'B1');
    expect(b1.map((d: { message: string }) => d.message)).toEqual([
      '表三 一、本年新收政府信息公开申请数量 / 商业企业：本报告为0，下级报告合计为1（2份）',
      '表三 （一）予以公开 / 商业企业：本报告为0，下级报告合计为1（2份）',
    ]);
    expect(county.warnings).toBe(2);
    const a = summary.results.find((x: { file: string }) => x.file.endsWith('a.yaml'));
    expect(a.diagnostics.some((d: { code: string }) => d.code === 'B1')).toBe(false);
  });
});

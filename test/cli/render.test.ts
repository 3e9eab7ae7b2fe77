import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { EXAMPLE, ROOT, tempDir, xxgk } from '../support/cli';

const pdfText = (file: string): string => {
  const r = spawnSync(process.execPath, [join(ROOT, 'test', 'support', 'pdf-text.mjs'), file], { encoding: 'utf8' });
  return (JSON.parse(r.stdout).pages as string[]).join('').replace(/\s+/g, '');
};

describe('xxgk render', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it('writes <name>.docx and <name>.pdf into -o DIR, and nothing else', () => {
    const out = join(tmp.dir, 'both');
    const r = xxgk(['render', EXAMPLE, '-o', out, '--no-system-fonts']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['pingluo-kejiju-2021.docx', 'pingluo-kejiju-2021.pdf']);
    expect(r.stdout).toContain('pingluo-kejiju-2021.pdf（7 页）');
    expect(readFileSync(join(out, 'pingluo-kejiju-2021.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes only the formats asked for with -f, next to the input by default', () => {
    const dir = join(tmp.dir, 'beside');
    cpSync(EXAMPLE, join(dir, 'r.yaml'), { recursive: true });
    expect(xxgk(['render', join(dir, 'r.yaml'), '-f', 'pdf', '--no-system-fonts']).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['r.pdf', 'r.yaml']);
  });

  it('writes the web page with -f html, alongside the others when listed', () => {
    const only = join(tmp.dir, 'html-only');
    expect(xxgk(['render', EXAMPLE, '-o', only, '-f', 'html', '--no-system-fonts']).status).toBe(0);
    expect(readdirSync(only)).toEqual(['pingluo-kejiju-2021.html']);
    expect(readFileSync(join(only, 'pingluo-kejiju-2021.html'), 'utf8')).toContain('<h2>三、收到和处理政府信息公开申请情况</h2>');
    const three = join(tmp.dir, 'three');
    expect(xxgk(['render', EXAMPLE, '-o', three, '-f', 'docx,pdf,html', '--no-system-fonts']).status).toBe(0);
    expect(readdirSync(three).sort()).toEqual(['pingluo-kejiju-2021.docx', 'pingluo-kejiju-2021.html', 'pingluo-kejiju-2021.pdf']);
    const bad = xxgk(['render', EXAMPLE, '-o', three, '-f', 'odt']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('只能是 docx、pdf、html');
  });

  it('uses a copied template folder given with -t (a changed heading shows in both documents)', async () => {
    const tpl = join(tmp.dir, 'tpl');
    cpSync(join(ROOT, 'templates', 'annual-report'), tpl, { recursive: true });
    const f = join(tpl, 'section-5-problems.hbs');
    const src = readFileSync(f, 'utf8');
    expect(src).toContain('五、存在的主要问题及改进情况');
    writeFileSync(f, src.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'));
    const out = join(tmp.dir, 'tpl-out');
    const r = xxgk(['render', EXAMPLE, '-t', tpl, '-o', out, '--no-system-fonts']);
    expect(r.status).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(join(out, 'pingluo-kejiju-2021.docx')))).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('五、存在的主要问题及整改措施');
    const text = pdfText(join(out, 'pingluo-kejiju-2021.pdf'));
    expect(text).toContain('五、存在的主要问题及整改措施');
    expect(text).not.toContain('五、存在的主要问题及改进情况');
  });

  it('reports a broken template with its file and line, exit 1, and writes nothing', () => {
    const tpl = join(tmp.dir, 'broken-tpl');
    cpSync(join(ROOT, 'templates', 'annual-report'), tpl, { recursive: true });
    writeFileSync(join(tpl, 'section-6-other.hbs'), '<h1>六、其他需要报告的事项</h1>\n<blink>{{otherMatters}}</blink>\n');
    const out = join(tmp.dir, 'broken-out');
    const r = xxgk(['render', EXAMPLE, '-t', tpl, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/section-6-other\.hbs.*2/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it.each([
    ['{{process.env.HOME}}', /section-6-other\.hbs:2: 模板错误：引用了数据中不存在的字段/],
    ['{{agency.toUpperCase}}', /section-6-other\.hbs:2: 模板错误：“toUpperCase”不是数据中的字段/],
    ['{{> section-6-other}}', /section-6-other\.hbs: 模板错误：模板片段互相引用或引用自身/],
  ])('answers the template line %s in Chinese, reading nothing from the environment', (line, message) => {
    const tpl = join(tmp.dir, `tpl-${line.length}`);
    cpSync(join(ROOT, 'templates', 'annual-report'), tpl, { recursive: true });
    writeFileSync(join(tpl, 'section-6-other.hbs'), `<h1>六、其他需要报告的事项</h1>\n${line}\n`);
    const r = xxgk(['render', EXAMPLE, '-t', tpl, '-o', join(tmp.dir, `out-${line.length}`), '-f', 'docx']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain(process.env.HOME ?? '/root');
  });

  it('with --strict and a data error writes nothing and exits 1; without it, writes and exits 1', () => {
    const bad = join(tmp.dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(EXAMPLE, 'utf8').replace(/newlyReceived:\s+\[0, 0,/, 'newlyReceived:    [0, 1,'));
    const strictOut = join(tmp.dir, 'strict');
    const s = xxgk(['render', bad, '-o', strictOut, '--strict', '-f', 'docx']);
    expect(s.status).toBe(1);
    expect(s.stderr).toContain('T3-R1');
    expect(readdirSync(strictOut)).toEqual([]);
    const looseOut = join(tmp.dir, 'loose');
    const l = xxgk(['render', bad, '-o', looseOut, '-f', 'docx']);
    expect(l.status).toBe(1);
    expect(readdirSync(looseOut)).toEqual(['bad.docx']);
  });

  it('answers usage mistakes with exit 2 and a Chinese message', () => {
    const fmt = xxgk(['render', EXAMPLE, '-f', 'odt', '-o', tmp.dir]);
    expect(fmt.status).toBe(2);
    expect(fmt.stderr).toContain('未知的输出格式');
    const font = xxgk(['render', EXAMPLE, '--font', 'bodyy=/x.ttf', '-o', tmp.dir]);
    expect(font.status).toBe(2);
    expect(font.stderr).toContain('bodyy');
    const missing = xxgk(['render', join(tmp.dir, 'none.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('不存在');
  });
});

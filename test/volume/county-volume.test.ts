/**
 * The county office end to end: 200 generated reports (a few broken, some stray files) and a
 * GBK roster; the batch's summary, the roll-up and the compiled volume, the volume checked
 * with pdf.js: every 目录 number is the printed number of the page where that unit's title
 * is, the bookmarks are one per unit with its sections, and the page count adds up.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { encodeGbk } from '../support/gbk';
import { generatedReport, seeded } from '../support/county-reports';
import { ROOT, tempDir, xxgk } from '../support/cli';
import { toYaml } from '../reliability/support';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Outline {
  title: string;
  page: number;
  items: Outline[];
}
interface VolumeText {
  numPages: number;
  pages: { text: string; artifacts: string }[];
  outline: Outline[];
}

const YEAR = 2026;
const UNITS = 200;
const MISSING = 50;
const WITH_ERRORS = [60, 61];
const BROKEN = 70;
const unitName = (i: number) => (i === 0 ? '某某县人民政府' : i === 7 ? '某某县卫生健康委员会（疾控局）' : `某某县第${i + 1}单位`);
const flat = (s: string) => s.replace(/\s+/g, '');

describe('the county workflow on 200 reports', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const rand = seeded(2026);
  const inputs = join(tmp.dir, 'in');
  mkdirSync(join(inputs, '乡镇'), { recursive: true });
  const valid: Data[] = [];
  for (let i = 0; i < UNITS; i++) {
    if (i === MISSING) continue;
    const file = join(inputs, i % 4 === 0 ? '乡镇' : '', `unit-${String(i).padStart(3, '0')}.yaml`);
    if (i === BROKEN) {
      writeFileSync(join(inputs, `${unitName(i)}.yaml`), 'agency: [没有闭合\nyear: 2026\n');
      continue;
    }
    const data = generatedReport(rand, i === 7 ? '某某县卫生健康委员会(疾控局)' : unitName(i), YEAR);
    // Narratives of different lengths, so reports end on odd and even pages.
    const extra = Math.floor(rand() * 4);
    for (let k = 0; k < extra; k++) data.overview.push({ heading: `工作${k + 1}`, body: '加强政府信息公开工作，'.repeat(12 + 6 * k) + '取得实效。' });
    if (WITH_ERRORS.includes(i)) data.applications.newlyReceived[0] += 1;
    else valid.push(data);
    writeFileSync(file, toYaml(data));
  }
  // Outside the roster: a near miss of the unit that has not reported.
  const outside = generatedReport(rand, `某某县第${MISSING + 1}单们`, YEAR);
  valid.push(outside);
  writeFileSync(join(inputs, 'zz-outside.yaml'), toYaml(outside));
  // Stray files: not report data, a lock file, notes.
  writeFileSync(join(inputs, 'old-summary.json'), '{"ok": 3, "results": []}');
  writeFileSync(join(inputs, '~$unit-001.xlsx'), 'lock');
  writeFileSync(join(inputs, '说明.txt'), '各单位报告');
  // The roster in GBK, as Excel on Chinese Windows saves a CSV; 排序 puts the units in reverse file order.
  const roster = join(tmp.dir, '应报单位名单.csv');
  const rows = Array.from({ length: UNITS }, (_, i) => `${i + 1},${unitName(i)},${i === 0 ? '人民政府' : '政府部门'},${UNITS - i}`);
  writeFileSync(roster, encodeGbk(['序号,单位,级别,排序', ...rows].join('\r\n') + '\r\n'));
  const rosterOrder = Array.from({ length: UNITS }, (_, i) => UNITS - 1 - i);

  const out = join(tmp.dir, 'out');
  const volumeFile = join(out, '汇编.pdf');
  let summary: Data;
  let run: ReturnType<typeof xxgk>;
  beforeAll(() => {
    run = xxgk(['batch', inputs, '-o', out, '-j', '2', '-f', 'pdf', '--no-system-fonts', '--roster', roster, '--combined', volumeFile, '--cover-title', '某某县政府信息公开工作年度报告汇编', '--issuer', '某某县人民政府办公室']);
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  }, 600_000);

  it('summarises: 未报送, 名单外 with its near name, the broken reports, the stray file; exit 1 for the reports with errors', () => {
    expect(run.status).toBe(1);
    expect([summary.reports, summary.ok, summary.errors, summary.failed, summary.skipped, summary.missing]).toEqual([200, 197, 2, 1, 1, 1]);
    expect(summary.roster).toMatchObject({ units: 200, outside: 1 });
    const missing = summary.results.filter((r: Data) => r.status === 'missing');
    expect(missing.map((r: Data) => r.agency)).toEqual([unitName(MISSING)]);
    const out1 = summary.results.find((r: Data) => r.outside);
    expect(out1).toMatchObject({ agency: `某某县第${MISSING + 1}单们`, suggestions: [unitName(MISSING)] });
    // The broken file is matched by its name, so its unit is 失败, not also 未报送.
    expect(summary.results.find((r: Data) => r.rosterName === unitName(BROKEN)).status).toBe('failed');
    expect(summary.results.find((r: Data) => r.rosterName === unitName(7)).agency).toBe('某某县卫生健康委员会(疾控局)');
    // Rows in roster order, then the report outside it, then the skipped file.
    expect(summary.results.slice(0, UNITS).map((r: Data) => r.rosterName)).toEqual(rosterOrder.map(unitName));
    expect(summary.results[UNITS].outside).toBe(true);
    expect(summary.results[UNITS + 1]).toMatchObject({ status: 'skipped' });
    expect(run.stdout).toContain('；名单 200 个单位：未报送 1，名单外 1 份；');
    expect(run.stderr).toContain(`未报送 1 个单位：${unitName(MISSING)}`);
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(csv.split('\r\n').filter((l) => l.includes(',未报送,'))).toHaveLength(1);
  });

  it('compiles the 197 reports without errors into one volume: 目录 numbers, titles, page numbers, blanks, bookmarks and page count agree', () => {
    const combined = summary.combined;
    expect(combined.error).toBeUndefined();
    expect(combined.reports).toBe(197);
    const order = summary.results.filter((r: Data) => r.status === 'ok').map((r: Data) => r.agency);
    expect(combined.units.map((u: Data) => u.agency)).toEqual(order);

    const r = spawnSync(process.execPath, [join(ROOT, 'test', 'support', 'pdf-volume.mjs'), volumeFile], { encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(r.stderr).toBe('');
    const pdf = JSON.parse(r.stdout) as VolumeText;
    const pages = pdf.pages;

    // Cover: title, year, issuer; no page number.
    expect(flat(pages[0].text)).toBe('某某县政府信息公开工作年度报告汇编（2026年度）某某县人民政府办公室');
    expect(pages[0].artifacts).toBe('');
    expect(pages[1]).toEqual({ text: '', artifacts: '' });

    // The 目录: every unit in order with a number; no page number on its pages.
    const tocPages: number[] = [];
    for (let p = 2; flat(pages[p].text).length > 0 && !pages[p].artifacts.includes('—'); p++) tocPages.push(p);
    expect(flat(pages[2].text).startsWith('目录')).toBe(true);
    const tocText = tocPages.map((p) => pages[p].text).join('\n');
    const entries = [...tocText.matchAll(/^(某某县\S+?)\s*(\d+)$/gm)].map((m) => ({ name: m[1], page: Number(m[2]) }));
    expect(entries.map((e) => e.name)).toEqual(order);
    const front = 2 + tocPages.length + (tocPages.length % 2);
    if (tocPages.length % 2) expect(pages[front - 1]).toEqual({ text: '', artifacts: '' });

    // Printed numbers: none before the first report, then 1, 2, 3 … (a blank page counts but shows none).
    const printed = pages.map((p) => {
      const m = /—\s*(\d+)\s*—/.exec(p.artifacts);
      return m ? Number(m[1]) : undefined;
    });
    expect(printed.slice(0, front).every((n) => n === undefined)).toBe(true);
    let blanks = 0;
    for (let p = front; p < pages.length; p++) {
      const n = p - front + 1;
      if (printed[p] === undefined) {
        expect(pages[p]).toEqual({ text: '', artifacts: '' });
        blanks++;
      } else expect(printed[p]).toBe(n);
    }
    // Each 目录 number is the printed number of the page where that unit's title is, an odd one.
    for (const e of entries) {
      const p = front + e.page - 1;
      expect(flat(pages[p].text).startsWith(`${flat(e.name)}${YEAR}年政府信息公开工作年度报告`)).toBe(true);
      expect(printed[p]).toBe(e.page);
      expect(e.page % 2).toBe(1);
      // …and the page before it ends the previous report or is a blank.
      if (p > front) expect(flat(pages[p - 1].text).includes(`${YEAR}年政府信息公开工作年度报告`) && flat(pages[p - 1].text).startsWith(flat(e.name))).toBe(false);
    }
    expect(blanks).toBeGreaterThan(0);

    // Page count: cover, its blank back, 目录 (padded to even), every report's own pages and the blanks.
    const reportPages = summary.results.filter((x: Data) => x.status === 'ok').reduce((s: number, x: Data) => s + x.pdfPages, 0);
    expect(pdf.numPages).toBe(front + reportPages + blanks);
    expect(combined.pages).toBe(pdf.numPages);

    // Bookmarks: one per unit, opening its first page, with its sections below.
    expect(pdf.outline.map((o) => o.title)).toEqual(order);
    pdf.outline.forEach((o, i) => {
      expect(o.page).toBe(front + entries[i].page);
      expect(o.items.map((x) => x.title).slice(0, 1)).toEqual(['一、总体情况']);
      expect(o.items.map((x) => x.title)).toContain('六、其他需要报告的事项');
      expect(o.items.every((x) => x.page >= o.page)).toBe(true);
    });
    const count = (xs: Outline[]): number => xs.reduce((n, x) => n + 1 + count(x.items), 0);
    const sections = pdf.outline[0].items.length;
    expect(sections).toBe(6);
    expect(count(pdf.outline)).toBe(pdf.outline.reduce((n, o) => n + 1 + count(o.items), 0));
    expect(count(pdf.outline)).toBeGreaterThanOrEqual(197 * 7);
  });

  it('is one document: tagged, each font embedded once as one subset for the whole volume', () => {
    const fonts = spawnSync('pdffonts', [volumeFile], { encoding: 'utf8' });
    if (fonts.error) return console.warn('pdffonts (poppler-utils) 未安装，跳过字体检查');
    expect(spawnSync('pdfinfo', [volumeFile], { encoding: 'utf8' }).stdout).toMatch(/^Tagged:\s+yes$/m);
    const names = fonts.stdout.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]);
    const faces = names.map((n) => n.replace(/^[A-Z]{6}\+/, ''));
    expect(names.length).toBeGreaterThan(2);
    expect(new Set(faces).size).toBe(faces.length);
  });

  it('rolls the folder up: the 197 good reports summed, the 3 with errors left out and listed', () => {
    const file = join(tmp.dir, '县汇总.yaml');
    const r = xxgk(['rollup', inputs, '-o', file, '--agency', '某某县（汇总）', '--year', String(YEAR)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('汇总了 197 份下级报告；3 份有数据错误，未计入');
    expect(r.stderr).toContain('old-summary.json: 不是报告数据，未计入');
    const data = parse(readFileSync(file, 'utf8')) as Data;
    const sum = (f: (d: Data) => number) => valid.reduce((s, d) => s + f(d), 0);
    expect(data.applications.newlyReceived).toEqual([0, 1, 2, 3, 4, 5].map((i) => sum((d) => d.applications.newlyReceived[i])));
    expect(data.applications.denied.stateSecret).toEqual([0, 1, 2, 3, 4, 5].map((i) => sum((d) => d.applications.denied.stateSecret[i])));
    expect(data.reviewLitigation.litigationAfterReview.pending).toBe(sum((d) => d.reviewLitigation.litigationAfterReview.pending));
    const cents = valid.filter((d) => d.proactive.fees !== '/').reduce((s, d) => s + BigInt(d.proactive.fees.replace('.', '')), 0n);
    expect(data.proactive.fees.replace('.', '')).toBe(String(cents));
    expect(data.proactive.licensing).toBe(valid.filter((d) => d.proactive.licensing !== '/').reduce((s, d) => s + d.proactive.licensing, 0));
  });
});

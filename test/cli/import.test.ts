import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { EXAMPLE, ROOT, tempDir, xxgk } from '../support/cli';
import { renderTo } from '../import/support';

const SEED = join(ROOT, 'test', 'fixtures', 'seed-report-2021.txt');
const hasStack = (s: string) => /^\s+at \S/m.test(s);

describe('xxgk import', () => {
  const t = tempDir('xxgk-import-');
  afterAll(() => t.cleanup());

  test('the seed text: a YAML file that validate reads, nulls flagged, the summary as the last line', () => {
    const out = join(t.dir, 'seed.yaml');
    const r = xxgk(['import', SEED, '-o', out]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('读取了 表二 10/10、表三 175/175（其中推算 150）、表四 5/15（其中推算 4） 个数，正文 5 部分');
    const data = parse(readFileSync(out, 'utf8'));
    expect(data.reviewLitigation.review).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0 });
    expect(data.reviewLitigation.litigationDirect.upheld).toBeNull();
    const v = xxgk(['validate', out, '--json']);
    const diagnostics = JSON.parse(v.stdout).files[0].diagnostics as { code: string; path: string }[];
    const unread = diagnostics.filter((d) => d.code === 'T4-R4').map((d) => d.path);
    expect(unread).toContain('reviewLitigation.litigationDirect.upheld');
    expect(unread).toHaveLength(10);
  });

  test('--json lists every unread cell with its place and reason; -o .json writes JSON', () => {
    const out = join(t.dir, 'seed.json');
    const r = xxgk(['import', SEED, '-o', out, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.unread).toHaveLength(10);
    expect(doc.unread[0]).toMatchObject({ path: 'reviewLitigation.litigationDirect.upheld', place: '表四 行政诉讼 未经复议直接起诉 / 结果维持' });
    expect(doc.tables[2]).toEqual({ table: '表四', read: 1, derived: 4, unread: 10, cells: 15 });
    expect(doc.tables[1]).toEqual({ table: '表三', read: 25, derived: 150, unread: 0, cells: 175 });
    expect(JSON.parse(readFileSync(out, 'utf8')).applications.granted).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('same input, same bytes', () => {
    const a = join(t.dir, 'a.yaml');
    const b = join(t.dir, 'b.yaml');
    xxgk(['import', SEED, '-o', a]);
    xxgk(['import', SEED, '-o', b]);
    expect(readFileSync(a)).toEqual(readFileSync(b));
  });

  test('-o .xlsx writes a workbook with the same data: unread cells empty, so validate names them by sheet and cell', () => {
    const x = xxgk(['import', SEED, '-o', join(t.dir, 'seed.xlsx')]);
    expect(x.status).toBe(0);
    const y = xxgk(['import', SEED, '-o', join(t.dir, 'seed-as.json')]);
    expect(y.status).toBe(0);
    const back = join(t.dir, 'back.json');
    expect(xxgk(['convert', join(t.dir, 'seed.xlsx'), back]).status).toBe(0);
    const imported = JSON.parse(readFileSync(join(t.dir, 'seed-as.json'), 'utf8'));
    const fromWorkbook = JSON.parse(readFileSync(back, 'utf8'));
    expect(fromWorkbook.applications).toEqual(imported.applications);
    // An unread stated 总计 (`total: null`) becomes the workbook's own 总计 formula, i.e. no stated total.
    const withoutUnreadTotals = (rl: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(rl).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([c, x]) => !(c === 'total' && x === null)))]));
    expect(fromWorkbook.reviewLitigation).toEqual(withoutUnreadTotals(imported.reviewLitigation));
    const v = xxgk(['validate', join(t.dir, 'seed.xlsx')]);
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/seed\.xlsx 表四![A-Z]+\d+: T4-R4 错误：表四 /);
  });

  test('usage errors exit 2 with a Chinese message: an unknown output kind, existing file, missing input', () => {
    const x = xxgk(['import', SEED, '-o', join(t.dir, 'x.doc')]);
    expect(x.status).toBe(2);
    expect(x.stderr).toMatch(/-o 应为 .yaml、.yml、.json 或 .xlsx 文件/);
    const existing = join(t.dir, 'exists.yaml');
    writeFileSync(existing, 'keep');
    const e = xxgk(['import', SEED, '-o', existing]);
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/已存在.*--force/);
    expect(readFileSync(existing, 'utf8')).toBe('keep');
    const m = xxgk(['import', join(t.dir, 'none.pdf')]);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/文件不存在/);
  });

  test.each([
    ['old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Word 文件（\.doc）/],
    ['draft.wps', Buffer.from('x'), /WPS 文字文件/],
    ['sheet.et', Buffer.from('x'), /WPS 表格文件/],
    ['renamed.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Word\/WPS 格式/],
    ['notes.txt', Buffer.from('会议纪要\n今天讨论了食堂的菜单。\n'), /不像政府信息公开工作年度报告/],
    ['page.html', Buffer.from('<html><body><p>欢迎访问</p><script>alert(1)</script></body></html>'), /不像政府信息公开工作年度报告/],
    ['fake.pdf', Buffer.from('not a pdf at all'), /内容不是 PDF/],
  ])('%s: a file of another kind gets a message saying what was found, exit 1, nothing written', (name, bytes, message) => {
    const file = join(t.dir, name);
    writeFileSync(file, bytes);
    const out = join(t.dir, `${name}.yaml`);
    const r = xxgk(['import', file, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(hasStack(r.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  test('validate --previous takes last year’s published report (PDF): X1 compares its carried-forward row', async () => {
    const example = parse(readFileSync(EXAMPLE, 'utf8'));
    const last = { ...example, applications: { ...example.applications, carriedForward: [2, 0, 0, 0, 0, 0], newlyReceived: [2, 0, 0, 0, 0, 0] } };
    const pdf = join(t.dir, 'last.pdf');
    writeFileSync(pdf, await renderTo(last, 'pdf'));
    const thisYear = (carriedOver: number[]) => {
      const f = join(t.dir, `this-${carriedOver[0]}.yaml`);
      const applications = { ...example.applications, carriedOver, newlyReceived: [0, 0, 0, 0, 0, 0], carriedForward: carriedOver };
      writeFileSync(f, stringify({ ...example, year: 2022, applications }));
      return f;
    };
    const bad = xxgk(['validate', thisYear([0, 0, 0, 0, 0, 0]), '--previous', pdf, '--json']);
    const codes = JSON.parse(bad.stdout).files[0].diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toContain('X1');
    const good = xxgk(['validate', thisYear([2, 0, 0, 0, 0, 0]), '--previous', pdf, '--json']);
    expect(JSON.parse(good.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).not.toContain('X1');
    const broken = join(t.dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4 garbage');
    const r = xxgk(['validate', thisYear([0, 0, 0, 0, 0, 0]), '--previous', broken]);
    expect(r.stdout).toMatch(/PREVIOUS 错误：上年报告无法读取/);
  }, 60_000);
});

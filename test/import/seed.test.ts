import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importDocument } from '../../src/import/import-report';
import { readTxt } from '../../src/import/read-txt';
import { toYaml } from '../../src/import/write-data';
import { exampleData, plain, printedFigures } from './support';

const SEED = join(__dirname, '..', 'fixtures', 'seed-report-2021.txt');

describe('import: the seed text (the example report as extracted from its published PDF)', () => {
  const result = importDocument(readTxt(readFileSync(SEED)));
  const example = exampleData();
  const expected = printedFigures(example);

  test('every number read or fixed by the arithmetic equals the example; the rest is unread, never wrong', () => {
    const wrong: string[] = [];
    for (const [path, f] of result.figures.byPath) {
      if (f.state !== 'unread' && f.value !== expected.get(path)) wrong.push(`${path}: ${f.value} ≠ ${expected.get(path)}`);
    }
    expect(wrong).toEqual([]);
    // 表二 and 表三 are all there (表三's zeros are blank in the seed: derived from each row's 总计 of 0).
    const counts = result.counts;
    expect(counts[0]).toMatchObject({ read: 10, derived: 0, total: 10 });
    expect(counts[1]).toMatchObject({ read: 25, derived: 150, total: 175 });
    // 表四's line has 16 cells for 15 columns and only two numbers: 行政复议's 总计 stands where
    // every placement puts it (its four blank cells are then 0); 行政诉讼's ten cells lost their
    // places (its two 总计 are not both there), so none of them is read.
    const review = ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => `reviewLitigation.review.${k}`);
    expect(review.map((p) => result.figures.byPath.get(p))).toEqual([
      ...[0, 1, 2, 3].map(() => ({ state: 'derived', value: 0 })),
      { state: 'read', value: 0 },
    ]);
    expect(review.map((p) => expected.get(p))).toEqual([0, 0, 0, 0, 0]);
    const litigation = ['litigationDirect', 'litigationAfterReview'].flatMap((part) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => `reviewLitigation.${part}.${k}`));
    expect(result.unread.map((u) => u.path)).toEqual(litigation);
    for (const u of result.unread) expect(u.reason).toBe('这一行有 16 格、2 个数，与表格的 15 列对不上，不能确定各数属于哪一列');
    expect(result.summary).toBe('读取了 表二 10/10、表三 175/175（其中推算 150）、表四 5/15（其中推算 4） 个数，正文 5 部分');
  });

  test('agency, year, contact, headings and paragraphs equal the example’s (bold aside; the seed has no 六)', () => {
    const d = result.data;
    expect(d.agency).toBe(example.agency);
    expect(d.year).toBe(example.year);
    expect(d.contact).toBe(example.contact);
    expect(d.preamble).toBeUndefined();
    const paras = (s: unknown) => String(plain(s)).trim().split(/\n\s*\n/);
    expect(paras(d.overviewIntro)).toEqual(paras(example.overviewIntro));
    const ov = d.overview as { heading: string; body: string }[];
    const exOv = example.overview as { heading: string; body: string }[];
    expect(ov.map((o) => o.heading)).toEqual(exOv.map((o) => o.heading));
    ov.forEach((o, i) => expect(paras(o.body)).toEqual(paras(exOv[i].body)));
    expect(paras(d.problems)).toEqual(paras(example.problems));
    expect(d.otherMatters).toBeUndefined();
    expect(result.text.sections).toEqual([true, true, true, true, true, false]);
  });

  test('the YAML parses back to the same data, with a comment on each line holding an unread cell', () => {
    const yaml = toYaml(result, 'seed-report-2021.txt');
    expect(parse(yaml)).toEqual(result.data);
    const lines = yaml.split('\n');
    for (const u of result.unread) {
      const key = u.path.split('.')[1];
      const line = lines.find((l) => l.trimStart().startsWith(`${key}:`))!;
      expect(line).toMatch(/# 未能读取：/);
    }
    expect(toYaml(result, 'seed-report-2021.txt')).toBe(yaml);
  });
});

import { layoutTitle, TITLE_PITCH_FACTOR } from '../../src/layout/blocks';
import { breakOpportunities } from '../../src/layout/breaks';
import { styledPlain } from '../../src/layout/collect';
import type { TextItem } from '../../src/layout/frames';
import { shapeText } from '../../src/layout/text';
import { balanceTitle, breakPenalty } from '../../src/layout/title';
import { testContext } from './support/context';

function titleLines(text: string): string[] {
  const ctx = testContext();
  const sh = shapeText(styledPlain(text, 'title'), ctx, 't');
  return balanceTitle({ text, adv: sh.adv, brk: breakOpportunities(text), spacing: 0 }, ctx.geo.width, 22).map((l) => text.slice(l.start, l.end));
}

describe('title', () => {
  test('a long title is broken into balanced lines at a word boundary', () => {
    expect(titleLines('平罗县科学技术局2021年政府信息公开工作年度报告')).toEqual(['平罗县科学技术局2021年', '政府信息公开工作年度报告']);
    expect(titleLines('宁夏回族自治区石嘴山市平罗县人民政府办公室2023年政府信息公开工作年度报告')).toEqual([
      '宁夏回族自治区石嘴山市平罗县人民政府',
      '办公室2023年政府信息公开工作年度报告',
    ]);
  });

  test('a short title stays on one line', () => {
    expect(titleLines('某局2021年政府信息公开工作年度报告')).toEqual(['某局2021年政府信息公开工作年度报告']);
  });

  test('title block: 22 pt lines centred on the page, 1.25 grid pitch apart, in 3 grid lines, then a blank line', () => {
    const ctx = testContext();
    const b = layoutTitle({ kind: 'title', children: [{ kind: 'text', text: '平罗县科学技术局2021年政府信息公开工作年度报告' }] }, ctx);
    expect(b.units).toHaveLength(1);
    expect(b.units[0].units).toBe(3);
    expect(b.blankAfter).toBe(1);
    expect(b.keepWithNext).toBe(true);
    const items = b.units[0].items as TextItem[];
    expect(items[1].y - items[0].y).toBeCloseTo(TITLE_PITCH_FACTOR * 28.95, 9);
    for (const it of items) {
      expect(it.size).toBe(22);
      const w = [...it.text].reduce((s, ch) => s + (ch.codePointAt(0)! >= 0x2000 ? 22 : 11), 0);
      expect(it.x - ctx.geo.left + w / 2).toBeCloseTo(ctx.geo.width / 2, 6);
    }
  });
});

describe('title breaks keep the words of an agency name whole', () => {
  test.each([
    ['中共某某省某某市某某区委员会机构编制委员会办公室2023年政府信息公开工作年度报告', ['委员|会', '办公|室', '编制委|员']],
  ])('%s', (title, cuts) => {
    const text = title;
    for (const cut of cuts) {
      const [a, b] = cut.split('|');
      const i = text.indexOf(a + b) + a.length;
      expect([cut, breakPenalty(text, i)]).toEqual([cut, 40]);
    }
    expect(breakPenalty(text, text.indexOf('机构'))).toBe(0); // after 委员会
    expect(breakPenalty(text, text.indexOf('政府信息'))).toBe(0);
  });
});

test('a long agency name takes a third title line rather than cut 委员会 (laid out)', () => {
  const ctx = testContext();
  const text = '中共某某省某某市某某区委员会机构编制委员会办公室2023年政府信息公开工作年度报告';
  const b = layoutTitle({ kind: 'title', children: [{ kind: 'text', text }] }, ctx);
  const rows = new Map<number, string>();
  for (const it of b.units[0].items as TextItem[]) rows.set(it.y, (rows.get(it.y) ?? '') + it.text);
  const lines = [...rows.values()];
  expect(lines.join('')).toBe(text);
  for (const l of lines) expect(l).not.toMatch(/^(员会|会|公室|室)/);
});

describe('title breaks in names the word lists do not know (ICU dictionary segmenter)', () => {
  test.each([
    ['黑龙江省哈尔滨市道里区住房和城乡建设局2022年政府信息公开工作年度报告', '建设'],
    ['广西壮族自治区南宁市青秀区发展和改革局2021年政府信息公开工作年度报告', '改革'],
  ])('%s keeps %s whole', (title, word) => {
    const lines = titleLines(title);
    expect(lines.join('')).toBe(title);
    expect(lines.some((l) => l.includes(word))).toBe(true);
  });

  test('a place name ends a line rather than a line cutting the next one (乌鲁木齐市 | 沙依巴克区)', () => {
    const lines = titleLines('新疆维吾尔自治区乌鲁木齐市沙依巴克区人力资源和社会保障局2021年政府信息公开工作年度报告');
    expect(lines[0]).toBe('新疆维吾尔自治区乌鲁木齐市');
    expect(lines.some((l) => l.includes('沙依巴克区'))).toBe(true);
  });

  test('titles already broken at known boundaries stay as they were', () => {
    expect(titleLines('平罗县科学技术局2021年政府信息公开工作年度报告')).toEqual(['平罗县科学技术局2021年', '政府信息公开工作年度报告']);
  });
});

import { parseBlocks } from '../../src/doc/parse-markup';
import type { Block } from '../../src/doc/tree';
import { layoutDocument } from '../../src/layout';
import type { TextItem } from '../../src/layout/frames';
import { GBT9704 } from '../../src/style/settings';
import { testContext } from './support/context';
import { fakeFonts } from './support/fake-fonts';
import { pageText, texts } from './support/frames';
import { h, para } from './support/sample-report';

const doc = (blocks: Block[]) => layoutDocument({ meta: { title: 't', author: 'a', date: '2022-01-01', language: 'zh-CN' }, blocks }, GBT9704, fakeFonts());
const HAN = '为规范我局政府信息公开工作保障公民法人和其他组织依法获取政府信息提高工作透明度促进依法行政';
const han = (n: number) => Array.from({ length: n }, (_, i) => HAN[i % HAN.length]).join('');
const linesPara = (n: number): Block => para(han(26 + 28 * (n - 1)));
const geo = testContext().geo;
/** Body baselines of a page (page number excluded), in order. */
const baselines = (items: TextItem[]) => [...new Set(items.filter((t) => t.size === 16).map((t) => t.y))];

describe('vertical rhythm and pagination', () => {
  test('a full body page has exactly 22 lines, 28.95 pt apart, the first 20.56 pt below the type-area top', () => {
    const r = doc([linesPara(50)]);
    expect(r.pages).toHaveLength(3);
    const ys = baselines(texts(r.pages[0]));
    expect(ys).toHaveLength(22);
    expect(ys[0]).toBeCloseTo(geo.top + (28.95 - 16) / 2 + 0.88 * 16, 9);
    for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1]).toBeCloseTo(28.95, 9);
    // The 22nd line's em box (0.12 em below the baseline) stays inside the type area.
    expect(ys[21] + 0.12 * 16).toBeLessThan(geo.top + geo.height);
    expect(baselines(texts(r.pages[1]))).toEqual(ys);
    expect(baselines(texts(r.pages[2]))).toHaveLength(50 - 44);
  });

  test('every body line is on the grid and no line is wider than the type area', () => {
    const r = doc([h(1, '一、总体情况'), linesPara(3), h(2, '（一）主动公开'), linesPara(30)]);
    for (const p of r.pages) {
      for (const t of texts(p).filter((t) => t.size === 16)) {
        const k = (t.y - geo.top - geo.baselineOffset) / geo.linePitch;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
        // Cell model: the last character's cell (advance + grid spacing −0.207) ends by the right edge.
        const w = [...t.text].reduce((s, ch) => s + (ch.codePointAt(0)! >= 0x2000 ? 16 : 8) + t.charSpacing, 0) - t.charSpacing + (geo.charPitch - 16);
        expect(t.x).toBeGreaterThanOrEqual(geo.left - 1e-9);
        expect(t.x + w).toBeLessThanOrEqual(geo.left + geo.width + 1e-6);
      }
    }
  });

  test('a heading is never the last line of a page: it moves to the next page with its first line', () => {
    for (let n = 18; n <= 22; n++) {
      const r = doc([linesPara(n), h(1, '二、主动公开政府信息情况'), linesPara(3)]);
      for (const p of r.pages) {
        const ys = baselines(texts(p));
        const last = texts(p).filter((t) => t.y === ys[ys.length - 1]);
        expect(last.some((t) => t.text.includes('二、主动公开'))).toBe(false);
      }
      const withHeading = r.pages.find((p) => pageText(p).includes('二、主动公开'))!;
      expect(pageText(withHeading)).toContain(han(26).slice(0, 5));
    }
  });

  test('consecutive headings stay together with the first line after them', () => {
    const r = doc([linesPara(20), h(1, '一、总体情况'), h(2, '（一）主动公开'), linesPara(2)]);
    expect(pageText(r.pages[0])).not.toContain('一、总体情况');
    expect(pageText(r.pages[1]).startsWith('一、总体情况（一）主动公开')).toBe(true);
  });

  test('a page break starts a new page, but never leaves an empty one', () => {
    const r = doc([{ kind: 'pageBreak' }, linesPara(2), { kind: 'pageBreak' }, { kind: 'pageBreak' }, linesPara(1)]);
    expect(r.pages).toHaveLength(2);
  });

  test('the signature follows a blank line, right-indented two characters, never split across pages', () => {
    const r = doc([linesPara(3), { kind: 'signature', lines: ['平罗县科学技术局', '2022年1月20日'] }]);
    const ts = texts(r.pages[0]);
    const agency = ts.find((t) => t.text === '平罗县科学技术局')!;
    const date = ts.find((t) => t.text === '2022年1月20日')!;
    expect(date.y - agency.y).toBeCloseTo(28.95, 9);
    expect(agency.y - baselines(ts)[2]).toBeCloseTo(2 * 28.95, 9); // one blank line
    const cs = date.charSpacing;
    const dateEnd = date.x + [...date.text].reduce((s, ch) => s + (ch.codePointAt(0)! >= 0x2000 ? 16 : 8) + cs, 0);
    expect(dateEnd).toBeCloseTo(geo.left + geo.width - 2 * geo.charPitch, 6); // 右空二字
    expect(date.x - agency.x).toBeCloseTo(2 * geo.charPitch, 9); // date starts two characters right of the agency
    // With 21 lines before it, the two signature lines go to the next page together.
    const r2 = doc([linesPara(20), { kind: 'signature', lines: ['平罗县科学技术局', '2022年1月20日'] }]);
    expect(pageText(r2.pages[1])).toContain('平罗县科学技术局2022年1月20日');
  });
});

describe('the sealed 落款 of the submission edition (GB/T 9704 §7.3.5.1)', () => {
  test('two blank lines for the seal; the date four characters from the right; the agency centred over the date', () => {
    const r = doc([linesPara(3), { kind: 'signature', lines: ['平罗县科学技术局', '2022年1月20日'], sealed: true }]);
    const ts = texts(r.pages[0]);
    const agency = ts.find((t) => t.text === '平罗县科学技术局')!;
    const date = ts.find((t) => t.text === '2022年1月20日')!;
    expect(agency.y - baselines(ts)[2]).toBeCloseTo(3 * 28.95, 9); // two blank lines
    expect(date.y - agency.y).toBeCloseTo(28.95, 9);
    const end = (t: TextItem) => t.x + [...t.text].reduce((s, ch) => s + (ch.codePointAt(0)! >= 0x2000 ? 16 : 8) + t.charSpacing, 0);
    expect(end(date)).toBeCloseTo(geo.left + geo.width - 4 * geo.charPitch, 6); // 右空四字
    expect((agency.x + end(agency)) / 2).toBeCloseTo((date.x + end(date)) / 2, 6); // 以成文日期为准居中
  });
});

describe('page numbers', () => {
  test('“— N —” in 14 pt, 7 mm below the type area, odd pages right and even pages left with one character of space', () => {
    const r = doc([linesPara(60)]);
    expect(r.pages.length).toBe(3);
    r.pages.forEach((p, i) => {
      const n = i + 1;
      const num = texts(p).filter((t) => t.size === 14);
      expect(num.map((t) => t.text).join('')).toBe(`— ${n} —`);
      const item = num[0];
      // The dashes' centre (0.38 em above the baseline) is 7 mm below the type area.
      expect(item.y - 0.38 * 14).toBeCloseTo(geo.top + geo.height + (7 * 72) / 25.4, 9);
      const width = 2 * 14 + 2 * 7 + 7; // two em dashes, two spaces, one digit (fake face)
      if (n % 2 === 1) expect(item.x + width).toBeCloseTo(geo.left + geo.width - 14, 9);
      else expect(item.x).toBeCloseTo(geo.left + 14, 9);
      expect(item.text.codePointAt(0)).toBe(0x2014);
    });
  });
});

describe('L-TABLE-SPAN-SPLIT, reachable from a template', () => {
  test('a row-spanned label too tall for either part of a forced page break is reported', () => {
    // What a user's template may emit: a tall spanned label after a page of body text.
    const label = han(60); // 60 characters in a 34 mm column: about 25 lines
    const markup = `<p>${han(28 * 12)}</p><table widths="12 50 94"><tr><td rowspan="2">${label}</td><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table>`;
    const blocks = parseBlocks(markup);
    const r = doc(blocks);
    const found = r.diagnostics.filter((d) => d.code === 'L-TABLE-SPAN-SPLIT');
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^第1个表格在第1行后分页/);
    // without the body text before it, the table fits one page and nothing is reported
    expect(doc(blocks.slice(1)).diagnostics.filter((d) => d.code === 'L-TABLE-SPAN-SPLIT')).toEqual([]);
  });
});

describe('table 二’s band headings stay with their figures', () => {
  // Table 二's shape: a band heading across the table, the band's column heads, its figure rows.
  const bands = [
    ['第二十条第（一）项', '规章'],
    ['第二十条第（五）项', '行政许可'],
    ['第二十条第（六）项', '行政处罚'],
    ['第二十条第（八）项', '行政事业性收费'],
  ];
  const heads = '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>';
  const table =
    '<table widths="45 37 37 37">' +
    `<tr><td colspan="4">${bands[0][0]}</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>` +
    `<tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr><tr><td>行政规范性文件</td><td>4</td><td>5</td><td>6</td></tr>` +
    `<tr><td colspan="4">${bands[1][0]}</td></tr>${heads}<tr><td>行政许可</td><td colspan="3">7</td></tr>` +
    `<tr><td colspan="4">${bands[2][0]}</td></tr>${heads}<tr><td>行政处罚</td><td colspan="3">8</td></tr><tr><td>行政强制</td><td colspan="3">9</td></tr>` +
    `<tr><td colspan="4">${bands[3][0]}</td></tr><tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td colspan="3">10</td></tr>` +
    '</table>';

  test('wherever the page breaks inside the table, no band heading or column-head row ends a page', () => {
    const pageOf = (pages: ReturnType<typeof doc>['pages'], s: string) => pages.findIndex((p) => pageText(p).includes(s));
    let breaksInside = 0;
    for (let n = 8; n <= 22; n++) {
      const r = doc([linesPara(n), ...parseBlocks(table)]);
      const first = pageOf(r.pages, bands[0][0]);
      if (pageOf(r.pages, '行政事业性收费') > first) breaksInside++;
      for (const [band, figures] of bands) {
        expect({ n, band, page: pageOf(r.pages, band) }).toEqual({ n, band, page: pageOf(r.pages, figures) });
      }
    }
    // The range of body lengths must move the break through the table, or the test proves nothing.
    expect(breaksInside).toBeGreaterThanOrEqual(4);
  });
});

import {
  chineseNumeral,
  chineseOrdinal,
  formatAmountAsEntered,
  formatChineseDate,
  paragraphsMarkup,
} from '../../src/template/format';
import { parseBlocks } from '../../src/doc/parse-markup';
import { printTree } from '../../src/doc/print-tree';

const printed = (text: string) =>
  printTree({ meta: { title: '', author: '', date: '', language: 'zh-CN' }, blocks: parseBlocks(paragraphsMarkup(text)) })
    .split('\n')
    .slice(1, -1);

describe('Chinese numerals', () => {
  test('一 to 二十 and beyond', () => {
    const expected = '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十'.split(' ');
    expect(expected.map((_, i) => chineseNumeral(i + 1))).toEqual(expected);
    expect([21, 30, 99, 100, 101, 110, 999, 1000, 1005].map(chineseNumeral)).toEqual([
      '二十一', '三十', '九十九', '一百', '一百零一', '一百一十', '九百九十九', '一千', '一千零五',
    ]);
    expect(chineseNumeral(0)).toBe('0');
  });
  test('ordinals', () => {
    expect([1, 2, 10, 11, 20].map(chineseOrdinal)).toEqual(['（一）', '（二）', '（十）', '（十一）', '（二十）']);
  });
});

test('dates have no zero padding', () => {
  expect(formatChineseDate('2022-01-20')).toBe('2022年1月20日');
  expect(formatChineseDate('2024-1-7')).toBe('2024年1月7日');
  expect(() => formatChineseDate('2022/01/20')).toThrow(/2022-01-20/);
});

test('amounts are printed as entered', () => {
  expect(formatAmountAsEntered('1.500000')).toBe('1.500000');
  expect(formatAmountAsEntered(0.3)).toBe('0.3');
  expect(formatAmountAsEntered(0)).toBe('0');
  expect(formatAmountAsEntered(undefined)).toBe('0');
});

describe('paragraphs', () => {
  test('blank lines separate paragraphs; lines inside one are joined', () => {
    expect(printed('第一段，\n  续行。\n\n   \n第二段 Word\nfile。\n\n')).toEqual(['p: 第一段，续行。', 'p: 第二段 Word file。']);
    expect(printed('')).toEqual([]);
    expect(paragraphsMarkup(null)).toBe('');
  });
  test('typed full-width indents are dropped (the layout indents)', () => {
    expect(printed('　　开头。')).toEqual(['p: 开头。']);
  });
  test('**bold**; an unmatched ** stays', () => {
    expect(printed('一是甲。**二是**乙。三是 ** 丙')).toEqual(['p: 一是甲。**二是**乙。三是 ** 丙']);
    const md = paragraphsMarkup('**二是**乙');
    expect(md).toBe('<p><b>二是</b>乙</p>\n');
  });
  test('run-in headings: （一）…。 is level 2, 1.…。 is level 3; 一是 stays body text', () => {
    expect(printed('（一）提高认识。进一步明确。\n\n1.加强领导。有针对性。\n\n一是行政机关发文情况。\n\n（十二）主动公开')).toEqual([
      'p: ⟦2:（一）提高认识。⟧进一步明确。',
      'p: ⟦3:1.加强领导。⟧有针对性。',
      'p: 一是行政机关发文情况。',
      'p: ⟦2:（十二）主动公开⟧',
    ]);
    // a sentence, not a heading; a decimal number, not an item
    expect(printed('（一）本年度共收到申请5件，其中……。\n\n1.5万元用于……。')).toEqual([
      'p: （一）本年度共收到申请5件，其中……。',
      'p: 1.5万元用于……。',
    ]);
  });
  test('text is escaped: it cannot add markup', () => {
    expect(paragraphsMarkup('<b>x</b> & </p><page-break/>')).toBe(
      '<p>&lt;b&gt;x&lt;/b&gt; &amp; &lt;/p&gt;&lt;page-break/&gt;</p>\n',
    );
    expect(printed('**<b>**（一）<h1>。')).toEqual(['p: **<b>**（一）<h1>。']);
  });
});

import { emWidth, signatureIndents } from '../../../src/writers/docx/signature';
import { breakOpportunities } from '../../../src/layout/breaks';
import { styledPlain } from '../../../src/layout/collect';
import { shapeText } from '../../../src/layout/text';
import { balanceTitle } from '../../../src/layout/title';
import { titleLines } from '../../../src/writers/docx/title';
import { emMeasure, fontMeasure } from '../../../src/layout/text-measure';
import { GBT9704 } from '../../../src/style/settings';
import { realFonts } from '../../layout/support/real-fonts';
import { testContext } from '../../layout/support/context';
import { sampleTree } from './fixtures';
import { all, render, textOf } from './helpers';

const fonts = realFonts();
if (!fonts) throw new Error('fonts/ not found');
/** The title's Word lines, measured with the bundled faces as the pipeline measures them. */
const wordLines = (text: string) => titleLines(styledPlain(text, 'title'), GBT9704, fontMeasure(fonts, GBT9704));
/** The same by ems, as the writer does without fonts. */
const emLines = (text: string) => titleLines(styledPlain(text, 'title'), GBT9704, emMeasure(GBT9704));

describe('title', () => {
  it('keeps a title that fits on one line', () => {
    expect(wordLines('某局2021年政府信息公开工作年度报告')).toEqual(['某局2021年政府信息公开工作年度报告']);
  });

  it('breaks a long title where the PDF breaks it, from the same font metrics', () => {
    const pdfLines = (text: string) => {
      const ctx = testContext(fonts);
      const sh = shapeText(styledPlain(text, 'title'), ctx, 't');
      return balanceTitle({ text, adv: sh.adv, brk: breakOpportunities(text), spacing: 0 }, ctx.geo.width, 22).map((l) => text.slice(l.start, l.end));
    };
    for (const title of [
      '平罗县科学技术局2021年政府信息公开工作年度报告',
      '黑龙江省哈尔滨市道里区住房和城乡建设局2022年政府信息公开工作年度报告',
      '中共某某省某某市某某区委员会机构编制委员会办公室2023年政府信息公开工作年度报告',
      'ABC科技园区管理委员会WWW2021年政府信息公开工作年度报告',
    ]) {
      expect(wordLines(title)).toEqual(pdfLines(title));
    }
    expect(wordLines('平罗县科学技术局2021年政府信息公开工作年度报告')).toEqual(['平罗县科学技术局2021年', '政府信息公开工作年度报告']);
  });

  it('the writer measures with the faces it is given, not by ems (a wide Latin run moves the break)', async () => {
    // Fandol's capitals are wider than half an em: measured by ems the title would fit one line less often.
    const title = 'WWWWWWWWWW某某局2021年政府信息公开工作年度报告';
    expect(wordLines(title)).not.toEqual(emLines(title));
    const tree = { ...sampleTree(), blocks: [{ kind: 'title' as const, children: [{ kind: 'text' as const, text: title }] }] };
    const doc = (await render(tree, GBT9704, { measure: fontMeasure(fonts, GBT9704) })).part('word/document.xml');
    const p = all(/<w:p>.*?<\/w:p>/s, doc).find((x) => x.includes('<w:pStyle w:val="Title"/>')) ?? '';
    expect(p.split('<w:br/>').map(textOf)).toEqual(wordLines(title));
  });

  it('otherwise balances the lines, never splitting a number or starting a line with closing punctuation', () => {
    const title = '宁夏回族自治区石嘴山市平罗县人民政府办公室2021年度政府信息公开工作年度报告';
    const lines = emLines(title);
    expect(lines.join('')).toBe(title);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(emWidth(l)).toBeLessThanOrEqual(20);
    expect(Math.abs(emWidth(lines[0]) - emWidth(lines[1]))).toBeLessThanOrEqual(2);
    const digits = emLines('一二三四五六七八九十一二三四五六七八2021年报告');
    expect(digits.some((l) => /^\d{1,3}$|^\d{1,3}年|^[0-9]{1,3}[^0-9]/.test(l) && !l.startsWith('2021'))).toBe(false);
    expect(emLines('一二三四五六七八九十一二三四五六七八九，十一二三').every((l) => !l.startsWith('，'))).toBe(true);
  });

  it('writes the balanced lines with line breaks in one centred Title paragraph', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    const p = all(/<w:p>.*?<\/w:p>/s, doc).find((x) => x.includes('<w:pStyle w:val="Title"/>')) ?? '';
    expect(textOf(p)).toBe('平罗县科学技术局2021年政府信息公开工作年度报告');
    expect(all(/<w:br\/>/, p)).toHaveLength(1);
  });
});

describe('signature', () => {
  it('puts the agency two characters from the right and the date two characters right of its start', () => {
    // agency 11 characters; date “2022年1月17日” = 4 characters + 5 half-width digits = 6.5
    expect(signatureIndents(['平罗县科学技术局办公室', '2022年1月17日'])).toEqual([2, 4.5]);
  });

  it('sets a date longer than that two characters from the right and pushes the agency left', () => {
    expect(signatureIndents(['平罗县科学技术局', '2022年1月17日'])).toEqual([2.5, 2]);
    expect(signatureIndents(['某局', '2022年12月31日'])).toEqual([9, 2]);
  });

  it('writes right-aligned Signature paragraphs after a blank line', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    const ps = all(/<w:p>.*?<\/w:p>/s, doc).filter((x) => x.includes('<w:pStyle w:val="Signature"/>'));
    expect(ps.map(textOf)).toEqual(['平罗县科学技术局', '2022年1月17日']);
    expect(ps[0]).toMatch(/<w:spacing w:before="579"/);
    expect(ps[0]).toMatch(/<w:ind w:right="785"\/>/); // 2.5 characters of 314 twips
    expect(ps[1]).toMatch(/<w:ind w:right="628"\/>/);
  });
});

import { wordFonts } from '../../../src/style/font-roles';
import { sampleTree } from './fixtures';
import { all, render, style } from './helpers';

const OFFICIAL_FONT_NAMES = Object.fromEntries(Object.entries(wordFonts('official')).map(([r, f]) => [r, f.eastAsia]));
const BUNDLED_FONT_NAMES = Object.fromEntries(Object.entries(wordFonts('bundled')).map(([r, f]) => [r, f.eastAsia]));

const eastAsia = (xml: string): string | undefined => /w:eastAsia="([^"]+)"/.exec(xml)?.[1];

describe('fonts by role', () => {
  it('names the official faces in the styles of each role', async () => {
    const styles = (await render(sampleTree())).part('word/styles.xml');
    expect(eastAsia(/<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)?.[0] ?? '')).toBe('仿宋_GB2312');
    expect(eastAsia(style(styles, 'Title'))).toBe('方正小标宋简体');
    expect(style(styles, 'Title')).toMatch(/<w:jc w:val="center"\/>/);
    expect(style(styles, 'Title')).toMatch(/<w:sz w:val="44"\/>/);
    expect(eastAsia(style(styles, 'Normal'))).toBe('仿宋_GB2312');
    expect(eastAsia(style(styles, 'Heading1'))).toBe('黑体');
    expect(eastAsia(style(styles, 'Heading2'))).toBe('楷体_GB2312');
    expect(eastAsia(style(styles, 'Heading3'))).toBe('仿宋_GB2312');
    expect(style(styles, 'Heading3')).toMatch(/<w:b\/>/);
    expect(style(styles, 'Heading1')).not.toMatch(/<w:b\/>/);
    expect(eastAsia(style(styles, 'TableText'))).toBe('仿宋_GB2312');
    expect(style(styles, 'TableText')).toMatch(/<w:sz w:val="24"\/>/);
    expect(style(styles, 'TableText')).toMatch(/<w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="exact"\/>/);
    expect(eastAsia(style(styles, 'Footer'))).toBe('宋体');
    expect(style(styles, 'Footer')).toMatch(/<w:sz w:val="28"\/>/);
    expect(all(/<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/, styles).length).toBeGreaterThanOrEqual(8);
  });

  it('gives every run its role’s East Asian font and zh-CN', async () => {
    const pkg = await render(sampleTree());
    for (const part of ['word/document.xml', 'word/footer1.xml', 'word/footer2.xml']) {
      const runs = all(/<w:r>.*?<\/w:r>/s, pkg.part(part));
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) {
        expect(r).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"[^>]*w:hint="eastAsia"\/>/);
        expect(r).toMatch(/<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
      }
    }
    const doc = pkg.part('word/document.xml');
    const runWith = (text: string): string => all(/<w:r>.*?<\/w:r>/s, doc).find((r) => r.includes(`>${text}<`)) ?? '';
    expect(eastAsia(runWith('平罗县科学技术局2021年'))).toBe('方正小标宋简体');
    expect(eastAsia(runWith('一、总体情况'))).toBe('黑体');
    expect(eastAsia(runWith('（二）依申请公开情况'))).toBe('楷体_GB2312');
    expect(eastAsia(runWith('申请人情况'))).toBe('仿宋_GB2312');
    // digits and Latin in the role's own face by default
    expect(runWith('一、总体情况')).toMatch(/w:ascii="黑体" w:hAnsi="黑体"/);
  });

  it('sets run-in headings in the heading’s face and strong text bold', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    const runs = all(/<w:r>.*?<\/w:r>/s, doc);
    const runIn2 = runs.find((r) => r.includes('（一）主动公开情况。')) ?? '';
    expect(eastAsia(runIn2)).toBe('楷体_GB2312');
    expect(runIn2).toContain('<w:rStyle w:val="RunInHeading2"/>');
    const runIn3 = runs.find((r) => r.includes('1.加强领导。')) ?? '';
    expect(eastAsia(runIn3)).toBe('仿宋_GB2312');
    expect(runIn3).toMatch(/<w:b\/>/);
    const strong = runs.find((r) => r.includes('>128条<')) ?? '';
    expect(strong).toMatch(/<w:b\/>/);
    expect(eastAsia(strong)).toBe('仿宋_GB2312');
    const after = runs.find((r) => r.includes('成立工作领导小组')) ?? '';
    expect(after).not.toMatch(/<w:b\/>/);
  });

  it('names the bundled Fandol faces with --font-profile bundled', async () => {
    const pkg = await render(sampleTree(), undefined, { fontProfile: 'bundled' });
    const styles = pkg.part('word/styles.xml');
    expect(eastAsia(style(styles, 'Title'))).toBe(BUNDLED_FONT_NAMES.title);
    expect(eastAsia(style(styles, 'Normal'))).toBe('FandolFang');
    expect(eastAsia(style(styles, 'Heading1'))).toBe('FandolHei');
    expect(eastAsia(style(styles, 'Heading2'))).toBe('FandolKai');
    const all3 = pkg.part('word/document.xml') + styles + pkg.part('word/fontTable.xml');
    for (const name of Object.values(OFFICIAL_FONT_NAMES)) expect(all3).not.toContain(name);
  });

  it('puts digits and Latin in Times New Roman when asked', async () => {
    const pkg = await render(sampleTree(), undefined, { latinFont: 'Times New Roman' });
    const styles = pkg.part('word/styles.xml');
    expect(style(styles, 'Normal')).toMatch(/w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/);
    expect(style(styles, 'Heading1')).toMatch(/w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/);
    expect(pkg.part('word/fontTable.xml')).toContain('w:name="Times New Roman"');
  });

  it('lists every face in the font table with the GB2312 character set', async () => {
    const fonts = (await render(sampleTree())).part('word/fontTable.xml');
    for (const name of new Set(Object.values(OFFICIAL_FONT_NAMES))) {
      expect(fonts).toMatch(new RegExp(`<w:font w:name="${name}">.*?<w:charset w:val="86"/>`));
    }
  });
});

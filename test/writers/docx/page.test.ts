import { GBT9704, type StyleSettings } from '../../../src/style/settings';
import { sampleTree } from './fixtures';
import { render } from './helpers';

describe('page setup', () => {
  it('writes A4, the GB/T 9704 margins and the 22 × 28 document grid', async () => {
    const doc = (await render(sampleTree())).part('word/document.xml');
    const sect = /<w:sectPr>.*<\/w:sectPr>/s.exec(doc)?.[0] ?? '';
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"\/>/);
    expect(sect).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(sect).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"\/>/);
  });

  it('takes every value from the style settings', async () => {
    const variant: StyleSettings = {
      ...GBT9704,
      margins: { topMm: 30, bottomMm: 30, leftMm: 25, rightMm: 25 },
      linePitchPt: 28,
    };
    const doc = (await render(sampleTree(), variant)).part('word/document.xml');
    expect(doc).toMatch(/<w:pgMar w:top="1701" w:right="1417" w:bottom="1701" w:left="1417"/);
    expect(doc).toMatch(/w:linePitch="560"/);
    const styles = (await render(sampleTree(), variant)).part('word/styles.xml');
    expect(styles).toMatch(/w:line="560" w:lineRule="exact"/);
  });

  it('sets body text in exact 579-twip lines, first line indented two characters', async () => {
    const styles = (await render(sampleTree())).part('word/styles.xml');
    const normal = /<w:style [^>]*w:styleId="Normal".*?<\/w:style>/s.exec(styles)?.[0] ?? '';
    expect(normal).toContain('w:default="1"');
    expect(normal).toMatch(/<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"\/>/);
    expect(normal).toMatch(/<w:ind w:firstLine="628" w:firstLineChars="200"\/>/);
    expect(normal).toMatch(/<w:sz w:val="32"\/>/);
    // 28 characters of 16 pt on a 156 mm line: −0.3 pt character spacing
    expect(normal).toMatch(/<w:spacing w:val="-6"\/>/);
  });
});

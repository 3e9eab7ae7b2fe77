import { sampleTree } from './fixtures';
import { render } from './helpers';

describe('page numbers', () => {
  it('writes “— N —” footers with the PAGE field, odd right and even left, and enables even pages', async () => {
    const pkg = await render(sampleTree());
    const doc = pkg.part('word/document.xml');
    const rels = pkg.part('word/_rels/document.xml.rels');
    const ref = (type: string): string => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(doc)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
      return `word/${target?.[1] ?? target?.[2]}`;
    };
    const odd = pkg.part(ref('default'));
    const even = pkg.part(ref('even'));
    for (const f of [odd, even]) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(f).toContain('— </w:t>');
      expect(f).toContain(' —</w:t>');
      expect(f).toContain('<w:pStyle w:val="Footer"/>');
    }
    expect(odd).toMatch(/<w:ind w:right="314"\/>/);
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toMatch(/<w:ind w:left="314"\/>/);
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(pkg.part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });
});

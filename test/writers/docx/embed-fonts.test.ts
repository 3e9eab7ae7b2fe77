import JSZip from 'jszip';
import { GBT9704 } from '../../../src/style/settings';
import { writeDocx } from '../../../src/writers/docx';
import { obfuscateFont } from '../../../src/writers/docx/embed-fonts';
import { exampleTree } from './example';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit');

describe('embedded fonts (bundled profile)', () => {
  it('obfuscates the first 32 bytes with the key bytes in reverse order, and undoes itself', () => {
    const key = '{00010203-0405-0607-0809-0A0B0C0D0E0F}';
    const data = new Uint8Array(40);
    const out = obfuscateFont(data, key);
    expect([...out.subarray(0, 16)]).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect([...out.subarray(16, 32)]).toEqual([...out.subarray(0, 16)]);
    expect([...out.subarray(32)]).toEqual(new Array(8).fill(0));
    expect(obfuscateFont(out, key)).toEqual(data);
    expect(() => obfuscateFont(data, '{not-a-guid}')).toThrow(/字体密钥/);
  });

  it('embeds a subset of each Fandol face the document uses, with the glyphs its runs show', async () => {
    const zip = await JSZip.loadAsync(await writeDocx(exampleTree(), GBT9704, { fontProfile: 'bundled' }));
    const table = await zip.file('word/fontTable.xml')!.async('string');
    const rels = await zip.file('word/_rels/fontTable.xml.rels')!.async('string');
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:embedTrueTypeFonts/><w:saveSubsetFonts/>');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"');
    const embeds = [...table.matchAll(/<w:font w:name="([^"]+)">.*?<\/w:font>/g)].flatMap(([font, family]) =>
      [...font.matchAll(/<w:embed(Regular|Bold) r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})" w:subsetted="1"\/>/g)].map(([, style, id, key]) => ({ family, style, id, key })),
    );
    expect(embeds.map((e) => `${e.family} ${e.style}`).sort()).toEqual(['FandolFang Regular', 'FandolHei Regular', 'FandolKai Regular', 'FandolSong Bold', 'FandolSong Regular']);
    const glyphsOf = async (family: string, style: string) => {
      const e = embeds.find((x) => x.family === family && x.style === style)!;
      const target = new RegExp(`Id="${e.id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      const font = fontkit.create(Buffer.from(obfuscateFont(await zip.file(`word/${target}`)!.async('uint8array'), e.key)));
      return (text: string) => [...text].every((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id !== 0);
    };
    expect((await glyphsOf('FandolHei', 'Regular'))('一、总体情况')).toBe(true);
    expect((await glyphsOf('FandolKai', 'Regular'))('（一）主动公开')).toBe(true);
    expect((await glyphsOf('FandolSong', 'Bold'))('平罗县科学技术局')).toBe(true);
    // A reader that ignores the bold face still finds the title's glyphs in the regular one.
    expect((await glyphsOf('FandolSong', 'Regular'))('平罗县科学技术局— 7 —')).toBe(true);
    expect((await glyphsOf('FandolFang', 'Regular'))('联系方式6663655')).toBe(true);
    // Each face holds what its runs show, not the whole document.
    expect((await glyphsOf('FandolHei', 'Regular'))('联系方式')).toBe(false);
  });

  it('embeds nothing with the official profile (their licences do not allow it; government PCs have them)', async () => {
    const zip = await JSZip.loadAsync(await writeDocx(exampleTree(), GBT9704));
    expect(Object.keys(zip.files).filter((f) => f.includes('odttf') || f.includes('fontTable.xml.rels'))).toEqual([]);
    expect(await zip.file('word/settings.xml')!.async('string')).not.toContain('embedTrueTypeFonts');
  });
});

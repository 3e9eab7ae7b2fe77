/** The zip writer: entries read back as written, and the same entries give the same bytes however many were written before. */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { zip, type ZipEntry } from '../../src/util/zip-writer';

const WHEN = { time: 0, date: (42 << 9) | (1 << 5) | 1 };

describe('zip writer', () => {
  test('a part it has compressed before gives the same bytes as the first time, and reads back', async () => {
    const styles = '<?xml version="1.0"?><w:styles>' + '<w:style w:styleId="正文"/>'.repeat(200) + '</w:styles>';
    const entries = (body: string): ZipEntry[] => [
      { path: 'word/styles.xml', data: styles },
      { path: 'word/document.xml', data: `<w:document>${body}</w:document>` },
      { path: 'media/a.bin', data: new Uint8Array([1, 2, 3, 4]) },
    ];
    const first = zip(entries('甲'), WHEN);
    // Other documents in between: the styles part is now remembered, compressed.
    for (let i = 0; i < 100; i++) zip([...entries(`第${i}份`), { path: `x${i}.xml`, data: `<x>${i}</x>` }], WHEN);
    const again = zip(entries('甲'), WHEN);
    expect(Buffer.compare(again, first)).toBe(0);
    const read = await JSZip.loadAsync(again);
    expect(await read.file('word/styles.xml')!.async('string')).toBe(styles);
    expect(await read.file('word/document.xml')!.async('string')).toBe('<w:document>甲</w:document>');
    // The level is part of what is remembered: each zip holds its own level's compression of the part.
    const packedAt = (z: Uint8Array, level: number) => {
      const packed = deflateRawSync(Buffer.from(styles), { level, memLevel: 8 });
      return Buffer.compare(Buffer.from(z.subarray(30 + 'word/styles.xml'.length, 30 + 'word/styles.xml'.length + packed.length)), packed);
    };
    expect(packedAt(again, 6)).toBe(0);
    expect(packedAt(zip(entries('甲'), WHEN, { level: 9 }), 9)).toBe(0);
  });
});

import { emitLine } from '../../src/layout/emit';
import type { TextItem } from '../../src/layout/frames';
import { testContext } from './support/context';
import { fakeFace, fakeFonts } from './support/fake-fonts';
import { setBody } from './support/set';

describe('emit', () => {
  test('a line mixing faces becomes one item per face run at exact x positions, all with the line spacing', () => {
    const ctx = testContext(fakeFonts('abc', fakeFace('latin')));
    const text = '甲乙abc丙丁'.repeat(6);
    const { lines, sh, spacing } = setBody(text, { ctx });
    const l = lines[0];
    const items: TextItem[] = [];
    emitLine(sh.text, sh.runs, sh.adv, spacing, l, 100, 200, items);
    expect(items.map((i) => i.face)).toEqual(['fake-body', 'latin', 'fake-body', 'latin', 'fake-body', 'latin', 'fake-body', 'latin', 'fake-body', 'latin', 'fake-body']);
    expect(items.map((i) => i.text).join('')).toBe(text.slice(l.start, l.end));
    const cs = spacing + l.extra;
    let x = 100 + l.x;
    for (const it of items) {
      expect(it.x).toBeCloseTo(x, 9);
      expect(it.charSpacing).toBeCloseTo(cs, 12);
      expect(it.y).toBe(200);
      for (const ch of it.text) x += (ch.codePointAt(0)! >= 0x2000 ? 16 : 8) + cs;
    }
  });

  test('a surrogate pair is emitted whole and measured once', () => {
    const ctx = testContext(fakeFonts('𠀀', fakeFace('ext-b')));
    const { lines, sh, spacing } = setBody('甲𠀀乙', { ctx, align: 'left' });
    const items: TextItem[] = [];
    emitLine(sh.text, sh.runs, sh.adv, spacing, lines[0], 0, 0, items);
    expect(items.map((i) => [i.face, i.text])).toEqual([
      ['fake-body', '甲'],
      ['ext-b', '𠀀'],
      ['fake-body', '乙'],
    ]);
    expect(items[2].x).toBeCloseTo(2 * (16 + spacing), 9);
  });
});

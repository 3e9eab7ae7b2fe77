import { styledPlain } from '../../src/layout/collect';
import type { LayoutDiagnostic } from '../../src/layout/diagnostics';
import { whereOf } from '../../src/layout/diagnostics';
import { itemize } from '../../src/layout/itemize';
import { measure } from '../../src/layout/measure';
import { GBT9704 } from '../../src/style/settings';
import { fakeFace, fakeFonts } from './support/fake-fonts';

describe('itemize by font coverage', () => {
  test('the first face of the chain that has the character wins, runs split where faces change', () => {
    const fallback = fakeFace('fallback');
    const fonts = fakeFonts('𠀀A', fallback);
    const diags: LayoutDiagnostic[] = [];
    const st = styledPlain('甲𠀀𠀀乙A', 'body');
    const runs = itemize(st, fonts, GBT9704, 'x', diags);
    expect(runs.map((r) => [r.start, r.end, r.face.id])).toEqual([
      [0, 1, 'fake-body'],
      [1, 5, 'fallback'], // a surrogate pair is one character: both halves in the same run
      [5, 6, 'fake-body'],
      [6, 7, 'fallback'],
    ]);
    expect(diags).toEqual([]);
  });

  test('a character no face has is an F-MISSING warning naming it, its code point and the place', () => {
    const fonts = fakeFonts('𠀀');
    const diags: LayoutDiagnostic[] = [];
    const text = '我局按照《自治区人民政府政务公开办公室》𠀀和𠀀';
    const where = whereOf('正文', text);
    const runs = itemize(styledPlain(text, 'body'), fonts, GBT9704, where, diags);
    expect(diags).toHaveLength(1); // reported once per block even when repeated
    expect(diags[0]).toMatchObject({ severity: 'warning', code: 'F-MISSING', where: '正文“我局按照《自治区人民政府…”' });
    expect(diags[0].message).toContain('U+20000');
    expect(diags[0].message).toContain('“𠀀”');
    // Still drawn (from the chain's last face), never silently dropped.
    expect(runs.reduce((n, r) => n + r.end - r.start, 0)).toBe(text.length);
  });

  test('bold asked of a regular face is synthetic; a bold face is used as is', () => {
    const fonts = fakeFonts();
    fonts.heading1 = [fakeFace('FandolHei-Bold')];
    const runs = itemize({ text: '一二三', spans: [{ start: 0, end: 1, role: 'body', bold: true }, { start: 1, end: 2, role: 'heading3', bold: false }, { start: 2, end: 3, role: 'heading1', bold: true }] }, fonts, GBT9704, 'x', []);
    expect(runs.map((r) => r.fakeBold)).toEqual([true, true, false]);
  });
});

describe('measure', () => {
  test('advances in points per UTF-16 offset; the low surrogate and a forced break measure 0', () => {
    const st = styledPlain('甲a𠀀', 'body');
    st.text += '\n';
    st.spans[0].end = st.text.length;
    const runs = itemize(st, fakeFonts(), GBT9704, 'x', []);
    expect(Array.from(measure(st.text, runs))).toEqual([16, 8, 16, 0, 0]);
  });
});

import fc from 'fast-check';
import { countChars, EPS } from '../../src/layout/lines';
import { NO_END, NO_START } from '../../src/layout/kinsoku';
import { testContext } from './support/context';
import { setBody } from './support/set';
import { fuzzParams } from '../support/fuzz';

const HAN = '我局按照自治区人民政府政务公开办公室关于做好年政府信息公开工作年度报告的通知精神和要求有计划有步骤地开展';
const PITCH = testContext().geo.charPitch;
const han = (n: number) => Array.from({ length: n }, (_, i) => HAN[i % HAN.length]).join('');

describe('lines on the 28-character grid', () => {
  test('a full line holds 28 ideographs at 15.793 pt pitch; the indented first line 26', () => {
    const { lines, ctx, spacing } = setBody(han(26 + 28 + 28 + 5), { indent: 2 * PITCH });
    expect(lines.map((l) => countChars(l.text, 0, l.text.length))).toEqual([26, 28, 28, 5]);
    expect(spacing).toBeCloseTo(-0.207, 3);
    expect(ctx.geo.charPitch).toBeCloseTo(15.793, 3);
    // Full grid lines need no justification: spacing stays the grid's −0.207.
    expect(lines[1].extra).toBeCloseTo(0, 9);
  });

  test('push-out: a closing mark never starts a line; the character before it moves down and the line is justified', () => {
    const { lines, width, ctx } = setBody(han(28) + '。后文');
    expect(lines[0].text).toBe(han(27));
    expect(lines[1].text).toBe(han(28).slice(27) + '。后文');
    // 27 cells stretched over 26 gaps to end exactly at the right edge.
    expect(lines[0].x + lines[0].width + 26 * lines[0].extra).toBeCloseTo(width, 9);
    expect(lines[0].extra).toBeCloseTo(ctx.geo.charPitch / 26, 9);
  });

  test('an opening mark never ends a line', () => {
    const { lines } = setBody(han(27) + '《条例》');
    expect(lines[0].text).toBe(han(27));
    expect(lines[1].text.startsWith('《')).toBe(true);
  });

  test('—— and …… are never split, digits never split', () => {
    for (const tail of ['——', '……']) {
      const { lines } = setBody(han(27) + tail + '好');
      expect(lines[0].text).toBe(han(26));
      expect(lines[1].text).toBe(han(27).slice(26) + tail + '好');
    }
    const { lines } = setBody(han(26) + '2021年');
    expect(lines[0].text).toBe(han(26));
    expect(lines[1].text).toBe('2021年');
  });

  test('justified lines end exactly at the right edge; the last line and lines before a forced break are not justified', () => {
    const { lines, width } = setBody(han(20) + 'Latin words 12345 混排' + han(40) + '\n' + han(3) + han(40));
    for (const l of lines) {
      const n = countChars(l.text, 0, l.text.length);
      if (l.last) expect(l.extra).toBe(0);
      else expect(l.x + l.width + (n - 1) * l.extra).toBeCloseTo(width, 9);
    }
    expect(lines.filter((l) => l.last)).toHaveLength(2);
  });

  test('centre and right alignment', () => {
    const c = setBody('甲乙', { align: 'center', width: 100 });
    expect(c.lines[0].x).toBeCloseTo((100 - c.lines[0].width) / 2, 9);
    const r = setBody('甲乙', { align: 'right', width: 100 });
    expect(r.lines[0].x + r.lines[0].width).toBeCloseTo(100, 9);
  });

  test('an unbreakable segment wider than the line is broken between characters, with a warning', () => {
    const { lines, ctx, width } = setBody('http://example.gov.cn/' + 'a'.repeat(80), { width: 100 });
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + EPS);
    expect(ctx.diags.map((d) => d.code)).toEqual(['L-OVERFULL']);
  });

  test('trailing spaces do not count and are not drawn', () => {
    const { lines } = setBody('ab cd ef', { width: 3 * 8 + 0.1 });
    expect(lines.map((l) => l.text)).toEqual(['ab', 'cd', 'ef']);
  });

  const chars = [...HAN, ...'，。、；：？！）》」』”’…—%（《「“‘0123456789ab '];
  const para = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 400 }).map((a) => a.join(''));

  test('property: lines never exceed the width; no line starts with a closing mark or ends with an opening one; digits whole', () => {
    fc.assert(
      fc.property(para, fc.integer({ min: 4, max: 28 }), (text, cells) => {
        const { lines, width } = setBody(text, { width: cells * PITCH, indent: 0 });
        for (let k = 0; k < lines.length; k++) {
          const l = lines[k];
          if (l.overfull) continue;
          if (l.width > width + EPS) return false;
          // (A line after an overfull one may start anywhere: the cut was forced.)
          if (l.start > 0 && !lines[k - 1].overfull && NO_START.includes(text[l.start])) return false;
          if (!l.last && l.end > l.start && NO_END.includes(text[l.end - 1])) return false;
          if (l.start > 0 && !lines[k - 1].overfull && /[0-9]/.test(text[l.start]) && /[0-9]/.test(text[l.start - 1])) return false;
          if (l.x + l.width + (l.last ? 0 : (countChars(text, l.start, l.end) - 1) * l.extra) > width + 1e-6) return false;
        }
        // Every character lands on exactly one line, in order.
        return lines.map((l) => text.slice(l.start, l.next)).join('') === text;
      }),
      fuzzParams(500),
    );
  });
});

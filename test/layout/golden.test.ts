import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Inline } from '../../src/doc/tree';
import { layoutDocument } from '../../src/layout';
import { pageGeometry } from '../../src/layout/geometry';
import { NO_END, NO_START } from '../../src/layout/kinsoku';
import { GBT9704 } from '../../src/style/settings';
import { dumpLayout } from './support/dump';
import { texts } from './support/frames';
import { realFonts } from './support/real-fonts';
import { para, sampleReport } from './support/sample-report';

const fonts = realFonts();
const GOLDEN = path.join(__dirname, 'golden', 'sample-report.layout.txt');

// Needs the bundled fonts (fonts/*.ttf, loaded by src/fonts).
(fonts ? describe : describe.skip)('sample report with the bundled fonts', () => {
  const tree = sampleReport();
  const result = layoutDocument(tree, GBT9704, fonts!);
  const geo = pageGeometry(GBT9704);

  test('layout golden (UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = dumpLayout(result.pages);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, text);
    expect(text).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  test('no diagnostics; every character of the text is laid out exactly once, in reading order', () => {
    expect(result.diagnostics).toEqual([]);
    const flat = (xs: Inline[]): string => xs.map((x) => (x.kind === 'text' || x.kind === 'runIn' ? x.text : x.kind === 'strong' ? flat(x.children) : '')).join('');
    const source = tree.blocks
      .map((b) => (b.kind === 'signature' ? b.lines.join('') : b.kind === 'table' || b.kind === 'pageBreak' ? '' : flat(b.children)))
      .join('');
    const laid = result.pages.flatMap((p) => texts(p).filter((t) => t.size !== 12 && t.size !== 14).map((t) => t.text)).join('');
    expect(laid).toBe(source);
  });

  test('invariants: ≤ 22 body lines per page on the grid, no line starts with a closing mark or ends with an opening one', () => {
    for (const page of result.pages) {
      const body = texts(page).filter((t) => t.size === 16);
      const rows = new Map<number, string>();
      for (const t of body.sort((a, b) => a.x - b.x)) rows.set(t.y, (rows.get(t.y) ?? '') + t.text);
      expect(rows.size).toBeLessThanOrEqual(22);
      for (const [y, line] of rows) {
        const k = (y - geo.top - geo.baselineOffset) / geo.linePitch;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
        expect(NO_START.includes(line[0])).toBe(false);
        expect(NO_END.includes(line[line.length - 1])).toBe(false);
      }
    }
  });

  test('a character no bundled font has is reported with its code point and place', () => {
    const r = layoutDocument({ ...tree, blocks: [para('陕西𰻞𰻞面馆的招牌。')] }, GBT9704, fonts!);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'F-MISSING', severity: 'warning', where: '正文“陕西𰻞𰻞面馆的招牌。”' });
    expect(r.diagnostics[0].message).toContain('U+30EDE');
  });
});

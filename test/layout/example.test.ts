import * as path from 'node:path';
import { layoutDocument } from '../../src/layout';
import { pageGeometry } from '../../src/layout/geometry';
import { NO_START } from '../../src/layout/kinsoku';
import { checkReportFile } from '../../src/pipeline/check-report';
import { GBT9704 } from '../../src/style/settings';
import { buildDocTree } from '../../src/template/build-doc-tree';
import { pageText, rules, texts } from './support/frames';
import { realFonts } from './support/real-fonts';

const fonts = realFonts();
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'pingluo-kejiju-2021.yaml');

// The shipped example through the real template and the bundled fonts.
(fonts ? describe : describe.skip)('example report laid out end to end', () => {
  const checked = checkReportFile(EXAMPLE);
  const { tree } = buildDocTree(checked.report!);
  const result = layoutDocument(tree, GBT9704, fonts!);
  const geo = pageGeometry(GBT9704);
  const bottom = geo.top + geo.height;

  test('no layout diagnostics; every page numbered', () => {
    expect(result.diagnostics).toEqual([]);
    result.pages.forEach((p, i) => expect(texts(p).filter((t) => t.size === 14).map((t) => t.text).join('')).toBe(`— ${i + 1} —`));
  });

  test('all 200 table numbers are drawn, nothing below the type area', () => {
    const zeros = result.pages.flatMap((p) => texts(p).filter((t) => t.size === 12 && /^\d+(\.\d+)?$/.test(t.text)));
    expect(zeros).toHaveLength(10 + 175 + 15);
    for (const p of result.pages) {
      for (const t of texts(p)) if (t.size !== 14) expect(t.y).toBeLessThan(bottom);
      for (const l of rules(p)) expect(Math.max(l.y1, l.y2)).toBeLessThanOrEqual(bottom + 1e-9);
    }
  });

  test('table 三 continues with its header rows and the 三、本年度办理结果 label on every page it crosses', () => {
    const pages = result.pages.filter((p) => pageText(p).includes('法人或其他组织'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) {
      expect(pageText(p)).toContain('申请人情况');
      expect(pageText(p)).toContain('三、本年度办理结果');
    }
  });

  test('body lines sit on the grid, at most 22 a page, none starting with a closing mark', () => {
    for (const p of result.pages) {
      const rows = new Map<number, string>();
      for (const t of texts(p).filter((t) => t.size === 16).sort((a, b) => a.x - b.x)) rows.set(t.y, (rows.get(t.y) ?? '') + t.text);
      expect(rows.size).toBeLessThanOrEqual(22);
      for (const [y, line] of rows) {
        const k = (y - geo.top - geo.baselineOffset) / geo.linePitch;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
        expect(NO_START.includes(line[0])).toBe(false);
      }
    }
  });
});

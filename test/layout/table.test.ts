import { layoutDocument } from '../../src/layout';
import type { Block, TableNode } from '../../src/doc/tree';
import { flattenItems, type FrameItem, type LineItem } from '../../src/layout/frames';
import { drawFragment } from '../../src/layout/table-fragment';
import { layoutTable } from '../../src/layout/table';
import { GBT9704 } from '../../src/style/settings';
import { testContext } from './support/context';
import { fakeFonts } from './support/fake-fonts';
import { pageText, rules, texts } from './support/frames';
import { cell, para, row, T3_GROUPS, table2, table3, table4 } from './support/sample-report';

const doc = (blocks: Block[]) => layoutDocument({ meta: { title: 't', author: 'a', date: '2022-01-01', language: 'zh-CN' }, blocks }, GBT9704, fakeFonts());
const HAN = '为规范我局政府信息公开工作保障公民法人和其他组织依法获取政府信息提高工作透明度促进依法行政';
const han = (n: number) => Array.from({ length: n }, (_, i) => HAN[i % HAN.length]).join('');
/** A paragraph taking exactly `n` grid lines (first line indented 2 characters). */
const linesPara = (n: number): Block => para(han(26 + 28 * (n - 1)));

describe('table layout', () => {
  test('cells are placed on the grid as in HTML: spans reserve slots in the rows below', () => {
    const t = layoutTable(table3(), 1, testContext());
    expect(t.cols).toBe(10);
    expect(t.rows).toBe(28);
    expect(t.headerRows).toBe(3);
    const at = (r: number, c: number) => t.cells[t.owner[r * 10 + c]];
    expect(at(2, 0)).toBe(at(0, 0)); // （本列数据…） rs=3 cs=3
    expect(at(2, 3)).toBe(at(1, 3)); // 自然人 rs=2
    expect(at(2, 4).col).toBe(4); // 商业企业 placed after the span
    expect(at(26, 0)).toBe(at(5, 0)); // 三、本年度办理结果 spans rows 6–27 (22 rows)
    expect(at(5, 0).rowSpan).toBe(22);
    expect(at(14, 1)).toBe(at(7, 1)); // （三）不予公开 8 rows
    expect(Array.from(t.owner).includes(-1)).toBe(false);
  });

  test('column widths are the relative widths scaled to the 156 mm type area', () => {
    const ctx = testContext();
    const t = layoutTable(table2(), 1, ctx);
    expect(t.colX[0]).toBeCloseTo(ctx.geo.left, 9);
    expect(t.colX[4] - t.colX[0]).toBeCloseTo(ctx.geo.width, 9);
    expect(t.colX[1] - t.colX[0]).toBeCloseTo((3 / 9) * ctx.geo.width, 9);
  });

  test('a row is as tall as its tallest cell; a row-spanned cell that needs more grows its last row', () => {
    const ctx = testContext();
    const tall: TableNode = {
      kind: 'table',
      widths: [1, 1],
      rows: [row([cell('甲乙丙丁戊己庚辛壬癸'.repeat(6), 2), cell('一')]), row([cell('二')]), row([cell('三'), cell('四')])],
    };
    const t = layoutTable(tall, 1, ctx);
    const lineH = 1.25 * 12;
    const one = lineH + 6;
    const spanned = t.cells[0];
    expect(spanned.needed).toBeGreaterThan(2 * one);
    expect(t.rowH[0]).toBeCloseTo(one, 9);
    expect(t.rowH[1]).toBeCloseTo(spanned.needed - one, 9);
    expect(t.rowH[2]).toBeCloseTo(one, 9);
  });

  test('borders: every edge between different cells and around the table, none inside a merged cell, none drawn twice', () => {
    const ctx = testContext();
    const t = layoutTable(table2(), 1, ctx);
    const out: FrameItem[] = [];
    drawFragment(t, 0, t.rows, 100, out);
    // The borders are one layout artifact, not content.
    const borders = out.filter((i) => i.kind === 'group' && i.artifact === 'Layout');
    expect(borders).toHaveLength(1);
    const lines = flattenItems(out).filter((i): i is LineItem => i.kind === 'line');
    // 15 horizontal rules (one per row boundary); vertical: outer 2 + inner segments.
    const hor = lines.filter((l) => l.y1 === l.y2);
    const ver = lines.filter((l) => l.x1 === l.x2);
    expect(hor).toHaveLength(15);
    // No vertical rule crosses a full-width group row (第二十条第（一）项 etc.).
    const groupRows = [0, 4, 7, 11].map((r) => [100 + t.rowY[r], 100 + t.rowY[r + 1]]);
    for (const v of ver.filter((v) => v.x1 > t.colX[0] + 1 && v.x1 < t.colX[4] - 1)) {
      for (const [a, b] of groupRows) expect(v.y2 <= a + 1e-9 || v.y1 >= b - 1e-9).toBe(true);
    }
    // Collinear rules never overlap.
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const p = lines[i];
        const q = lines[j];
        if (p.y1 === p.y2 && q.y1 === q.y2 && p.y1 === q.y1) expect(Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1)).toBeLessThanOrEqual(t.borderWidth + 1e-9);
        if (p.x1 === p.x2 && q.x1 === q.x2 && p.x1 === q.x1) expect(Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1)).toBeLessThanOrEqual(1e-9);
      }
    expect(lines.every((l) => l.width === GBT9704.tableBorderPt)).toBe(true);
  });

  test('cell text is centred vertically and horizontally by default', () => {
    const ctx = testContext();
    const t = layoutTable(table4(), 1, ctx);
    const out: LineItem[] = [];
    drawFragment(t, 3, 4, 0, out as never);
    const zero = texts({ width: 0, height: 0, items: out as never }).filter((i) => i.text === '0')[0];
    const rowTop = t.rowY[3];
    const rowMid = rowTop + t.rowH[3] / 2;
    expect(zero.y - 0.38 * 12).toBeCloseTo(rowMid, 9); // em-box centre on the row's middle
    expect(zero.x + 3).toBeCloseTo((t.colX[0] + t.colX[1]) / 2, 9);
  });
});

describe('tables across pages', () => {
  test('table 三 split inside its 22-row span: header repeated, label on every page, rows never split, nothing below the type area', () => {
    const r = doc([linesPara(4), { kind: 'heading', level: 1, children: [{ kind: 'text', text: '三、收到和处理政府信息公开申请情况' }] }, table3()]);
    expect(r.pages.length).toBeGreaterThanOrEqual(2);
    const geo = testContext().geo;
    const bottom = geo.top + geo.height;
    const outcomes = ['（一）予以公开', ...T3_GROUPS.flatMap(([, items]) => items), '（七）总计'];
    let withOutcomes = 0;
    for (const p of r.pages) {
      const text = pageText(p);
      expect(text).toContain('申请人情况');
      if (outcomes.some((o) => text.includes(o))) {
        withOutcomes++;
        expect(text).toContain('三、本年度办理结果');
      }
      for (const l of rules(p)) expect(Math.max(l.y1, l.y2)).toBeLessThanOrEqual(bottom + 1e-9);
      for (const t of texts(p)) if (t.size === 12) expect(t.y).toBeLessThan(bottom);
    }
    expect(withOutcomes).toBeGreaterThanOrEqual(2);
    // Every data row is on exactly one page (its label appears once over all pages).
    const all = r.pages.map(pageText).join('');
    for (const label of ['一、本年新收政府信息公开申请数量', '1.属于国家秘密', '8.属于行政查询事项', '3.其他', '（七）总计', '四、结转下年度继续办理']) expect(all.split(label).length).toBe(2);
    expect(r.diagnostics).toEqual([]);
  });

  test('rows never split: each page fragment is closed by full-width rules and holds all its text', () => {
    for (let n = 1; n < 22; n += 4) {
      const r = doc([linesPara(n), table3()]);
      for (const p of r.pages) {
        const hor = rules(p).filter((l) => l.y1 === l.y2);
        const ys = [...new Set(hor.map((l) => l.y1))].sort((a, b) => a - b);
        const tableLeft = Math.min(...hor.map((l) => l.x1));
        const tableRight = Math.max(...hor.map((l) => l.x2));
        // Top and bottom rules of each fragment span the whole table width.
        for (const y of [ys[0], ys[ys.length - 1]]) {
          const full = hor.filter((l) => l.y1 === y);
          expect(Math.min(...full.map((l) => l.x1))).toBeCloseTo(tableLeft, 9);
          expect(Math.max(...full.map((l) => l.x2))).toBeCloseTo(tableRight, 9);
        }
        // No table text outside the fragment.
        for (const t of texts(p)) if (t.size === 12) expect(t.y > ys[0] && t.y < ys[ys.length - 1]).toBe(true);
      }
    }
  });

  test('（三）不予公开 (8 rows) cut across a page keeps its label on both pages', () => {
    // Push the table down so the break falls inside rows 8–15.
    for (let n = 1; n < 21; n++) {
      const r = doc([linesPara(n), table3()]);
      if (r.pages.length < 2) continue;
      const p1 = pageText(r.pages[0]);
      const p2 = pageText(r.pages[1]);
      if (p1.includes('1.属于国家秘密') && p2.includes('8.属于行政查询事项')) {
        expect(p1).toContain('（三）不予公开');
        expect(p2).toContain('（三）不予公开');
        return;
      }
    }
    throw new Error('no offset split the 8-row span');
  });

  test('a table that cannot show its header and first row moves to the next page with its heading', () => {
    const r = doc([linesPara(21), { kind: 'heading', level: 1, children: [{ kind: 'text', text: '二、主动公开政府信息情况' }] }, table2()]);
    expect(r.pages.length).toBe(2);
    expect(pageText(r.pages[0])).not.toContain('二、主动公开');
    expect(pageText(r.pages[1]).startsWith('二、主动公开政府信息情况第二十条第（一）项')).toBe(true);
  });

  test('body text after a table resumes on the next whole grid line', () => {
    const r = doc([table4(), para('后文。')]);
    const geo = testContext().geo;
    const last = texts(r.pages[0]).find((t) => t.text === '后文。')!;
    const tableBottom = Math.max(...rules(r.pages[0]).map((l) => l.y2));
    const k = Math.round((last.y - geo.top - geo.baselineOffset) / geo.linePitch);
    expect(last.y).toBeCloseTo(geo.top + k * geo.linePitch + geo.baselineOffset, 9);
    expect(geo.top + k * geo.linePitch).toBeGreaterThanOrEqual(tableBottom - 1e-9);
    expect(geo.top + (k - 1) * geo.linePitch).toBeLessThan(tableBottom);
  });
});

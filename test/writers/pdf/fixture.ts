/** Hand-made pages for the PDF writer tests (no layout engine involved). */
import type { DocMeta } from '../../../src/doc/tree';
import type { FontSet } from '../../../src/fonts/font-face';
import type { FrameItem, PageFrame, TextItem } from '../../../src/layout/frames';

export const A4 = { width: 595.28, height: 841.89 };
export const META: DocMeta = { title: '某某县科学技术局2021年政府信息公开工作年度报告', author: '某某县科学技术局', date: '2022-01-20', language: 'zh-CN' };

/** `count` distinct ideographs the face has, spread over the CJK block. */
export function ideographs(has: (cp: number) => boolean, count: number, step = 17): string {
  let s = '';
  for (let cp = 0x4e00; s.length < count && cp < 0x9fa5; cp += step) if (has(cp)) s += String.fromCodePoint(cp);
  return s;
}

const text = (face: string, x: number, y: number, size: number, t: string, extra: Partial<TextItem> = {}): TextItem => ({
  kind: 'text',
  x,
  y,
  face,
  size,
  text: t,
  charSpacing: 0,
  fakeBold: false,
  ...extra,
});

/** Two pages: a title, headings, body with 260+ distinct characters, a table, rare names, page numbers. */
export function samplePages(fonts: FontSet, variant = ''): PageFrame[] {
  const title = fonts.title[0].id;
  const body = fonts.body[0].id;
  const hei = fonts.heading1[0].id;
  const kai = fonts.heading2[0].id;
  const num = fonts.pageNumber[0].id;
  const noto = fonts.body[fonts.body.length - 1].id;
  const many = ideographs((cp) => fonts.body[0].hasChar(cp), 260);
  const items: FrameItem[] = [
    text(title, 79.37, 140, 22, '某某县科学技术局2021年政府' + variant),
    text(title, 79.37, 180, 22, '信息公开工作年度报告'),
    text(hei, 79.37, 240, 16, '一、总体情况'),
    text(kai, 79.37, 269, 16, '（一）主动公开'),
    text(body, 79.37, 298, 16, '1.加强领导。', { fakeBold: true }),
    text(body, 79.37 + 16 * 6, 298, 16, '本年度共收到申请12件，日⽇同形。', { charSpacing: -0.207 }),
    text(body, 79.37, 327, 16, '食⻝'),
    text(noto, 79.37 + 32, 327, 16, '堃喆旻玥镕彧'),
  ];
  for (let i = 0; i * 28 < many.length; i++) items.push(text(body, 79.37, 356 + 29 * i, 16, many.slice(28 * i, 28 * i + 28), { charSpacing: -0.207 }));
  const top = 356 + 29 * 10;
  for (let r = 0; r <= 3; r++) items.push({ kind: 'line', x1: 79.37, y1: top + 24 * r, x2: 521.57, y2: top + 24 * r, width: 0.75 });
  for (const x of [79.37, 300, 521.57]) items.push({ kind: 'line', x1: x, y1: top, x2: x, y2: top + 72, width: 0.75 });
  items.push(text(body, 85, top + 17, 12, '本年新收政府信息公开申请数量'), text(body, 306, top + 17, 12, '0'));
  items.push(text(num, 432, 780, 14, '— 1 —'));
  const page2: FrameItem[] = [text(body, 79.37, 140, 16, '二、主动公开政府信息情况' + variant), text(num, 120, 780, 14, '— 2 —')];
  return [
    { ...A4, items },
    { ...A4, items: page2 },
  ];
}

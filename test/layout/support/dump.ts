import { flattenItems, type PageFrame, type TextItem } from '../../../src/layout/frames';

/**
 * A readable text form of laid-out pages, one line per laid-out line:
 * `p1 y=78.00 x=108.97 cs=-0.207 "一、总体情况"`. Items on the same baseline and page
 * are joined; rules are summarised per page.
 */
export function dumpLayout(pages: readonly PageFrame[]): string {
  const out: string[] = [];
  pages.forEach((page, i) => {
    const flat = flattenItems(page.items);
    const texts = flat.filter((it): it is TextItem => it.kind === 'text');
    const rows = new Map<string, TextItem[]>();
    for (const t of texts) {
      const key = t.y.toFixed(2);
      const r = rows.get(key);
      if (r) r.push(t);
      else rows.set(key, [t]);
    }
    for (const [y, items] of rows) {
      items.sort((a, b) => a.x - b.x);
      const text = items.map((t) => t.text).join('|');
      out.push(`p${i + 1} y=${y} x=${items[0].x.toFixed(2)} cs=${items[0].charSpacing.toFixed(3)} "${text}"`);
    }
    const rules = flat.length - texts.length;
    if (rules) out.push(`p${i + 1} rules=${rules}`);
  });
  return out.join('\n') + '\n';
}

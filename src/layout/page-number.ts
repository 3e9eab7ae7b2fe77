import { styledPlain } from './collect';
import type { LayoutContext } from './context';
import { EM_BOX_CENTRE } from './geometry';
import type { GroupItem, TextItem } from './frames';
import { mmToPt } from '../style/settings';
import { shapeText } from './text';

/**
 * Step 9, page number (GB/T 9704 7.5): “— N —” in the page-number role (4号, 14 pt),
 * an em dash (U+2014) and a space each side. Its dashes sit 7 mm below the type area
 * (dash taken at the em-box centre, 0.38 em above the baseline); odd pages end one
 * character (14 pt) left of the type area's right edge, even pages start one character
 * right of its left edge.
 */
export function pageNumberItems(n: number, ctx: LayoutContext): GroupItem {
  const { geo, style } = ctx;
  const size = style.roles.pageNumber.size;
  const sh = shapeText(styledPlain(`— ${n} —`, 'pageNumber'), ctx, '页码');
  let width = 0;
  for (let i = 0; i < sh.adv.length; i++) width += sh.adv[i];
  const y = geo.top + geo.height + mmToPt(style.pageNumberDropMm) + EM_BOX_CENTRE * size;
  let x = n % 2 === 1 ? geo.left + geo.width - size - width : geo.left + size;
  const items: TextItem[] = [];
  for (const run of sh.runs) {
    items.push({ kind: 'text', x, y, face: run.face.id, size: run.size, text: sh.text.slice(run.start, run.end), charSpacing: 0, fakeBold: run.fakeBold });
    for (let i = run.start; i < run.end; i++) x += sh.adv[i];
  }
  // A pagination artifact with empty actual text: extraction never puts “— 1 —” inside a sentence that crosses the page.
  return { kind: 'group', artifact: 'Pagination', actualText: '', items };
}

/**
 * Cells of a PDF table from the lines drawn on its page (docs/IMPORT.md §3.2): a piece of text
 * lies in the box the nearest lines around it close, so two pieces are in one cell exactly when
 * their boxes are the same. Text set without cell borders has no boxes.
 */
import type { RuledLine, TableCell } from './blocks';

/** A cell's box in points (origin bottom left). */
export interface CellBox {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** Whether two boxes are one cell's. */
export function sameBox(a: CellBox, b: CellBox): boolean {
  return Math.abs(a.left - b.left) < 1 && Math.abs(a.right - b.right) < 1 && Math.abs(a.bottom - b.bottom) < 1 && Math.abs(a.top - b.top) < 1;
}

/** The middle height of a box. */
export const boxMiddle = (b: CellBox) => (b.bottom + b.top) / 2;

/**
 * The box of a piece of text (PDF text: its baseline `y` and `size`) among `rules`: the nearest
 * lines left, right, above and below its middle that pass it; none where the lines do not close
 * it on all four sides.
 */
export function cellBoxes(rules: readonly RuledLine[]): (c: TableCell) => CellBox | undefined {
  const across = rules.filter((r) => r.y0 === r.y1);
  const down = rules.filter((r) => r.x0 === r.x1);
  const slack = 1;
  return (c) => {
    const size = c.size ?? 12;
    // The middle of the glyphs: a CJK face's glyphs stand about 0.8 of the size above the baseline.
    const y = (c.y ?? 0) + size * 0.3;
    const x = (c.x0 + c.x1) / 2;
    let left = -Infinity;
    let right = Infinity;
    let bottom = -Infinity;
    let top = Infinity;
    // By the text's middle: glyphs may run over a border when a column is too narrow for them.
    for (const r of down) {
      if (r.y0 > y + slack || r.y1 < y - slack) continue;
      if (r.x0 <= x) left = Math.max(left, r.x0);
      else right = Math.min(right, r.x0);
    }
    for (const r of across) {
      if (r.x0 > x + slack || r.x1 < x - slack) continue;
      if (r.y0 <= y) bottom = Math.max(bottom, r.y0);
      else top = Math.min(top, r.y0);
    }
    return Number.isFinite(left + right + bottom + top) ? { left, right, bottom, top } : undefined;
  };
}

const down = (rules: readonly RuledLine[], y: number) => rules.filter((r) => r.x0 === r.x1 && r.y0 <= y && r.y1 >= y);

/** Whether a vertical line drawn between `x0` and `x1` at height `y` (a cell border) parts the text on either side. */
export function ruledBetween(rules: readonly RuledLine[], x0: number, x1: number, y: number): boolean {
  return down(rules, y).some((r) => r.x0 > x0 - 0.5 && r.x0 < x1 + 0.5);
}

/**
 * A piece of text that runs across cell borders split at them: a PDF writer may set the numbers
 * of adjacent cells as one run (“15924 50765”). Its words go one to each cell when there are as
 * many words as cells; otherwise it is left whole.
 */
export function splitAtRules<T extends { str: string; x: number; y: number; width: number; height: number }>(item: T, rules: readonly RuledLine[]): T[] {
  const words = item.str.trim().split(/\s+/);
  if (words.length < 2) return [item];
  const y = item.y + item.height * 0.3;
  const borders = down(rules, y)
    .map((r) => r.x0)
    .filter((x) => x > item.x + 0.5 && x < item.x + item.width - 0.5)
    .sort((a, b) => a - b);
  if (borders.length + 1 !== words.length) return [item];
  const edges = [item.x, ...borders, item.x + item.width];
  return words.map((str, i) => ({ ...item, str, x: edges[i], width: edges[i + 1] - edges[i] }));
}

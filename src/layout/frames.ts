/**
 * The output of layout: pages of positioned items. The PDF painter draws these and
 * nothing else; it never measures or breaks text. Coordinates are points from the
 * page's top-left corner, y growing downwards; text y is the baseline.
 */

/** A run of glyphs from one face at one size, drawn left to right. */
export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  /** `FontFace.id` of the face to draw with. */
  face: string;
  size: number;
  text: string;
  /** Extra space after every character, points (PDF `Tc`); used for the grid and justification. */
  charSpacing: number;
  /** Synthetic bold (fill + thin stroke) when the face has no bold weight. */
  fakeBold: boolean;
}

/** A straight rule (table borders). */
export interface LineItem {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/**
 * Items painted as one marked-content sequence. `tag` makes them content of a structure
 * element (`StructElement.id`); `artifact` marks what is not content: pagination (page
 * numbers, a table's header rows repeated on a later page, a row-span label repeated
 * after a page break) or layout (table borders). `actualText` is what text extraction,
 * search and copying see instead of the glyphs (a table cell wrapped over several lines
 * reads as one phrase; '' hides the page number so a sentence crossing a page stays whole).
 */
export interface GroupItem {
  kind: 'group';
  tag?: number;
  artifact?: 'Pagination' | 'Layout';
  actualText?: string;
  items: FrameItem[];
}

/** Anything positioned on a page. */
export type FrameItem = TextItem | LineItem | GroupItem;

/** The text and line items of a list, groups opened, in painting order. */
export function flattenItems(items: readonly FrameItem[]): (TextItem | LineItem)[] {
  const out: (TextItem | LineItem)[] = [];
  const walk = (xs: readonly FrameItem[]) => {
    for (const x of xs) {
      if (x.kind === 'group') walk(x.items);
      else out.push(x);
    }
  };
  walk(items);
  return out;
}

/** A copy of an item moved down by `dy` points (groups move with their contents). */
export function shiftItem(item: FrameItem, dy: number): FrameItem {
  switch (item.kind) {
    case 'text':
      return { ...item, y: item.y + dy };
    case 'line':
      return { ...item, y1: item.y1 + dy, y2: item.y2 + dy };
    case 'group':
      return { ...item, items: item.items.map((i) => shiftItem(i, dy)) };
  }
}

/** One laid-out page. */
export interface PageFrame {
  width: number;
  height: number;
  items: FrameItem[];
}

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

/** Anything positioned on a page. */
export type FrameItem = TextItem | LineItem;

/** One laid-out page. */
export interface PageFrame {
  width: number;
  height: number;
  items: FrameItem[];
}

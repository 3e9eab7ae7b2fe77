/**
 * Subsetting a `FontFace` for the PDF, with our own TrueType subsetter (./truetype-subset):
 * glyph records are read from the font file by position, nothing else of the font is
 * loaded. The PDF writer uses `subsetTrueType` directly to stream the compressed glyf
 * table; this wrapper gives the whole subset as bytes (tests, tools).
 */
import type { FontFace } from './font-face';
import { trueTypeOf } from './load';
import { subsetBytes, subsetTrueType } from './truetype-subset';

/** A subset font program and where each code point's glyph went. */
export interface Subset {
  /** The subset font (TrueType). */
  bytes: Uint8Array;
  /** Code point → glyph id in `bytes`, for the code points the font has. */
  glyphIds: Map<number, number>;
}

/**
 * Subsets `face` to the glyphs of `codePoints` (plus .notdef, with its outline, and the
 * components of composite glyphs). Glyph ids change: .notdef is 0, the others follow in
 * the order of their original ids.
 */
export function subsetFace(face: FontFace, codePoints: Iterable<number>): Subset {
  const s = subsetTrueType(trueTypeOf(face), codePoints);
  return { bytes: subsetBytes(s), glyphIds: s.glyphIds };
}

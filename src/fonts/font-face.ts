import type { Role } from '../style/settings';

/** A font face, opened once per process and shared by measuring and embedding. */
export interface FontFace {
  /** Stable identifier, e.g. "FandolFang-Regular"; used in frames to name the face. */
  id: string;
  /** Family name as the font states it. */
  family: string;
  /** PostScript name (embedded as BaseFont with a subset tag). */
  postscriptName: string;
  /** Path of the file it came from (for `xxgk fonts`). */
  file: string;
  /** Where it was found. */
  source: 'user' | 'system' | 'bundled';
  unitsPerEm: number;
  /** Typographic ascender and descender, font units (descender negative). */
  ascender: number;
  descender: number;
  /** True when the font maps the code point to a real glyph. */
  hasChar(codePoint: number): boolean;
  /** Advance width of the code point's glyph, font units (cached). */
  advance(codePoint: number): number;
  /**
   * The font program bytes (a single TrueType face), for faces built outside src/fonts.
   * Faces loaded by src/fonts leave it out: their file is read by position, lazily.
   * Without it, the PDF writer opens `file`.
   */
  bytes?: Uint8Array;
}

/** The faces serving each role: first the role's own face, then fallbacks, in order. */
export type FontSet = Record<Role, FontFace[]>;

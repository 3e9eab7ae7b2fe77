/** Fonts: loading faces, resolving the per-role chains, subsetting for the PDF. */
export type { FontFace, FontSet } from './font-face';
export { FontError, loadFontFace, listFaces, type LoadedFace, type LoadOptions } from './load';
export {
  BUNDLED_DIR,
  ROLE_LABELS,
  describeFontSet,
  facesOf,
  findUncoveredChars,
  formatFontSet,
  parseFontOption,
  resolveFontSet,
  type FaceDescription,
  type FontOption,
  type ResolveOptions,
  type RoleDescription,
  type UncoveredChar,
} from './resolve';
export { defaultFontDirs, findSystemFonts, OFFICIAL_FONTS } from './system';
export { FALLBACK_FACE, ROLE_FONTS } from '../style/font-roles';
export { subsetFace, type Subset } from './subset';
export { TrueTypeFont } from './truetype';
export { subsetTrueType, subsetBytes, type TrueTypeSubset } from './truetype-subset';

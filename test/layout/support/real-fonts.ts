import type { FontSet } from '../../../src/fonts/font-face';

/** The bundled fonts through src/fonts, once that loader exists; undefined until then. */
export function realFonts(): FontSet | undefined {
  return undefined;
}

import type { FontFace, FontSet } from '../../../src/fonts/font-face';
import { ROLES, type Role } from '../../../src/style/settings';

/**
 * A fake face for unit tests: every character from U+2000 up (CJK, full-width
 * punctuation, curly quotes, dashes) advances 1000/1000 em, everything below 500.
 * `lacks` lists characters it does not have.
 */
export function fakeFace(id: string, lacks: string = ''): FontFace {
  const missing = new Set<number>([...lacks].map((c) => c.codePointAt(0)!));
  return {
    id,
    family: id,
    postscriptName: id,
    file: `/fake/${id}.otf`,
    source: 'bundled',
    unitsPerEm: 1000,
    ascender: 880,
    descender: -120,
    hasChar: (cp) => !missing.has(cp),
    advance: (cp) => (cp >= 0x2000 ? 1000 : 500),
    bytes: new Uint8Array(0),
  };
}

/** A font set with one fake face per role, named after the role (e.g. `fake-body`). */
export function fakeFonts(lacks: string = '', fallback?: FontFace): FontSet {
  const set = {} as FontSet;
  for (const role of ROLES as Role[]) set[role] = fallback ? [fakeFace(`fake-${role}`, lacks), fallback] : [fakeFace(`fake-${role}`, lacks)];
  return set;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FontSet } from '../../../src/fonts/font-face';
import { resolveFontSet, ROLE_FONTS } from '../../../src/fonts';

/** The repository's fonts/ folder, found upwards from here (works from a compiled copy too). */
function bundledDir(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const f = path.join(dir, 'fonts');
    if (fs.existsSync(path.join(f, `${ROLE_FONTS.body.bundled.face}.ttf`))) return f;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The bundled fonts (Fandol + Noto fallback) through src/fonts, system fonts ignored. */
export function realFonts(): FontSet | undefined {
  const dir = bundledDir();
  if (!dir) return undefined;
  return resolveFontSet({ systemFonts: false, bundledDir: dir });
}

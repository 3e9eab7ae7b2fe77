import type { FontFace, FontSet } from '../fonts/font-face';
import { ROLE_LABELS, type Role, type StyleSettings } from '../style/settings';
import type { StyledText } from './collect';
import type { LayoutDiagnostic } from './diagnostics';

/** A stretch of text drawn with one face at one size. */
export interface FaceRun {
  start: number;
  end: number;
  face: FontFace;
  size: number;
  role: Role;
  /** Bold was asked for but the face has no bold weight: paint fill + stroke. */
  fakeBold: boolean;
}

/** True when the face itself is a bold weight (by its PostScript name or id). */
export function isBoldFace(face: FontFace): boolean {
  return /bold|heavy|black/i.test(face.postscriptName) || /bold|heavy|black/i.test(face.id);
}

/**
 * Step 1, itemize: splits styled text into runs by font coverage. Walks code points
 * (a surrogate pair is one character) and takes the first face of the role's chain that
 * has the character. A character no face has is an `F-MISSING` error naming it and the
 * place; it is drawn from the chain's last face so the gap stays visible.
 */
export function itemize(
  st: StyledText,
  fonts: FontSet,
  style: StyleSettings,
  where: string,
  diags: LayoutDiagnostic[],
): FaceRun[] {
  const runs: FaceRun[] = [];
  const text = st.text;
  let reported: Set<number> | undefined;
  for (const span of st.spans) {
    const chain = fonts[span.role];
    const rs = style.roles[span.role];
    if (!chain || chain.length === 0) {
      diags.push({
        severity: 'error',
        code: 'F-NO-FACE',
        message: `角色“${span.role}”没有可用字体，这段文字无法排版`,
        where,
      });
      continue;
    }
    const bold = span.bold || rs.bold;
    let run: FaceRun | undefined;
    let i = span.start;
    while (i < span.end) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      let face: FontFace | undefined;
      if (cp === 0x0a) face = run ? run.face : chain[0];
      else {
        for (let k = 0; k < chain.length; k++) {
          if (chain[k].hasChar(cp)) {
            face = chain[k];
            break;
          }
        }
        if (!face) {
          face = chain[chain.length - 1];
          reported ??= new Set();
          if (!reported.has(cp)) {
            reported.add(cp);
            diags.push({
              // A warning (the rest of the report is right); `--strict` makes it an error.
              severity: 'warning',
              code: 'F-MISSING',
              message: `字符“${String.fromCodePoint(cp)}”（${codePointName(cp)}）在${roleName(span.role)}字体及其备用字体中都没有字形，PDF 中将显示为空框；请配置含该字的字体`,
              where,
            });
          }
        }
      }
      if (run && run.face === face) run.end = i + len;
      else {
        run = { start: i, end: i + len, face, size: rs.size, role: span.role, fakeBold: bold && !isBoldFace(face) };
        runs.push(run);
      }
      i += len;
    }
  }
  return runs;
}

/** `U+4E00` style name of a code point. */
export function codePointName(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}


/** Chinese name of a role, for messages. */
export function roleName(role: Role): string {
  return ROLE_LABELS[role];
}

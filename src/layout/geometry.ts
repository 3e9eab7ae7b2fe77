import { charPitchPt, mmToPt, type StyleSettings, typeAreaHeightPt, typeAreaWidthPt } from '../style/settings';

/**
 * Where the em box's vertical centre sits above the baseline, in em. CJK fonts draw
 * ideographs in an em box from 0.88 em above the baseline to 0.12 em below it, so its
 * centre is 0.38 em up. Every line in this engine (body, title, table, page number) puts
 * its em box centred in its line box: the half-leading model of CSS and Word.
 */
export const EM_BOX_CENTRE = 0.38;

/** Page geometry derived once from the style settings; all lengths in points. */
export interface PageGeometry {
  pageWidth: number;
  pageHeight: number;
  /** Type area (版心): left/top edges, width, height. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Baseline-to-baseline distance of the body grid (28.95). */
  linePitch: number;
  /** Grid lines on a full page (22); never more than fit in the type area. */
  lines: number;
  /** Grid character pitch: type-area width / 28 (15.793). */
  charPitch: number;
  /** Distance from the top of a grid line's box to its baseline (20.56 for 16 pt). */
  baselineOffset: number;
}

/** Baseline offset inside a line box of height `box` for type of `size`: em box centred. */
export function baselineInBox(box: number, size: number): number {
  return box / 2 + EM_BOX_CENTRE * size;
}

/**
 * Derives the page geometry. The first body baseline is 20.56 pt below the type-area
 * top (16 pt em box centred in the 28.95 pt line), so the 22nd line's em box ends
 * 630.4 pt down, inside the 637.8 pt type area.
 */
export function pageGeometry(s: StyleSettings): PageGeometry {
  const height = typeAreaHeightPt(s);
  const fit = Math.floor(height / s.linePitchPt + 1e-9);
  return {
    pageWidth: mmToPt(s.page.widthMm),
    pageHeight: mmToPt(s.page.heightMm),
    left: mmToPt(s.margins.leftMm),
    top: mmToPt(s.margins.topMm),
    width: typeAreaWidthPt(s),
    height,
    linePitch: s.linePitchPt,
    lines: Math.max(1, Math.min(s.linesPerPage, fit)),
    charPitch: charPitchPt(s),
    baselineOffset: baselineInBox(s.linePitchPt, s.roles.body.size),
  };
}

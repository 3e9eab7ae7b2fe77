import type { Align } from '../doc/tree';
import { countChars, type LineRange } from './lines';

/** A line placed horizontally within its box. */
export interface PlacedLine extends LineRange {
  /** Offset of the first character from the box's left edge. */
  x: number;
  /** Spacing added between characters to justify the line (0 when not justified). */
  extra: number;
}

/**
 * Step 5, align: positions each line in a box `width` wide; the first line starts after
 * `indent`. Justified lines (all but a block's last and those ending at a forced break)
 * spread their slack evenly over the gaps between characters, so the last character's
 * cell ends exactly at the right edge; the others are set left, centred or right.
 */
export function alignLines(
  text: string,
  lines: readonly LineRange[],
  align: Align,
  width: number,
  indent: number,
): PlacedLine[] {
  const out: PlacedLine[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const start = k === 0 ? indent : 0;
    const slack = width - start - line.width;
    let x = start;
    let extra = 0;
    if (align === 'justify') {
      if (!line.last && slack > 0) {
        const n = countChars(text, line.start, line.end);
        if (n > 1) extra = slack / (n - 1);
      }
    } else if (align === 'center') x = start + slack / 2;
    else if (align === 'right') x = start + slack;
    out.push({ start: line.start, end: line.end, next: line.next, width: line.width, last: line.last, overfull: line.overfull, x, extra });
  }
  return out;
}

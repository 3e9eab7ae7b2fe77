import type { TextItem } from './frames';
import type { FaceRun } from './itemize';
import type { PlacedLine } from './align';

/**
 * Step 6, emit: turns a placed line into text items, one per face run it crosses
 * (a line mixing faces becomes several items at exact x positions). All items of a line
 * share its character spacing: base spacing plus justification.
 */
export function emitLine(
  text: string,
  runs: readonly FaceRun[],
  adv: Float64Array,
  spacing: number,
  line: PlacedLine,
  left: number,
  y: number,
  out: TextItem[],
): void {
  if (line.end <= line.start) return;
  const cs = spacing + line.extra;
  let x = left + line.x;
  let r = firstRun(runs, line.start);
  let i = line.start;
  while (i < line.end && r < runs.length) {
    const run = runs[r];
    const end = Math.min(run.end, line.end);
    // Text outside every run (its role had no face; reported by itemize) is skipped.
    if (run.start > i) x += widthOf(text, adv, cs, i, Math.min(run.start, line.end));
    const a = Math.max(i, run.start);
    if (end > a) {
      out.push({ kind: 'text', x, y, face: run.face.id, size: run.size, text: text.slice(a, end), charSpacing: cs, fakeBold: run.fakeBold });
      x += widthOf(text, adv, cs, a, end);
      i = end;
    }
    r++;
  }
}

/** Width of `[a, b)`: advances plus `cs` per character. */
function widthOf(text: string, adv: Float64Array, cs: number, a: number, b: number): number {
  let w = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (!(c >= 0xdc00 && c <= 0xdfff)) w += adv[k] + cs;
  }
  return w;
}

/** Index of the run containing UTF-16 offset `pos` (binary search). */
function firstRun(runs: readonly FaceRun[], pos: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

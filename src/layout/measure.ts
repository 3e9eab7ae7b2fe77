import type { FaceRun } from './itemize';

/**
 * Step 2, measure: the advance of every character in points, indexed by UTF-16 offset
 * (the low half of a surrogate pair and a forced break measure 0). `FontFace.advance`
 * is cached per code point, so this is one lookup and a multiply per character. A
 * character drawn from a face without it (reported by itemize) that would measure 0 gets
 * one em, so the box never overlaps its neighbour.
 */
export function measure(text: string, runs: readonly FaceRun[]): Float64Array {
  const adv = new Float64Array(text.length);
  for (const run of runs) {
    const face = run.face;
    const scale = run.size / face.unitsPerEm;
    let i = run.start;
    while (i < run.end) {
      const cp = text.codePointAt(i)!;
      if (cp === 0x0a) {
        i++;
        continue;
      }
      let a = face.advance(cp) * scale;
      if (a === 0 && !face.hasChar(cp)) a = run.size;
      adv[i] = a;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return adv;
}

/** Unit conversions for WordprocessingML (twips = 1/20 pt, half-points, eighths of a point). */

/** Millimetres to twips, rounded to the nearest twip (37 mm → 2098, 28 mm → 1587, 210 mm → 11906). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to twips, rounded (28.95 pt → 579). */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Points to half-points (`w:sz`), rounded (16 pt → 32). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Points to eighths of a point (border `w:sz`), at least 2 (Word's minimum). */
export function ptToEighths(pt: number): number {
  return Math.max(2, Math.round(pt * 8));
}

/**
 * Split `total` into integers proportional to `weights` that sum exactly to `total`
 * (largest remainder; ties go to the earlier column, so the result is deterministic).
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || weights.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw new Error(`table widths must be non-negative numbers with a positive sum, got [${weights.join(', ')}]`);
  }
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k].i] += 1;
  return out;
}

/**
 * How two spellings of a unit's name are compared: NFKC (full-width letters and digits
 * become half-width), no white space of any kind, and every bracket a plain round one, so
 * “某某县（区）教育局”, “某某县(区)教育局” and “某某县 （区） 教育局” are the same unit.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000\u200b-\u200d\ufeff]+/g, '')
    .replace(/[（［【〔〖｛\[{]/g, '(')
    .replace(/[）］】〕〗｝\]}]/g, ')');
}

/** Levenshtein distance in code points, giving up (returning `max + 1`) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length];
}

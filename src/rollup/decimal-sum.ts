/**
 * Exact sums of decimal amounts (万元, as entered: `12.5`, `"0.35"`), never in floating
 * point: each amount becomes a whole number of its smallest decimal place (a BigInt), and
 * the sum is written back with as many places as the most precise amount had.
 */

/** The decimal text of an amount: strings as entered (trimmed), numbers in their plain (not exponent) form. */
function decimalText(v: number | string): string {
  if (typeof v === 'string') return v.trim();
  const s = String(v);
  if (!/e/i.test(s)) return s;
  // 1e-7 and the like: expand the exponent without going through floating-point arithmetic.
  const [mantissa, exp] = s.toLowerCase().split('e');
  const [int, frac = ''] = mantissa.split('.');
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Sums non-negative decimal amounts exactly; throws on a value that is not a plain decimal number. */
export function sumDecimals(values: readonly (number | string)[]): string {
  const parts = values.map((v) => {
    const text = decimalText(v);
    const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
    if (!m) throw new Error(`“${text}”不是金额`);
    return { int: m[1], frac: m[2] ?? '' };
  });
  const places = Math.max(0, ...parts.map((p) => p.frac.length));
  const total = parts.reduce((s, p) => s + BigInt(p.int + p.frac.padEnd(places, '0')), 0n);
  const digits = total.toString().padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** The canonical text of a decimal amount, for comparing: `1.50` and `1.5` are the same amount. */
export function canonicalDecimal(v: number | string): string {
  const s = sumDecimals([v]);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

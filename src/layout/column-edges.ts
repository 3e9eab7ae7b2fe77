/** Column edges: relative widths scaled to `width` from `left`; equal widths if invalid. */
export function columnEdges(widths: readonly number[], left: number, width: number): number[] {
  const n = Math.max(1, widths.length);
  const valid = widths.length > 0 && widths.every((w) => w > 0 && Number.isFinite(w));
  const total = valid ? widths.reduce((a, b) => a + b, 0) : n;
  const edges = [left];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += valid ? widths[i] : 1;
    edges.push(i === n - 1 ? left + width : left + (acc / total) * width);
  }
  return edges;
}

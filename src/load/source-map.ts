/** Line numbers of the input by data path (`applications.denied.stateSecret[2]`). */
export interface SourceMap {
  lineOf(path: string): number | undefined;
}

/** Joins a data path and a key or index the way diagnostics print paths. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** The nearest known line for a path, walking up to its parents. */
export function nearestLine(map: SourceMap, path: string): number | undefined {
  let p = path;
  for (;;) {
    const line = map.lineOf(p);
    if (line !== undefined) return line;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return map.lineOf('') ?? undefined;
    p = p.slice(0, cut);
  }
}

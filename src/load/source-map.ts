/** Where each data path (`applications.denied.stateSecret[2]`) is in the input: a line, or a workbook cell. */
export interface SourceMap {
  lineOf(path: string): number | undefined;
  /** The workbook cell of a path, in Excel notation (`表三!E6`); only for .xlsx input. */
  cellOf?(path: string): string | undefined;
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

/** The nearest known workbook cell (or sheet) for a path, walking up to its parents. */
export function nearestCell(map: SourceMap, path: string): string | undefined {
  if (!map.cellOf) return undefined;
  let p = path;
  for (;;) {
    const cell = map.cellOf(p);
    if (cell !== undefined) return cell;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return map.cellOf('');
    p = p.slice(0, cut);
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FORMAT_2021 } from '../../src/catalogue/format-2021';

/** The example report's data. */
export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'pingluo-kejiju-2021.yaml');
export const exampleData = (): Record<string, unknown> => parse(readFileSync(EXAMPLE, 'utf8'));

function at(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const sum = (xs: unknown[]) => xs.reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);

/**
 * The value every figure cell of the three tables has in report data, totals computed as the
 * renderer prints them (omitted blocks are 0), by catalogue path.
 */
export function printedFigures(data: unknown): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const cell of FORMAT_2021.figures) {
    const m = /^applications\.(.+)\[(\d)\]$/.exec(cell.path);
    if (m) {
      const [, key, i] = m;
      if (key === 'total') {
        const leaves = FORMAT_2021.figures.filter((f) => /^applications\./.test(f.path) && !/^applications\.(newlyReceived|carriedOver|total|carriedForward)\[/.test(f.path) && f.path.endsWith(`[${i}]`));
        out.set(cell.path, sum(leaves.map((f) => rowValue(data, f.path))));
      } else out.set(cell.path, rowValue(data, cell.path));
      continue;
    }
    const t = /^reviewLitigation\.(\w+)\.total$/.exec(cell.path);
    if (t) {
      out.set(cell.path, sum(['upheld', 'corrected', 'other', 'pending'].map((k) => at(data, `reviewLitigation.${t[1]}.${k}`) ?? 0)));
      continue;
    }
    const v = at(data, cell.path);
    out.set(cell.path, (v ?? 0) as number | string);
  }
  return out;
}

function rowValue(data: unknown, path: string): number {
  const [, key, i] = /^applications\.(.+)\[(\d)\]$/.exec(path)!;
  const row = (at(data, `applications.${key}`) as number[] | undefined) ?? [0, 0, 0, 0, 0, 0];
  return Number(i) === 6 ? sum(row.slice(0, 6)) : row[Number(i)];
}

/** Text without bold marks. */
export const plain = (s: unknown) => (typeof s === 'string' ? s.replace(/\*\*/g, '') : s);

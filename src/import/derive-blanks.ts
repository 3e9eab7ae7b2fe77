/**
 * Turns raw cell readings into figures (docs/IMPORT.md §4): a number read is kept; a blank cell
 * whose value the table's own arithmetic fixes is derived (counts are never negative, so a
 * stated total equal to the sum of the filled cells makes the blank cells 0); every other cell
 * is unread, with the reason. Nothing is guessed.
 */
import { FORMAT_2021, OUTCOME_ROWS, OUTCOME_TOTAL, APPLICATION_ROWS, NEWLY_RECEIVED, CARRIED_OVER, CARRIED_FORWARD, REVIEW_LITIGATION_PARTS, OUTCOME_COLUMNS } from '../catalogue/format-2021';
import type { FigureCell } from '../catalogue/types';
import type { RawCell, RawFigures, RawTables } from './read-tables';

/** A figure of the imported report. */
export type Figure =
  | { state: 'read'; value: number | string }
  | { state: 'derived'; value: number }
  | { state: 'unread'; reason: string };

/** Every figure cell of the three tables by data path, in print order. */
export interface Figures {
  byPath: Map<string, Figure>;
  /** The catalogue's figure cells, in print order, for places and counts. */
  cells: readonly FigureCell[];
  found: [boolean, boolean, boolean];
}

/** An equation of the table: the sum of `left` equals the sum of `right`. */
interface Equation {
  left: string[];
  right: string[];
}

function equations(): Equation[] {
  const out: Equation[] = [];
  const row = (key: string, i: number) => `applications.${key}[${i}]`;
  for (const r of APPLICATION_ROWS) out.push({ left: [row(r.key, 6)], right: [0, 1, 2, 3, 4, 5].map((i) => row(r.key, i)) });
  for (let i = 0; i < 7; i++) {
    out.push({ left: [row(OUTCOME_TOTAL.key, i)], right: OUTCOME_ROWS.map((r) => row(r.key, i)) });
    out.push({ left: [row(NEWLY_RECEIVED.key, i), row(CARRIED_OVER.key, i)], right: [row(OUTCOME_TOTAL.key, i), row(CARRIED_FORWARD.key, i)] });
  }
  for (const p of REVIEW_LITIGATION_PARTS) {
    out.push({ left: [`reviewLitigation.${p.key}.total`], right: OUTCOME_COLUMNS.map((c) => `reviewLitigation.${p.key}.${c.key}`) });
  }
  return out;
}

const EQUATIONS = equations();

/** Why a cell that is not a usable number could not be read, in Chinese. */
function unreadReason(raw: RawCell | undefined, cell: FigureCell, tableFound: boolean): string {
  const table = cell.place.split(' ')[0];
  if (!tableFound) return `没有找到${table}`;
  if (!raw) return '表中没有找到这一行';
  switch (raw.kind) {
    case 'missing':
      return raw.reason;
    case 'blank':
      return '单元格空白，表中的算术关系不能确定它';
    case 'dash':
      return `单元格写作“${raw.text}”，不是数字`;
    case 'notApplicable':
      return `单元格写作“${raw.text}”（只有表二可以写“/”）`;
    case 'other':
      if (raw.text.startsWith('？')) return `数字“${raw.text.slice(1)}”位于两行之间，或与别的数挤在同一格，不能确定属于哪一格`;
      return `单元格内容“${raw.text}”不是数字`;
    case 'number':
      return `“${raw.text}”不是整数`;
  }
}

/** The value of a cell that is read as it stands, or undefined. */
function direct(raw: RawCell | undefined, cell: FigureCell): number | string | undefined {
  if (!raw) return undefined;
  if (raw.kind === 'number') {
    if (cell.kind === 'amount') return String(raw.value) === raw.text ? raw.value : raw.text;
    return Number.isInteger(raw.value) ? raw.value : undefined;
  }
  // Contract 1.1: “/” (不适用) in 表二 only; a dash there means the same.
  if (cell.notApplicable && (raw.kind === 'notApplicable' || raw.kind === 'dash')) return '/';
  return undefined;
}

/** Solves blank cells from the table's equations and returns every figure's state. */
export function deriveFigures(raw: RawTables): Figures {
  const cells = FORMAT_2021.figures;
  const tableOf = (path: string) => (path.startsWith('proactive') ? 0 : path.startsWith('applications') ? 1 : 2);
  const known = new Map<string, number>();
  const derived = new Set<string>();
  const byPath = new Map<string, Figure>();
  const rawOf = (path: string) => raw.cells.get(path);
  for (const cell of cells) {
    const v = direct(rawOf(cell.path), cell);
    if (typeof v === 'number') known.set(cell.path, v);
  }
  // Cells that may be solved: blank where the table has them, or a 总计 column the table leaves out.
  const solvable = (path: string) => {
    const r = rawOf(path);
    return raw.found[tableOf(path)] && r !== undefined && (r.kind === 'blank' || (r.kind === 'missing' && r.derivable));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of EQUATIONS) {
      const sides = [eq.left, eq.right].map((side) => ({
        sum: side.reduce((s, p) => s + (known.get(p) ?? 0), 0),
        open: side.filter((p) => !known.has(p)),
      }));
      const [l, r] = sides;
      if (l.open.length + r.open.length === 0) continue;
      // Only when every unknown cell is on one side and may be solved.
      for (const [side, other] of [
        [l, r],
        [r, l],
      ] as const) {
        if (side.open.length === 0 || other.open.length > 0 || !side.open.every(solvable)) continue;
        const rest = other.sum - side.sum;
        if (rest === 0) for (const p of side.open) known.set(p, 0);
        else if (side.open.length === 1 && rest > 0) known.set(side.open[0], rest);
        else continue;
        for (const p of side.open) derived.add(p);
        changed = true;
      }
    }
  }
  for (const cell of cells) {
    const v = direct(rawOf(cell.path), cell);
    if (v !== undefined) byPath.set(cell.path, { state: 'read', value: v });
    else if (derived.has(cell.path)) byPath.set(cell.path, { state: 'derived', value: known.get(cell.path)! });
    else byPath.set(cell.path, { state: 'unread', reason: unreadReason(rawOf(cell.path), cell, raw.found[tableOf(cell.path)]) });
  }
  return { byPath, cells, found: raw.found };
}

/** Per table: cells read, derived, and in all. */
export function countFigures(f: Figures): { read: number; derived: number; total: number }[] {
  const counts = [0, 1, 2].map(() => ({ read: 0, derived: 0, total: 0 }));
  for (const cell of f.cells) {
    const t = cell.path.startsWith('proactive') ? 0 : cell.path.startsWith('applications') ? 1 : 2;
    counts[t].total++;
    const s = f.byPath.get(cell.path)!.state;
    if (s === 'read') counts[t].read++;
    else if (s === 'derived') counts[t].derived++;
  }
  return counts;
}

import { BREAK_ALLOWED, BREAK_MANDATORY } from './breaks';
import { F_NO_END, F_NO_START, F_SPACE, flagsOf, isDigit } from './kinsoku';
import { breakLines, EPS, type LineInput, type LineRange, prefixWidths, trimEnd } from './lines';

/** Phrases a title line may well start with. */
const PHRASE_HEADS = ['政府信息公开', '工作年度报告', '年度报告', '关于'];
/** Endings of agency names: a title line may well end after them. */
// (Only endings that do not also start common words: not 办 as in 办公室, 委 as in 委员会.)
const AGENCY_TAILS = ['人民政府', '委员会', '办公室', '管委会', '中心', '政府', '局', '厅'];
/** Cost of breaking where no word boundary is recognised, in em² (≈ 1 em more imbalance per line). */
const NON_WORD_PENALTY = 2;

/**
 * Title lines: a title that needs k lines is set in k lines of nearly equal length
 * (GB/T 9704 7.3.1: 梯形或菱形, 回行时词意完整), choosing among the break opportunities the
 * set that minimises the squared deviation from the mean line length plus a penalty for
 * each break not at a word-ish boundary: before a number, after a number with its unit
 * (“2021年|”), after an agency name (“…局|”), before “政府信息公开”, at punctuation.
 * Forced breaks and overfull segments keep the greedy lines.
 */
export function balanceTitle(inp: LineInput, width: number, size: number): LineRange[] {
  const p = prefixWidths(inp);
  const greedy = breakLines(inp, width, width, p);
  const k = greedy.length;
  const { text, brk } = inp;
  const n = text.length;
  if (k < 2 || greedy.some((l) => l.overfull)) return greedy;
  for (let i = 1; i < n; i++) if (brk[i] === BREAK_MANDATORY) return greedy;

  const cands: number[] = [0];
  for (let i = 1; i < n; i++) if (brk[i] === BREAK_ALLOWED) cands.push(i);
  cands.push(n);
  const m = cands.length;
  const total = p[trimEnd(text, 0, n)];
  const mean = total / k;
  const lineCost = (a: number, b: number): number => {
    const w = p[trimEnd(text, a, b)] - p[a];
    if (w > width + EPS) return Infinity;
    const d = (w - mean) / size;
    return d * d + (b < n && !wordish(text, b) ? NON_WORD_PENALTY : 0);
  };
  // cost[j][c]: best cost of j+1 lines covering text[0, cands[c]); from[j][c]: previous candidate.
  const cost: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let j = 0; j < k; j++) {
    cost.push(new Float64Array(m).fill(Infinity));
    from.push(new Int32Array(m).fill(-1));
  }
  for (let c = 1; c < m; c++) cost[0][c] = lineCost(0, cands[c]);
  for (let j = 1; j < k; j++) {
    for (let c = j + 1; c < m; c++) {
      for (let a = j; a < c; a++) {
        if (cost[j - 1][a] === Infinity) continue;
        const v = cost[j - 1][a] + lineCost(cands[a], cands[c]);
        if (v < cost[j][c]) {
          cost[j][c] = v;
          from[j][c] = a;
        }
      }
    }
  }
  if (cost[k - 1][m - 1] === Infinity) return greedy;
  const ends: number[] = [];
  for (let j = k - 1, c = m - 1; j >= 0; c = from[j][c], j--) ends.push(cands[c]);
  ends.reverse();
  const lines: LineRange[] = [];
  let start = 0;
  for (let j = 0; j < k; j++) {
    const e = trimEnd(text, start, ends[j]);
    lines.push({ start, end: e, next: ends[j], width: p[e] - p[start], last: j === k - 1, overfull: false });
    start = ends[j];
  }
  return lines;
}

/** True when a break before `text[i]` falls at a word-ish boundary. */
export function wordish(text: string, i: number): boolean {
  const prev = text.codePointAt(i - 1)!;
  const next = text.codePointAt(i)!;
  if (flagsOf(prev) & (F_NO_START | F_SPACE) || flagsOf(next) & (F_NO_END | F_SPACE)) return true;
  if (isDigit(next) && !isDigit(prev)) return true;
  if (i >= 2 && isDigit(text.charCodeAt(i - 2)) && !isDigit(prev)) return true;
  if (prev < 0x2e80 !== next < 0x2e80) return true; // Latin word next to Chinese
  for (const h of PHRASE_HEADS) if (text.startsWith(h, i)) return true;
  for (const t of AGENCY_TAILS) if (text.endsWith(t, i)) return true;
  return false;
}

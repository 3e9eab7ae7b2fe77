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
/** Words of agency names and titles that a line break must not cut (“委员|会”, “办公|室”). */
const WHOLE_WORDS = ['人民政府', '委员会', '办公室', '管委会', '管理局', '服务局', '自治区', '自治州', '中心', '政府', '年度', '报告', '信息', '公开', '工作'];
/** Cost of cutting one of them, in em²: taken only when nothing else fits. */
const CUT_WORD_PENALTY = 40;
/** Cost of a title line more than the fewest possible, in em². */
const EXTRA_LINE_PENALTY = 20;
/** Cost of a break inside a word the dictionary segmenter knows (“建|设局”, “发展和改|革局”), in em². */
const INSIDE_WORD_PENALTY = 10;
/** Ends of place names (乌鲁木齐市|沙依巴克区): a good break where the segmenter agrees (not 市|场). */
const PLACE_TAILS = '省市区县州盟旗';

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
  const total = p[trimEnd(text, 0, n)];
  // One line more is worth it when every k-line set would cut a word (“委员|会”).
  const choose = () => [balanced(k), balanced(k + 1)].reduce((a, b) => (b.cost + (b.ends.length - k) * EXTRA_LINE_PENALTY < a.cost ? b : a));
  let penalty = (i: number) => breakPenalty(text, i);
  let best = choose();
  // A break at no recognised boundary may cut a word of a name (“住房和城乡建|设局”): ask
  // the dictionary segmenter, which is loaded only then (≈ 20 ms the first time).
  if (best.ends.some((e) => e < n && penalty(e) === NON_WORD_PENALTY)) {
    const inside = insideWords(text);
    penalty = (i) => {
      const b = breakPenalty(text, i);
      if (b !== NON_WORD_PENALTY) return b;
      if (inside.has(i)) return INSIDE_WORD_PENALTY;
      return PLACE_TAILS.includes(text[i - 1]) ? 0 : b;
    };
    best = choose();
  }
  if (best.cost === Infinity) return greedy;
  const ends = best.ends;

  function balanced(lineCount: number): { cost: number; ends: number[] } {
    const m = cands.length;
    const mean = total / lineCount;
    const lineCost = (a: number, b: number): number => {
      const w = p[trimEnd(text, a, b)] - p[a];
      if (w > width + EPS) return Infinity;
      const d = (w - mean) / size;
      return d * d + (b < n ? penalty(b) : 0);
    };
    // cost[j][c]: best cost of j+1 lines covering text[0, cands[c]); from[j][c]: previous candidate.
    const cost: Float64Array[] = [];
    const from: Int32Array[] = [];
    for (let j = 0; j < lineCount; j++) {
      cost.push(new Float64Array(m).fill(Infinity));
      from.push(new Int32Array(m).fill(-1));
    }
    for (let c = 1; c < m; c++) cost[0][c] = lineCost(0, cands[c]);
    for (let j = 1; j < lineCount; j++) {
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
    const found: number[] = [];
    if (cost[lineCount - 1][m - 1] === Infinity) return { cost: Infinity, ends: found };
    for (let j = lineCount - 1, c = m - 1; j >= 0; c = from[j][c], j--) found.push(cands[c]);
    return { cost: cost[lineCount - 1][m - 1], ends: found.reverse() };
  }
  const lines: LineRange[] = [];
  let start = 0;
  for (let j = 0; j < ends.length; j++) {
    const e = trimEnd(text, start, ends[j]);
    lines.push({ start, end: e, next: ends[j], width: p[e] - p[start], last: j === ends.length - 1, overfull: false });
    start = ends[j];
  }
  return lines;
}

let segmenter: Intl.Segmenter | undefined;

/** Offsets `i` where a break before `text[i]` would fall inside a word of ICU's Chinese dictionary. */
export function insideWords(text: string): Set<number> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const inside = new Set<number>();
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (isWordLike) for (let i = index + 1; i < index + segment.length; i++) inside.add(i);
  }
  return inside;
}

/** The cost of a line break before `text[i]`: none at a word boundary, more inside a known word. */
export function breakPenalty(text: string, i: number): number {
  if (wordish(text, i)) return 0;
  for (const w of WHOLE_WORDS) {
    for (let k = 1; k < w.length; k++) if (text.startsWith(w, i - k)) return CUT_WORD_PENALTY;
  }
  return NON_WORD_PENALTY;
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

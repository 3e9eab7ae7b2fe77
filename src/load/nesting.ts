/**
 * Guards against hostile nesting. The `yaml` composer recurses once per level of
 * nesting: 1,000 nested `[` already overflow its stack, and when V8 happens to
 * compile a regular expression that deep it aborts the whole process
 * ("RegExpCompiler Allocation failed"), which no try/catch can stop. Its parser is
 * iterative but slow on such input (about 1 s and 200 MB for 100,000 levels).
 *
 * So the loader checks twice before composing:
 * 1. `estimateNesting` scans the text once, without allocating, and stops at a limit
 *    well above any real report: 100,000 nested brackets are refused in milliseconds.
 *    It is a fast path, not a proof (a plain scalar in odd places can fool it).
 * 2. `cstDepth` measures the real depth on the parser's concrete syntax tree with an
 *    explicit stack, so nothing deeper than the limit ever reaches the composer.
 */
import type { CST } from 'yaml';

/** Where the text first nests deeper than the limit. */
export interface TooDeep {
  depth: number;
  /** 1-based line (estimateNesting) or offset in the text (cstDepth). */
  line?: number;
  offset?: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBlankOrEnd(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

/**
 * A quick estimate of how deeply YAML or JSON text nests: flow brackets outside quoted
 * scalars and comments, block levels by the columns where lines and the nodes after
 * `- `, `? ` and `key: ` start, plus those indicators on the current line. Exact or
 * more for flow collections; at least half the real depth for block collections (a
 * list may share its parent key's column). Returns where it passes `limit`.
 */
export function estimateNesting(text: string, limit: number): TooDeep | undefined {
  const n = text.length;
  const indents: number[] = [];
  let flow = 0;
  let lineExtra = 0;
  let line = 1;
  let quote = 0; // 0, or the code of ' or " while inside a quoted scalar
  let scalarStart = true; // the next non-space character would begin a node
  let blockScalarParent = -2; // ≥ -1 while skipping the lines of a block scalar
  let lineIndent = 0;
  let i = 0;
  let atLineStart = true;

  let lineStart = 0;
  const depth = () => indents.length + lineExtra + flow;
  const skipToLineEnd = () => {
    while (i < n && text.charCodeAt(i) !== LF) i++;
  };
  /** After a block indicator at `i`: the node that follows on the same line starts a level at its column. */
  const pushFollowingColumn = () => {
    let j = i + 1;
    while (text.charCodeAt(j) === SPACE) j++;
    const c = text.charCodeAt(j);
    if (j >= n || c === LF || c === CR || c === 35 /* # */) return;
    const column = j - lineStart;
    if (indents.length === 0 || indents[indents.length - 1] < column) indents.push(column);
  };

  while (i < n) {
    if (atLineStart && quote === 0) {
      atLineStart = false;
      lineStart = i;
      let indent = 0;
      while (text.charCodeAt(i + indent) === SPACE) indent++;
      const first = text.charCodeAt(i + indent);
      const blank = i + indent >= n || first === LF || first === CR;
      if (blockScalarParent >= -1) {
        if (blank || indent > blockScalarParent) {
          skipToLineEnd();
          continue;
        }
        blockScalarParent = -2;
      }
      if (flow === 0) {
        if (blank || first === 35 /* # */) {
          skipToLineEnd();
          continue;
        }
        while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
        lineIndent = indent;
        lineExtra = 0;
        scalarStart = true;
        if (depth() > limit) return { depth: depth(), line };
      }
      i += indent;
      continue;
    }

    const c = text.charCodeAt(i);
    if (c === LF) {
      line++;
      i++;
      atLineStart = quote === 0; // a quoted scalar's continuation lines have no structure
      continue;
    }
    if (quote !== 0) {
      if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) i++; // '' inside '…'
        else {
          quote = 0;
          scalarStart = false;
        }
      } else if (c === 92 /* \ */ && quote === 34) {
        if (text.charCodeAt(i + 1) === LF) line++;
        i++;
      }
      i++;
      continue;
    }
    if (c === SPACE || c === TAB || c === CR) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : LF;
    if (c === 35 /* # */ && (prev === SPACE || prev === TAB || prev === LF)) {
      skipToLineEnd();
      continue;
    }
    const next = text.charCodeAt(i + 1);

    if (flow > 0) {
      if (c === 91 || c === 123) {
        flow++;
        scalarStart = true;
        if (depth() > limit) return { depth: depth(), line };
      } else if (c === 93 || c === 125) {
        flow--;
        scalarStart = false;
      } else if (c === 44 /* , */ || c === 58 /* : */ || (c === 63 /* ? */ && isBlankOrEnd(next))) {
        scalarStart = true;
      } else if ((c === 34 || c === 39) && scalarStart) {
        quote = c;
      } else if ((c === 38 /* & */ || c === 33) /* ! */ && scalarStart) {
        while (i + 1 < n && !isBlankOrEnd(text.charCodeAt(i + 1)) && !',[]{}'.includes(text[i + 1])) i++;
      } else {
        scalarStart = false;
      }
      i++;
      continue;
    }

    // Block context.
    if (scalarStart) {
      if ((c === 45 /* - */ || c === 63 /* ? */) && isBlankOrEnd(next)) {
        lineExtra++;
        pushFollowingColumn();
        if (depth() > limit) return { depth: depth(), line };
      } else if (c === 58 /* : */ && isBlankOrEnd(next)) {
        // explicit value after `? key`: still at the start of a node
      } else if (c === 91 || c === 123) {
        flow = 1;
        if (depth() > limit) return { depth: depth(), line };
      } else if (c === 34 || c === 39) {
        quote = c;
        scalarStart = false;
      } else if (c === 124 /* | */ || c === 62 /* > */) {
        blockScalarParent = lineIndent;
        skipToLineEnd();
        continue;
      } else if (c === 38 || c === 33) {
        while (i + 1 < n && !isBlankOrEnd(text.charCodeAt(i + 1))) i++;
      } else {
        scalarStart = false;
      }
    } else if (c === 58 && isBlankOrEnd(next)) {
      lineExtra++;
      pushFollowingColumn();
      scalarStart = true;
      if (depth() > limit) return { depth: depth(), line };
    }
    i++;
  }
  return undefined;
}

/**
 * The exact nesting of collections in the parser's syntax tree, walked with an
 * explicit stack. Returns where it passes `limit` (a top-level collection is 1).
 */
export function cstDepth(tokens: readonly CST.Token[], limit: number): TooDeep | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > limit) return { depth: d, offset: token.offset };
        for (const item of token.items) {
          const { key, value } = item as CST.CollectionItem;
          if (key) stack.push({ token: key, depth: d });
          if (value) stack.push({ token: value, depth: d });
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

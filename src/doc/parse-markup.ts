/**
 * Parser of the small closed markup the templates emit (docs/ARCHITECTURE.md §1) into a DocTree.
 *
 * Elements (and their only attributes):
 *   block:  <title> <h1> <h2> <h3> <p indent="true|false" align="justify|left|center|right">
 *           <table widths="w1 w2 …"> <page-break/> <signature>
 *   table:  <tr header="true|false">  <td rowspan="n" colspan="n" align="…">
 *   signature: <line>text</line>
 *   inline: <b> <br/> <run-in level="2|3">text</run-in>
 * Defaults: <p> indent="true" align="justify"; <td> align="center", spans 1;
 * <table> without widths gets equal columns. Void elements: <br/>, <page-break/>.
 * Text may contain the entities handlebars' escaping produces (&amp; &lt; &gt; &quot;
 * &#x27; &#x60; &#x3D;), &apos; and numeric references; any other `&` is an error.
 *
 * Whitespace: a run of whitespace that contains a line break is deleted (template
 * indentation and line breaks never reach the text; Chinese needs no space there);
 * the leading and trailing spaces of a block are trimmed; whitespace-only text
 * between blocks, rows and cells is ignored. Full-width spaces (U+3000) are text.
 *
 * Location markers `\u0001<file>:<line>\u0002` (see `locationMarker`) may precede a
 * tag; the template layer inserts them so errors name the template file and line.
 */
import type {
  Align,
  Block,
  DocMeta,
  DocTree,
  Inline,
  ParagraphNode,
  TableCell,
  TableNode,
  TableRow,
} from './tree';
import { placeCells, TableGridError } from './table-grid';

/** Start and end of a location marker. */
const MARK_START = '\u0001';
const MARK_END = '\u0002';

/** The marker the template layer puts before a tag: file index and 1-based line. */
export function locationMarker(fileIndex: number, line: number): string {
  return `${MARK_START}${fileIndex}:${line}${MARK_END}`;
}

/** A markup error, with the template file and line when known. */
export class MarkupError extends Error {
  override readonly name = 'MarkupError';
  constructor(
    /** The problem, in Chinese, without the location. */
    readonly reason: string,
    readonly file: string | undefined,
    readonly line: number,
  ) {
    super(`${file ?? '模板输出'}:${line}: ${reason}`);
  }
}

export interface ParseMarkupOptions {
  /** Names of the files that location markers refer to by index. */
  files?: readonly string[];
  /** Name used for locations when no marker was seen (defaults to “模板输出”). */
  source?: string;
}

type ElementName =
  | 'title' | 'h1' | 'h2' | 'h3' | 'p' | 'b' | 'br' | 'run-in' | 'page-break'
  | 'table' | 'tr' | 'td' | 'signature' | 'line';

const ALLOWED_ATTRIBUTES: Record<ElementName, readonly string[]> = {
  title: [],
  h1: [],
  h2: [],
  h3: [],
  p: ['indent', 'align'],
  b: [],
  br: [],
  'run-in': ['level'],
  'page-break': [],
  table: ['widths'],
  tr: ['header'],
  td: ['rowspan', 'colspan', 'align'],
  signature: [],
  line: [],
};

/** The closed set of element names (exported for the template's static check). */
export const MARKUP_ELEMENTS: ReadonlySet<string> = new Set(Object.keys(ALLOWED_ATTRIBUTES));

const ATTRIBUTE_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(ALLOWED_ATTRIBUTES).map(([k, v]) => [k, new Set(v)]),
);
const NO_ATTRS: Map<string, string> = new Map();

const VOID: ReadonlySet<string> = new Set(['br', 'page-break']);
const ALIGNS: ReadonlySet<string> = new Set(['justify', 'left', 'center', 'right']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

interface Loc {
  file: string | undefined;
  line: number;
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Map<string, string>;
}

/** An element being built: its name, attributes and what it has collected. */
interface Frame {
  name: ElementName | '#root';
  attrs: Map<string, string>;
  /** The marker in force at the start tag, and the start tag's offset. */
  file: string | undefined;
  line: number;
  markPos: number;
  pos: number;
  // What the element collects (one of these; the others null — one object shape for speed).
  inlines: Inline[] | null;
  text: string[] | null;
  blocks: Block[] | null;
  rows: TableRow[] | null;
  cells: TableCell[] | null;
  lines: string[] | null;
}

const WS_WITH_NEWLINE = /[ \t\r]*\n[ \t\r\n]*/g;

/** Parses template output into a DocTree; throws `MarkupError` naming file and line. */
export function parseMarkup(markup: string, meta: DocMeta, options: ParseMarkupOptions = {}): DocTree {
  return { meta, blocks: parseBlocks(markup, options) };
}

/** Parses template output into blocks; throws `MarkupError` naming file and line. */
export function parseBlocks(markup: string, options: ParseMarkupOptions = {}): Block[] {
  const files = options.files ?? [];
  const n = markup.length;
  /** The last location marker: file, line, and the offset just after it. */
  let file: string | undefined = options.source;
  let line = 1;
  let markPos = 0;
  let pos = 0;
  let nextMark = markup.indexOf(MARK_START);

  /** The location of an offset of the output: the last marker's line plus the line breaks since. */
  const locate = (at: number, m: { file: string | undefined; line: number; markPos: number }): Loc => {
    let l = m.line;
    for (let i = m.markPos; i < at; i++) if (markup.charCodeAt(i) === 10) l++;
    return { file: m.file, line: l };
  };
  const fail = (reason: string, at?: Loc): never => {
    const loc = at ?? locate(pos, { file, line, markPos });
    throw new MarkupError(reason, loc.file, loc.line);
  };

  const root: Frame = {
    name: '#root', attrs: NO_ATTRS, file, line: 1, markPos: 0, pos: 0,
    inlines: null, text: null, blocks: [], rows: null, cells: null, lines: null,
  };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1];

  while (pos < n) {
    if (nextMark !== -1 && nextMark < pos) nextMark = markup.indexOf(MARK_START, pos);
    let next = markup.indexOf('<', pos);
    if (next === -1) next = n;
    if (nextMark !== -1 && nextMark < next) next = nextMark;
    if (next > pos) {
      addText(pos, next);
      pos = next;
    }
    if (pos >= n) break;
    if (pos === nextMark) {
      const end = markup.indexOf(MARK_END, pos);
      if (end === -1) fail('位置标记不完整');
      const colon = markup.indexOf(':', pos);
      file = files[Number(markup.slice(pos + 1, colon))] ?? file;
      line = Number(markup.slice(colon + 1, end));
      pos = markPos = end + 1;
      continue;
    }
    const tagPos = pos;
    const tag = readTag();
    if (tag.closing) closeElement(tag.name);
    else openElement(tag, tagPos);
  }
  if (stack.length > 1) {
    const open = top();
    fail(`<${open.name}> 没有结束标签 </${open.name}>`, frameLoc(open));
  }
  return root.blocks!;

  function frameLoc(f: Frame): Loc {
    return locate(f.pos, f);
  }

  // ---- tokenizer ---------------------------------------------------------------

  function readTag(): Tag {
    // markup[pos] === '<'
    let i = pos + 1;
    let closing = false;
    if (markup[i] === '/') {
      closing = true;
      i++;
    }
    const nameStart = i;
    while (i < n && isNameChar(markup.charCodeAt(i))) i++;
    const name = markup.slice(nameStart, i);
    if (name === '') {
      const shown = markup.slice(pos, Math.min(n, pos + 12)).replace(/\s+/g, ' ');
      fail(`无法识别的标记“${shown}”：模板正文中的 < 必须是元素的开头（要印出 < 请写 &lt;）`);
    }
    if (!MARKUP_ELEMENTS.has(name)) {
      fail(`未知的元素 <${name}>：只能使用 ${[...MARKUP_ELEMENTS].map((e) => `<${e}>`).join(' ')}`);
    }
    let attrs = NO_ATTRS;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(markup.charCodeAt(i))) i++;
      if (i >= n) fail(`<${name}> 标签没有以 > 结束`);
      const c = markup[i];
      if (c === '>') {
        i++;
        break;
      }
      if (c === '/' && markup[i + 1] === '>') {
        selfClosing = true;
        i += 2;
        break;
      }
      if (closing) fail(`结束标签 </${name}> 不能带属性`);
      const attrStart = i;
      while (i < n && isNameChar(markup.charCodeAt(i))) i++;
      const attr = markup.slice(attrStart, i);
      if (attr === '') fail(`<${name}> 标签中有无法识别的字符“${markup[i]}”`);
      if (!ATTRIBUTE_SETS.get(name)!.has(attr)) {
        const allowed = ALLOWED_ATTRIBUTES[name as ElementName];
        fail(
          `<${name}> 不能有属性 ${attr}` +
            (allowed.length ? `（只能有 ${allowed.join('、')}）` : '（此元素没有属性）'),
        );
      }
      if (markup[i] !== '=') fail(`<${name}> 的属性 ${attr} 缺少 ="值"`);
      i++;
      const quote = markup[i];
      if (quote !== '"' && quote !== "'") fail(`<${name}> 的属性 ${attr} 的值必须加引号`);
      const valueEnd = markup.indexOf(quote, i + 1);
      if (valueEnd === -1) fail(`<${name}> 的属性 ${attr} 的引号没有结束`);
      if (attrs === NO_ATTRS) attrs = new Map();
      else if (attrs.has(attr)) fail(`<${name}> 的属性 ${attr} 重复`);
      attrs.set(attr, decodeEntities(markup.slice(i + 1, valueEnd)));
      i = valueEnd + 1;
    }
    pos = i;
    return { name, closing, selfClosing, attrs };
  }

  function decodeEntities(s: string): string {
    if (s.indexOf('&') === -1) return s;
    return s.replace(/&([^;&\s]{0,10});?/g, (m, body: string) => {
      if (m.endsWith(';')) {
        if (body in ENTITIES && Object.prototype.hasOwnProperty.call(ENTITIES, body)) return ENTITIES[body];
        const num = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(body);
        if (num) {
          const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2], 10);
          if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) return String.fromCodePoint(cp);
        }
      }
      return fail(`无法识别的字符实体“${m}”：要印出 & 请写 &amp;`);
    });
  }

  // ---- tree building -----------------------------------------------------------

  function addText(start: number, end: number): void {
    const frame = stack[stack.length - 1];
    let i = start;
    let newline = false;
    for (; i < end; i++) {
      const c = markup.charCodeAt(i);
      if (c === 10) newline = true;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
    const blank = i === end;
    switch (frame.name) {
      case '#root':
      case 'table':
      case 'tr':
      case 'signature': {
        if (blank) return;
        const raw = markup.slice(start, end);
        const where = frame.name === '#root' ? '正文' : `<${frame.name}>`;
        const hint =
          frame.name === '#root' ? '文字必须放在 <p>、<h1> 等元素之内' :
          frame.name === 'table' ? '表格中只能有 <tr>' :
          frame.name === 'tr' ? '表格行中只能有 <td>' : '落款中只能有 <line>';
        return fail(`${where}中出现了元素之外的文字“${clip(raw.trim())}”：${hint}`, locate(i, { file, line, markPos }));
      }
      default: {
        if (blank && newline) return;
        let raw = markup.slice(start, end);
        if (raw.indexOf('\n') !== -1) raw = raw.replace(WS_WITH_NEWLINE, '');
        const text = decodeEntities(raw);
        if (text === '') return;
        if (frame.name === 'run-in' || frame.name === 'line') frame.text!.push(text);
        else pushText(frame.inlines!, text);
      }
    }
  }

  function openElement(tag: Tag, tagPos: number): void {
    const parent = top();
    const name = tag.name as ElementName;
    const context = parent.name;
    const isBlock = name === 'title' || name === 'h1' || name === 'h2' || name === 'h3' || name === 'p' ||
      name === 'table' || name === 'page-break' || name === 'signature';
    const isInline = name === 'b' || name === 'br' || name === 'run-in';
    const inlineContext = context === 'title' || context === 'h1' || context === 'h2' || context === 'h3' ||
      context === 'p' || context === 'td' || context === 'b';

    let ok: boolean;
    if (isBlock) ok = context === '#root';
    else if (isInline) ok = inlineContext && (name !== 'run-in' || context === 'p');
    else if (name === 'tr') ok = context === 'table';
    else if (name === 'td') ok = context === 'tr';
    else ok = context === 'signature'; // line
    if (!ok) {
      const where = context === '#root' ? '正文顶层' : `<${context}> 之内`;
      const expected =
        name === 'tr' ? '（<tr> 只能在 <table> 之内）' :
        name === 'td' ? '（<td> 只能在 <tr> 之内）' :
        name === 'line' ? '（<line> 只能在 <signature> 之内）' :
        name === 'run-in' ? '（<run-in> 只能在 <p> 之内）' :
        isBlock ? '（此元素只能在正文顶层，不能嵌套）' : '（此元素只能在段落、标题或单元格之内）';
      fail(`<${name}> 不能出现在${where}${expected}`, locate(tagPos, { file, line, markPos }));
    }

    const frame: Frame = {
      name, attrs: tag.attrs, file, line, markPos, pos: tagPos,
      inlines: null, text: null, blocks: null, rows: null, cells: null, lines: null,
    };
    switch (name) {
      case 'table':
        frame.rows = [];
        break;
      case 'tr':
        frame.cells = [];
        break;
      case 'signature':
        frame.lines = [];
        break;
      case 'run-in':
      case 'line':
        frame.text = [];
        break;
      case 'br':
      case 'page-break':
        break;
      default:
        frame.inlines = [];
    }
    if (VOID.has(name) || tag.selfClosing) {
      stack.push(frame);
      finish();
    } else {
      stack.push(frame);
    }
  }

  function closeElement(name: string): void {
    const frame = top();
    if (frame.name === '#root') fail(`多余的结束标签 </${name}>`);
    if (VOID.has(name)) fail(`<${name}/> 没有结束标签，不要写 </${name}>`);
    if (frame.name !== name) {
      fail(`结束标签 </${name}> 与开始标签 <${frame.name}>（第${frameLoc(frame).line}行）不匹配`);
    }
    finish();
  }

  /** Pops the top frame and attaches its node to the parent. */
  function finish(): void {
    const frame = stack.pop()!;
    const parent = top();
    switch (frame.name) {
      case 'title':
        parent.blocks!.push({ kind: 'title', children: trimInlines(frame.inlines!) });
        return;
      case 'h1':
      case 'h2':
      case 'h3':
        parent.blocks!.push({
          kind: 'heading',
          level: frame.name === 'h1' ? 1 : frame.name === 'h2' ? 2 : 3,
          children: trimInlines(frame.inlines!),
        });
        return;
      case 'p': {
        const node: ParagraphNode = {
          kind: 'paragraph',
          indent: boolAttr(frame, 'indent', true),
          align: alignAttr(frame, 'justify'),
          children: trimInlines(frame.inlines!),
        };
        parent.blocks!.push(node);
        return;
      }
      case 'page-break':
        parent.blocks!.push({ kind: 'pageBreak' });
        return;
      case 'signature':
        parent.blocks!.push({ kind: 'signature', lines: frame.lines! });
        return;
      case 'line':
        parent.lines!.push(frame.text!.join('').trim());
        return;
      case 'table':
        parent.blocks!.push(finishTable(frame));
        return;
      case 'tr':
        parent.rows!.push({ header: boolAttr(frame, 'header', false), cells: frame.cells! });
        return;
      case 'td':
        parent.cells!.push({
          rowSpan: intAttr(frame, 'rowspan'),
          colSpan: intAttr(frame, 'colspan'),
          align: alignAttr(frame, 'center'),
          children: trimInlines(frame.inlines!),
        });
        return;
      case 'b': {
        const children = frame.inlines!;
        if (children.length) parent.inlines!.push({ kind: 'strong', children });
        return;
      }
      case 'br':
        parent.inlines!.push({ kind: 'lineBreak' });
        return;
      case 'run-in': {
        const level = frame.attrs.get('level');
        if (level !== '2' && level !== '3') {
          fail(`<run-in> 必须有属性 level="2" 或 level="3"${level === undefined ? '' : `，不能是“${level}”`}`, frameLoc(frame));
        }
        const text = frame.text!.join('');
        if (text) parent.inlines!.push({ kind: 'runIn', level: level === '2' ? 2 : 3, text });
        return;
      }
      default:
        fail(`内部错误：未处理的元素 ${frame.name}`, frameLoc(frame));
    }
  }

  function finishTable(frame: Frame): TableNode {
    const rows = frame.rows!;
    if (rows.length === 0) fail('<table> 中没有任何 <tr>', frameLoc(frame));
    // Lay the cells on the grid: every row must fill the same number of columns.
    let columns = 0;
    try {
      columns = placeCells(rows).cols;
    } catch (e) {
      if (e instanceof TableGridError) fail(e.message, frameLoc(frame));
      throw e;
    }
    let widths: number[];
    const spec = frame.attrs.get('widths');
    if (spec === undefined) {
      widths = new Array<number>(columns).fill(1);
    } else {
      const parts = spec.trim().split(/[\s,]+/);
      widths = parts.map(Number);
      if (parts.some((p) => !/^\d+(\.\d+)?$/.test(p)) || widths.some((w) => !(w > 0))) {
        fail(`<table> 的 widths="${spec}" 应为以空格分隔的正数，如 widths="2 1 1"`, frameLoc(frame));
      }
      if (widths.length !== columns) {
        fail(`<table> 的 widths 给出${widths.length}列，但表格有${columns}列`, frameLoc(frame));
      }
    }
    return { kind: 'table', widths, rows };
  }

  function boolAttr(frame: Frame, name: string, dflt: boolean): boolean {
    const v = frame.attrs.get(name);
    if (v === undefined) return dflt;
    if (v === 'true') return true;
    if (v === 'false') return false;
    return fail(`<${frame.name}> 的属性 ${name} 只能是 "true" 或 "false"，不能是“${v}”`, frameLoc(frame));
  }

  function alignAttr(frame: Frame, dflt: Align): Align {
    const v = frame.attrs.get('align');
    if (v === undefined) return dflt;
    if (ALIGNS.has(v)) return v as Align;
    return fail(`<${frame.name}> 的属性 align 只能是 justify、left、center 或 right，不能是“${v}”`, frameLoc(frame));
  }

  function intAttr(frame: Frame, name: string): number {
    const v = frame.attrs.get(name);
    if (v === undefined) return 1;
    if (/^[1-9]\d{0,2}$/.test(v)) return Number(v);
    return fail(`<${frame.name}> 的属性 ${name} 应为正整数，不能是“${v}”`, frameLoc(frame));
  }
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function clip(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** Appends text, merging with a preceding text node. */
function pushText(inlines: Inline[], text: string): void {
  const last = inlines[inlines.length - 1];
  if (last && last.kind === 'text') last.text += text;
  else inlines.push({ kind: 'text', text });
}

/** Trims the spaces at the start and end of a block's inline content. */
function trimInlines(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first && first.kind === 'text') {
    const t = first.text;
    let i = 0;
    while (i < t.length && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
    if (i > 0) first.text = t.slice(i);
    if (first.text === '') inlines.shift();
  }
  const last = inlines[inlines.length - 1];
  if (last && last.kind === 'text') {
    const t = last.text;
    let j = t.length;
    while (j > 0 && (t.charCodeAt(j - 1) === 32 || t.charCodeAt(j - 1) === 9)) j--;
    if (j < t.length) last.text = t.slice(0, j);
    if (last.text === '') inlines.pop();
  }
  return inlines;
}

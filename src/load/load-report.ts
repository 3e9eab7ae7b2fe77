import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../validate/diagnostic';
import { cstDepth, estimateNesting } from './nesting';
import { joinPath, type SourceMap } from './source-map';
import { findTypingMistakes } from './typing-mistakes';

/** A parsed input file: the raw data (not yet validated) and where each path came from. */
export interface LoadedSource {
  data: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

/** Paths whose numbers keep their source spelling (amounts printed as entered). */
const VERBATIM_NUMBER_PATHS = new Set(['proactive.fees']);

/** Deepest nesting of lists and “键: 值” blocks accepted (a report needs 5). */
export const MAX_DEPTH = 64;
/** The quick scan's limit: above MAX_DEPTH because it over-estimates. */
const SCAN_LIMIT = 4 * MAX_DEPTH;
/** Largest input accepted: a real report is about 30 KB; 300 paragraphs of narrative about 200 KB. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Syntax errors listed before the rest are summed up in one line. */
const MAX_PARSE_ERRORS = 10;
/** Aliases (`*name`) expanded at most this many times in all (billion-laughs guard). */
const MAX_ALIAS_COUNT = 50;

function parseError(message: string, line?: number): Diagnostic {
  return { severity: 'error', code: 'PARSE', path: '', line, message };
}

/** True when the bytes are not valid UTF-8 (likely GBK/GB18030 from an old Windows editor). */
function isInvalidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Files people pick by mistake instead of the data file, by their first bytes. */
const NOT_DATA: readonly { magic: readonly number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'Word/Excel 文件（.docx/.xlsx）或压缩包' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Word/Excel 文件（.doc/.xls）' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'PDF 文件' },
];

/** 'le' or 'be' when the bytes look like UTF-16 without a byte order mark (many NUL bytes on one side). */
function looksLikeUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs / 4 && even < odd / 8) return 'le';
  if (even > pairs / 4 && odd < even / 8) return 'be';
  return undefined;
}

/**
 * Decodes file bytes as UTF-8 (a BOM is accepted; so is UTF-16 with its BOM, which
 * Windows Notepad writes as “Unicode”). GBK/GB18030 and UTF-16 without a BOM are
 * refused with a message saying so, since guessing an encoding could silently
 * corrupt names; so are files far larger than any report, and Word, Excel and PDF
 * files given by mistake.
 */
export function decodeInput(bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  if (bytes.length > MAX_INPUT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { diagnostic: parseError(`文件太大（${mb} MB），已拒绝：报告数据文件一般只有几十 KB，最大 ${MAX_INPUT_BYTES / 1024 / 1024} MB`) };
  }
  for (const { magic, what } of NOT_DATA) {
    if (startsWith(bytes, magic)) return { diagnostic: parseError(`这是${what}，不是 YAML 或 JSON 报告数据：请选择报告数据文件，或用 xxgk init 生成一份模板`) };
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch {
      return { diagnostic: parseError('文件以 UTF-16 的字节顺序标记开头，但内容不是有效的 UTF-16。请另存为“UTF-8”编码后再试') };
    }
  }
  const noBom = looksLikeUtf16(bytes);
  if (noBom) {
    return {
      diagnostic: parseError(
        `文件不是 UTF-8 编码，看起来是没有字节顺序标记的 UTF-16${noBom === 'le' ? 'LE' : 'BE'} 编码。请用记事本或 WPS 另存为“UTF-8”编码后再试`,
      ),
    };
  }
  if (isInvalidUtf8(bytes)) {
    let hint = '';
    try {
      const gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      if (/[\u4e00-\u9fff]/.test(gb)) hint = '，看起来是 GBK/GB18030 编码';
    } catch {
      /* not GB18030 either */
    }
    return {
      diagnostic: parseError(`文件不是 UTF-8 编码${hint}。请用记事本或 WPS 另存为“UTF-8”编码后再试`),
    };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

const tooDeepMessage = (line?: number) =>
  `数据嵌套超过 ${MAX_DEPTH} 层${line ? `（第 ${line} 行起）` : ''}，不是报告数据，已拒绝（报告数据最多嵌套 5 层）`;

/**
 * Parses YAML text to a document, refusing hostile nesting before the (recursive)
 * composer sees it. Returns the document, or the diagnostics that stop loading.
 */
function parseYaml(text: string, lineCounter: LineCounter): { doc?: Document.Parsed; diagnostics: Diagnostic[] } {
  const estimate = estimateNesting(text, SCAN_LIMIT);
  if (estimate) return { diagnostics: [parseError(tooDeepMessage(estimate.line), estimate.line)] };
  const tokens: CST.Token[] = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = cstDepth(tokens, MAX_DEPTH);
  if (deep) {
    const line = deep.offset === undefined ? undefined : lineCounter.linePos(deep.offset).line;
    return { diagnostics: [parseError(tooDeepMessage(line), line)] };
  }
  const composer = new Composer({ uniqueKeys: true });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return { doc, diagnostics: [] };
}

/** Parses YAML or JSON text (JSON is read by the YAML parser too, so lines are known). */
export function loadReportText(text: string): LoadedSource {
  const lines = new Map<string, number>();
  const sourceMap: SourceMap = { lineOf: (p) => lines.get(p) };
  if (text.trim() === '') {
    return { data: undefined, sourceMap, diagnostics: [parseError('文件是空的：请填写报告数据，或用 xxgk init 生成一份模板')] };
  }
  const typos = findTypingMistakes(text);
  if (typos.length > 0) {
    return { data: undefined, sourceMap, diagnostics: typos.map((t) => ({ severity: 'error', code: 'TYPO', path: '', line: t.line, message: t.message })) };
  }
  const lineCounter = new LineCounter();
  const parsed = parseYaml(text, lineCounter);
  const doc = parsed.doc;
  if (!doc) return { data: undefined, sourceMap, diagnostics: parsed.diagnostics };
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors
      .slice(0, MAX_PARSE_ERRORS)
      .map((e) => parseError(`无法解析：${translateYamlError(e.code, e.message)}`, lineAt(e.pos[0])));
    const more = doc.errors.length - MAX_PARSE_ERRORS;
    if (more > 0) diagnostics.push(parseError(`另有 ${more} 处格式错误未列出：请先改正上面的错误`));
    return { data: undefined, sourceMap, diagnostics };
  }

  let tooDeep = false;
  /** Line of the first key that is a list, a map or an alias (their JSON form can grow exponentially). */
  let complexKey: number | undefined;
  const visit = (node: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return;
    }
    const n = node as YamlNode | null;
    if (n && n.range) lines.set(path, lineAt(n.range[0]));
    if (isMap(n)) {
      for (const pair of n.items) {
        if (pair.key !== null && !isScalar(pair.key)) {
          const k = pair.key as YamlNode;
          complexKey ??= k.range ? lineAt(k.range[0]) : 0;
          continue;
        }
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = joinPath(path, key);
        const k = pair.key as YamlNode | null;
        if (k && k.range) lines.set(child, lineAt(k.range[0]));
        visit(pair.value, child, depth + 1);
        const v = pair.value as YamlNode | null;
        if (k && k.range && v && v.range) lines.set(child, lineAt(k.range[0]));
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => visit(item, joinPath(path, i), depth + 1));
    }
  };
  visit(doc.contents, '', 0);
  if (tooDeep) return { data: undefined, sourceMap, diagnostics: [parseError(tooDeepMessage())] };
  if (complexKey !== undefined) {
    const line = complexKey || undefined;
    return { data: undefined, sourceMap, diagnostics: [parseError('键必须是简单的文字，不能是列表、“键: 值”或别名（*名称）', line)] };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    const why = /alias/i.test(message)
      ? `别名（*名称）展开过多，已拒绝（可能是恶意构造的文件）：报告数据不需要大量使用锚点（&）和别名（*）`
      : /call stack/i.test(message)
        ? tooDeepMessage()
        : `无法解析（${message}）`;
    return { data: undefined, sourceMap, diagnostics: [parseError(why)] };
  }
  keepVerbatimNumbers(doc, data);
  return { data, sourceMap, diagnostics: [] };
}

function keepVerbatimNumbers(doc: Document.Parsed, data: unknown): void {
  for (const path of VERBATIM_NUMBER_PATHS) {
    const keys = path.split('.');
    const node = doc.getIn(keys, true);
    if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string' && /^\d+(\.\d+)?$/.test(node.source)) {
      let target = data as Record<string, unknown>;
      for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
      target[keys[keys.length - 1]] = node.source;
    }
  }
}

function translateYamlError(code: string, message: string): string {
  const first = message.split('\n')[0];
  if (code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(message)) return tooDeepMessage();
  const known: Record<string, string> = {
    DUPLICATE_KEY: '同一个键出现了两次',
    BAD_INDENT: '缩进不正确',
    BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不正确',
    MISSING_CHAR: '缺少字符（如冒号、引号或括号）',
    UNEXPECTED_TOKEN: '出现了意外的字符',
    MULTILINE_IMPLICIT_KEY: '键不能跨行，可能缺少冒号或缩进不对',
    TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
    ALIAS_PROPS: '别名用法不正确',
    BAD_ALIAS: '别名（*名称）用法不正确',
    BAD_DQ_ESCAPE: '双引号中的转义写法（\\）不正确',
    BAD_SCALAR_START: '值不能以这个字符开头，请给值加引号',
    BLOCK_IN_FLOW: '方括号或花括号中不能使用缩进的块',
    KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
    MULTIPLE_DOCS: '文件中有多份 YAML 文档（用 --- 分隔），一个文件只能写一份报告',
    MULTIPLE_ANCHORS: '同一个值有多个锚点（&）',
    MULTIPLE_TAGS: '同一个值有多个标签（!）',
    TAG_RESOLVE_FAILED: '无法按标签（!）读取值',
    RESOURCE_EXHAUSTION: '别名展开过多，已拒绝（可能是恶意构造的文件）',
  };
  return `${known[code] ?? '格式错误'}（${first}）`;
}

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../validate/diagnostic';
import { joinPath, type SourceMap } from './source-map';

/** A parsed input file: the raw data (not yet validated) and where each path came from. */
export interface LoadedSource {
  data: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

/** Paths whose numbers keep their source spelling (amounts printed as entered). */
const VERBATIM_NUMBER_PATHS = new Set(['proactive.fees']);

const MAX_DEPTH = 64;

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

/**
 * Decodes file bytes as UTF-8 (a BOM is accepted); GBK/GB18030 is refused with a
 * message saying so, since guessing an encoding could silently corrupt names.
 */
export function decodeInput(bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
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

/** Parses YAML or JSON text (JSON is read by the YAML parser too, so lines are known). */
export function loadReportText(text: string): LoadedSource {
  const lines = new Map<string, number>();
  const sourceMap: SourceMap = { lineOf: (p) => lines.get(p) };
  if (text.trim() === '') {
    return { data: undefined, sourceMap, diagnostics: [parseError('文件是空的：请填写报告数据，或用 xxgk init 生成一份模板')] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) => parseError(`无法解析：${translateYamlError(e.code, e.message)}`, lineAt(e.pos[0])));
    return { data: undefined, sourceMap, diagnostics };
  }

  let tooDeep = false;
  const visit = (node: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return;
    }
    const n = node as YamlNode | null;
    if (n && n.range) lines.set(path, lineAt(n.range[0]));
    if (isMap(n)) {
      for (const pair of n.items) {
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
  if (tooDeep) {
    return { data: undefined, sourceMap, diagnostics: [parseError(`数据嵌套超过 ${MAX_DEPTH} 层，不是报告数据`)] };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { data: undefined, sourceMap, diagnostics: [parseError(`无法解析：${(e as Error).message}`)] };
  }
  keepVerbatimNumbers(doc, data);
  return { data, sourceMap, diagnostics: [] };
}

function keepVerbatimNumbers(doc: ReturnType<typeof parseDocument>, data: unknown): void {
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
  const known: Record<string, string> = {
    DUPLICATE_KEY: '同一个键出现了两次',
    BAD_INDENT: '缩进不正确',
    BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不正确',
    MISSING_CHAR: '缺少字符（如冒号、引号或括号）',
    UNEXPECTED_TOKEN: '出现了意外的字符',
    MULTILINE_IMPLICIT_KEY: '键不能跨行，可能缺少冒号或缩进不对',
    TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
    ALIAS_PROPS: '别名用法不正确',
    RESOURCE_EXHAUSTION: '别名展开过多，已拒绝（可能是恶意构造的文件）',
  };
  return `${known[code] ?? '格式错误'}（${first}）`;
}

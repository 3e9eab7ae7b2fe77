import * as path from 'node:path';
import type { Diagnostic } from '../validate/diagnostic';

/**
 * A problem in a template (not in the data): a syntax error, an unknown helper or
 * element, a field the template reads that the data does not have… It names the
 * template file and, where known, the line. The CLI prints `message` (Chinese,
 * `file:line: reason`) and exits 1; it never shows a stack trace.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly code = 'TEMPLATE';
  constructor(
    /** The problem, in Chinese, without the location. */
    readonly reason: string,
    /** Absolute path of the template file. */
    readonly file: string,
    /** 1-based line in that file, where known. */
    readonly line?: number,
  ) {
    super(`${displayPath(file)}${line ? `:${line}` : ''}: 模板错误：${reason}`);
  }

  /** The error as a diagnostic (`path` is the template file). */
  toDiagnostic(): Diagnostic {
    return { severity: 'error', code: 'TEMPLATE', path: displayPath(this.file), line: this.line, message: `模板错误：${this.reason}` };
  }
}

/** A path relative to the working directory when it lies inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const HELPERS_HINT = '可用的有 ordinal、cn、date、amount、paragraphs 以及 if、unless、each、with';

/** Translates a handlebars (or helper) error into a TemplateError for `file`. */
export function toTemplateError(e: unknown, file: string, source?: string): TemplateError {
  if (e instanceof TemplateError) return e;
  const err = e as { message?: unknown; lineNumber?: unknown };
  const message = typeof err?.message === 'string' ? err.message : String(e);
  let line = typeof err?.lineNumber === 'number' ? err.lineNumber : undefined;
  let m: RegExpExecArray | null;
  let reason: string;
  // First and without a regular expression: this runs near the stack's limit, where Node 24
  // fails to compile one ("Invalid regular expression: …: Stack overflow") and that error comes back here.
  if (message.includes('Maximum call stack size exceeded') || message.endsWith(': Stack overflow')) {
    reason = '模板片段互相引用或引用自身，形成了无限循环';
  } else if ((m = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message))) {
    line = Number(m[1]);
    const [excerpt, caret] = m[2].split('\n');
    reason = `语法错误（检查 {{ }} 是否成对、块是否闭合）：${excerpt ?? ''}${caret ? `\n${caret}` : ''}`;
  } else if ((m = /^Lexical error on line (\d+)/.exec(message))) {
    line = Number(m[1]);
    reason = '语法错误：无法识别的 {{ }} 内容';
  } else if ((m = /^(\S+) doesn't match (\S+)/.exec(message))) {
    reason = `块标签不匹配：{{#${m[1]}}} 却以 {{/${m[2]}}} 结束`;
  } else if ((m = /^"([^"]+)" not defined in/.exec(message))) {
    reason = `引用了数据中不存在的字段“${m[1]}”`;
  } else if ((m = /unknown helper (\S+?)(?: - \d+:\d+)?$/.exec(message)) || (m = /^Missing helper: "([^"]+)"/.exec(message))) {
    reason = `使用了未知的辅助函数“${m[1]}”（${HELPERS_HINT}）`;
  } else if ((m = /^The partial (.+) could not be found/.exec(message))) {
    reason = `找不到模板片段“${m[1]}”：模板文件夹中应有文件 ${m[1]}.hbs`;
    if (line === undefined && source !== undefined) line = findLine(source, new RegExp(`\\{\\{~?#?>\\s*${escapeRegExp(m[1])}(?![\\w-])`));
  } else if ((m = /^Missing decorator/.exec(message))) {
    reason = '不能使用修饰器 {{* …}}';
  } else if ((m = /^Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(message))) {
    reason = `引用了数据中不存在的字段（无法读取其下的“${m[1]}”）`;
    if (line === undefined && source !== undefined) line = findLine(source, new RegExp(`\\.${escapeRegExp(m[1])}(?![\\w-])`));
  } else if ((m = /^Cannot use 'in' operator to search for '([^']+)'/.exec(message))) {
    reason = `“${m[1]}”不是数据中的字段（文字和数字没有下级字段）`;
    if (line === undefined && source !== undefined) line = findLine(source, new RegExp(`\\.${escapeRegExp(m[1])}(?![\\w-])`));
  } else {
    reason = `${message.replace(/ - \d+:\d+$/, '')}`;
  }
  return new TemplateError(reason, file, line);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findLine(source: string, re: RegExp): number | undefined {
  const lines = source.split('\n');
  const i = lines.findIndex((l) => re.test(l));
  return i === -1 ? undefined : i + 1;
}

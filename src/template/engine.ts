/**
 * The handlebars set-up: one isolated instance, only pure helpers, strict mode,
 * known helpers only, no prototype-access options, strings only (docs/TECH-NOTES.md §5).
 *
 * Before compiling, each template is parsed and checked: no decorators or inline
 * partials, no unescaped `{{{ }}}` (so data can never add markup), no path through
 * `constructor`/`__proto__`/…, no dynamic partial names, only known markup elements.
 * Location markers are put before the first tag of every template line, so errors
 * found in the markup name the template file and line.
 */
import { createHash } from 'node:crypto';
// The runtime alone (the compiler is 600 KB of JavaScript): bundled templates arrive
// precompiled; the compiler is loaded only for a template folder a user edited.
import Handlebars from 'handlebars/runtime';
import { locationMarker, MARKUP_ELEMENTS } from '../doc/parse-markup';
import { TemplateError, toTemplateError } from './errors';
import { chineseNumeral, chineseOrdinal, formatAmountAsEntered, formatChineseDate, paragraphsMarkup } from './format';

const hb = Handlebars.create();
hb.unregisterHelper('lookup');

/** handlebars' parser and compiler, loaded on first use. */
function compiler(): typeof import('handlebars') {
  return require('handlebars') as typeof import('handlebars');
}
hb.unregisterHelper('log');

/** An error thrown by a helper, carrying the template line (handlebars gives helpers `options.loc`). */
class HelperError extends Error {
  constructor(message: string, readonly lineNumber: number | undefined) {
    super(message);
  }
}

interface HelperOptions {
  loc?: { start?: { line?: number } };
}

const lineOf = (args: unknown[]): number | undefined => (args[args.length - 1] as HelperOptions | undefined)?.loc?.start?.line;

/**
 * handlebars' strict mode does not check helper arguments, so a misspelt field in
 * `{{paragraphs problemz}}` or `{{#if contactt}}` would silently print nothing. The
 * view model uses null (never undefined) for absent values, so undefined here can
 * only mean a field that does not exist: refuse it.
 */
function checkArgs(name: string, args: unknown[], count: number): void {
  // handlebars passes its options object as the last argument
  if (args.length - 1 !== count) throw new HelperError(`辅助函数 ${name} 需要 ${count} 个参数，写了 ${args.length - 1} 个`, lineOf(args));
  for (let i = 0; i < count; i++) {
    if (args[i] === undefined) throw new HelperError(`${name} 的参数引用了数据中不存在的字段`, lineOf(args));
  }
}

function integer(name: string, args: unknown[]): number {
  checkArgs(name, args, 1);
  const v = args[0];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new HelperError(`辅助函数 ${name} 需要一个整数，得到的是“${String(v)}”`, lineOf(args));
  return v;
}

/** The helpers templates may call (all pure). */
const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** {{ordinal 2}} → （二） */
  ordinal: (...a) => chineseOrdinal(integer('ordinal', a)),
  /** {{cn 12}} → 十二 (for “一、” style: {{cn n}}、) */
  cn: (...a) => chineseNumeral(integer('cn', a)),
  /** {{date "2022-01-20"}} → 2022年1月20日 */
  date: (...a) => {
    checkArgs('date', a, 1);
    if (typeof a[0] !== 'string') throw new HelperError('辅助函数 date 需要形如 2022-01-20 的日期', lineOf(a));
    try {
      return formatChineseDate(a[0]);
    } catch (e) {
      throw new HelperError((e as Error).message, lineOf(a));
    }
  },
  /** {{amount proactive.fees}} → the amount in 万元 as entered */
  amount: (...a) => {
    checkArgs('amount', a, 1);
    try {
      return formatAmountAsEntered(a[0]);
    } catch (e) {
      throw new HelperError((e as Error).message, lineOf(a));
    }
  },
  /** {{paragraphs text}} → <p>…</p> per paragraph, text escaped, **bold** and run-in headings marked */
  paragraphs: (...a) => {
    checkArgs('paragraphs', a, 1);
    const t = a[0];
    if (t !== null && typeof t !== 'string') throw new HelperError('辅助函数 paragraphs 需要文字', lineOf(a));
    return new hb.SafeString(paragraphsMarkup(t));
  },
};
for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);

// The block helpers, refusing a misspelt (undefined) field the same way.
for (const name of ['if', 'unless', 'each', 'with']) {
  const builtin = hb.helpers[name] as (this: unknown, ...args: unknown[]) => unknown;
  hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    if (args.length >= 2 && args[0] === undefined) {
      throw new HelperError(`{{#${name}}} 引用了数据中不存在的字段`, lineOf(args));
    }
    return builtin.apply(this, args);
  });
}

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: {
    ordinal: true,
    cn: true,
    date: true,
    amount: true,
    paragraphs: true,
    lookup: false,
    log: false,
  },
  preventIndent: true,
} as const;

/** Path segments a template may never read (prototype access). */
const FORBIDDEN = new Set<string>([
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  'prototype',
  '__proto__',
]);

/** A compiled template: call it with the view and handlebars runtime options. */
export type CompiledTemplate = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/**
 * Checks and compiles one template file. `fileIndex` is its index in the folder's
 * file list (used by the location markers).
 */
export function compileTemplate(source: string, file: string, fileIndex: number): CompiledTemplate {
  if (typeof source !== 'string') throw new TemplateError('模板内容必须是文字', file);
  const spec = PRECOMPILED[precompiledKey(source, fileIndex)];
  let compiled: HandlebarsTemplateDelegate;
  if (spec) {
    // Built from this very text at build time, after the same checks.
    compiled = hb.template(spec);
  } else {
    const marked = checkedSource(source, file, fileIndex);
    try {
      // What handlebars' own compile() does: generate the spec's JavaScript, then run it.
      const code = compiler().precompile(marked, COMPILE_OPTIONS) as unknown as string;
      compiled = hb.template(new Function(`return ${code};`)() as TemplateSpecification);
    } catch (e) {
      throw toTemplateError(e, file, source);
    }
  }
  return (context, options) => {
    try {
      return compiled(context, options);
    } catch (e) {
      throw toTemplateError(e, file, source);
    }
  };
}

/** Parses and checks a template, returning its source with location markers. */
function checkedSource(source: string, file: string, fileIndex: number): string {
  let ast: hbs.AST.Program;
  try {
    ast = compiler().parse(source);
  } catch (e) {
    throw toTemplateError(e, file, source);
  }
  return insertMarkers(source, checkAndLocate(ast, source, file), fileIndex);
}

/** The key of a template text (and its place in the folder) among the precompiled templates. */
export function precompiledKey(source: string, fileIndex: number): string {
  return createHash('sha256').update(`${fileIndex}\u0000${source}`).digest('hex');
}

/**
 * Build step: checks and precompiles a template to handlebars' JavaScript spec, so the
 * bundled templates start without the compiler (~150 ms cold). Throws TemplateError.
 */
export function precompileTemplate(source: string, file: string, fileIndex: number): string {
  return compiler().precompile(checkedSource(source, file, fileIndex), COMPILE_OPTIONS) as unknown as string;
}

/** Specs written by scripts/precompile-templates.js into dist/ (absent when running from src/). */
const PRECOMPILED: Record<string, TemplateSpecification> = loadPrecompiled();

function loadPrecompiled(): Record<string, TemplateSpecification> {
  try {
    return require('./precompiled-templates.js') as Record<string, TemplateSpecification>;
  } catch {
    return Object.create(null) as Record<string, TemplateSpecification>;
  }
}

interface Insert {
  offset: number;
  line: number;
}

/** Walks the AST: rejects what templates may not do; returns where to put location markers. */
function checkAndLocate(ast: hbs.AST.Program, source: string, file: string): Insert[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offsetOf = (p: hbs.AST.Position) => (lineStarts[p.line - 1] ?? source.length) + p.column;
  const inserts: Insert[] = [];

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as hbs.AST.Node & Record<string, unknown>;
    const line = n.loc?.start?.line;
    switch (n.type) {
      case 'Decorator':
      case 'DecoratorBlock':
        throw new TemplateError('不能使用修饰器 {{* …}} 或内联片段 {{#*inline}}：片段请写成单独的 .hbs 文件', file, line);
      case 'MustacheStatement':
        if ((n as unknown as hbs.AST.MustacheStatement).escaped === false) {
          throw new TemplateError(
            '不能使用不转义的 {{{ … }}} 或 {{& … }}：数据中的 < & 等字符必须转义；多段正文请用 {{paragraphs …}}',
            file,
            line,
          );
        }
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        if ((n as unknown as hbs.AST.PartialStatement).name.type !== 'PathExpression') {
          throw new TemplateError('模板片段名必须直接写出，如 {{> table-3}}', file, line);
        }
        break;
      case 'PathExpression': {
        const bad = (n as unknown as hbs.AST.PathExpression).parts.find((p) => FORBIDDEN.has(p) || p.startsWith('__'));
        if (bad !== undefined) throw new TemplateError(`不能读取“${bad}”：模板只能使用报告数据中的字段`, file, line);
        break;
      }
      case 'ContentStatement': {
        if (!n.loc) break;
        const start = offsetOf(n.loc.start);
        const end = offsetOf(n.loc.end);
        const text = source.slice(start, end);
        let lineNo = n.loc.start.line;
        let lineBegin = 0;
        for (;;) {
          const nl = text.indexOf('\n', lineBegin);
          const lineEnd = nl === -1 ? text.length : nl;
          const lt = text.indexOf('<', lineBegin);
          if (lt !== -1 && lt < lineEnd) {
            inserts.push({ offset: start + lt, line: lineNo });
            const re = /<\/?([A-Za-z0-9-]*)/g;
            re.lastIndex = lt;
            for (let m = re.exec(text); m && m.index < lineEnd; m = re.exec(text)) {
              if (m[1] !== '' && !MARKUP_ELEMENTS.has(m[1])) {
                throw new TemplateError(
                  `未知的元素 <${m[1]}>：只能使用 ${[...MARKUP_ELEMENTS].map((e) => `<${e}>`).join(' ')}`,
                  file,
                  lineNo,
                );
              }
            }
          }
          if (nl === -1) break;
          lineBegin = nl + 1;
          lineNo++;
        }
        break;
      }
    }
    for (const key of Object.keys(n)) {
      if (key === 'loc' || key === 'strip' || key === 'openStrip' || key === 'closeStrip' || key === 'inverseStrip') continue;
      const v = n[key];
      if (v !== null && typeof v === 'object') visit(v);
    }
  };
  visit(ast);
  return inserts;
}

function insertMarkers(source: string, inserts: Insert[], fileIndex: number): string {
  if (inserts.length === 0) return source;
  inserts.sort((a, b) => a.offset - b.offset);
  let out = '';
  let pos = 0;
  for (const { offset, line } of inserts) {
    out += source.slice(pos, offset) + locationMarker(fileIndex, line);
    pos = offset;
  }
  return out + source.slice(pos);
}

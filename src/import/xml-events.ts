/**
 * A streaming walk over XML or HTML with htmlparser2 (no tree, no recursion), with the caps of
 * docs/IMPORT.md §6: a `<!DOCTYPE` in XML is refused before parsing (so no entity is ever
 * defined, expanded, fetched or read), and nesting deeper than the cap is refused.
 */
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './limits';

/** Callbacks of the walk; names are lower-cased in HTML and kept (with prefix) in XML. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, depth: number): void;
  close(name: string, depth: number): void;
  text(text: string): void;
}

/** Refuses XML with a document type declaration (the only way to declare entities). */
export function refuseDoctype(xml: string, part: string): void {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new ImportError(`${part} 中有 DOCTYPE（文档类型）声明：正常的 Word 文件没有，为安全起见拒绝读取`);
  }
}

/** Walks `source`; `xml` selects XML mode (OOXML parts), otherwise HTML rules (void and implied elements). */
export function walkMarkup(source: string, xml: boolean, handlers: XmlHandlers, what: string): void {
  // Loaded here: only the import path needs a parser.
  const { Parser } = require('htmlparser2') as typeof import('htmlparser2');
  let depth = 0;
  let tooDeep = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        if (depth > IMPORT_LIMITS.depth) {
          tooDeep = true;
          parser.pause();
          return;
        }
        handlers.open(name, attrs, depth);
      },
      onclosetag(name) {
        if (tooDeep) return;
        handlers.close(name, depth);
        depth--;
      },
      ontext(text) {
        if (!tooDeep) handlers.text(text);
      },
    },
    { xmlMode: xml, decodeEntities: true, recognizeSelfClosing: xml, lowerCaseTags: !xml, lowerCaseAttributeNames: !xml },
  );
  parser.write(source);
  if (!tooDeep) parser.end();
  if (tooDeep) throw new ImportError(`${what}的元素嵌套超过 ${IMPORT_LIMITS.depth} 层，不像正常的报告，拒绝读取`);
}

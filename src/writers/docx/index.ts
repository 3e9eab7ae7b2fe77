/**
 * The Word writer: a DocTree and StyleSettings in, the bytes of a .docx out, laid out per GB/T 9704
 * (docs/FORMAT.md §D). The parts are written directly as WordprocessingML, one module per node kind
 * (title, heading, paragraph, table, signature) and per part (styles, page setup, footers, package
 * parts), then zipped reproducibly: the same input always gives the same bytes.
 */
import type { Block, DocTree } from '../../doc/tree';
import type { StyleSettings } from '../../style/settings';
import { resolveTables, type TableModel } from '../../layout/table-model';
import { createContext, type DocxContext, type DocxOptions } from './context';
import { embeddedFaces } from './embed-fonts';
import { footerXml } from './footer';
import { heading } from './heading';
import { para, paragraph } from './paragraph';
import { sectionProperties } from './page';
import {
  appXml,
  contentTypesXml,
  coreXml,
  documentRelsXml,
  DOC_RELS,
  FOOTER_EVEN,
  FOOTER_ODD,
  fontTableRelsXml,
  fontTableXml,
  packageRelsXml,
  settingsXml,
} from './parts';
import { signature } from './signature';
import { STYLE, stylesXml } from './styles';
import { table } from './table';
import { title } from './title';
import { R_NS, W_NS, XML_DECL } from './xml';
import { dosTimeOf, zip } from './zip';

export type { DocxOptions } from './context';

/** The document body: blocks in order; a page break becomes `pageBreakBefore` on the next block. */
export function bodyXml(ctx: DocxContext, blocks: readonly Block[], tables: readonly TableModel[]): string {
  let out = '';
  let tableIndex = 0;
  let breakBefore = false;
  let endsWithTable = false;
  for (const block of blocks) {
    const o = { pageBreakBefore: breakBefore };
    breakBefore = false;
    endsWithTable = false;
    switch (block.kind) {
      case 'pageBreak':
        breakBefore = true;
        break;
      case 'title':
        out += title(ctx, block, o);
        break;
      case 'heading':
        out += heading(ctx, block, o);
        break;
      case 'paragraph':
        out += paragraph(ctx, block, o);
        break;
      case 'signature':
        out += signature(ctx, block, o);
        break;
      case 'table':
        // A table cannot carry the break itself: a one-twip-high paragraph does, so no blank line shows.
        if (o.pageBreakBefore) out += para({ style: STYLE.table, pageBreakBefore: true, spacing: { line: 20 } }, '');
        out += table(ctx, tables[tableIndex++]);
        endsWithTable = true;
        break;
      default: {
        const never: never = block;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  }
  // Word requires a paragraph after a final table; a trailing page break starts an empty page.
  if (breakBefore || endsWithTable || out === '') out += para({ pageBreakBefore: breakBefore }, '');
  return out;
}

/** word/document.xml */
export function documentXml(ctx: DocxContext, blocks: readonly Block[], tables: readonly TableModel[]): string {
  return (
    XML_DECL +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>` +
    bodyXml(ctx, blocks, tables) +
    sectionProperties(ctx, { odd: DOC_RELS.footerOdd, even: DOC_RELS.footerEven }) +
    '</w:body></w:document>'
  );
}

/** Render a document tree as .docx bytes. */
export async function writeDocx(tree: DocTree, style: StyleSettings, options: DocxOptions = {}): Promise<Uint8Array> {
  return writeDocxSync(tree, style, options);
}

/** The same, synchronously (it does no I/O). */
export function writeDocxSync(tree: DocTree, style: StyleSettings, options: DocxOptions = {}): Uint8Array {
  const ctx = createContext(tree.meta, style, options);
  const core = coreXml(tree.meta); // validates meta.date first
  const embedded = (options.embedFonts ?? options.fontProfile === 'bundled') ? embeddedFaces(tree, ctx) : [];
  const fontParts = embedded.length
    ? [{ path: 'word/_rels/fontTable.xml.rels', data: fontTableRelsXml(embedded) }, ...embedded.map((f) => ({ path: f.path, data: f.data }))]
    : [];
  return zip(
    [
      { path: '[Content_Types].xml', data: contentTypesXml(embedded.length > 0) },
      { path: '_rels/.rels', data: packageRelsXml() },
      { path: 'docProps/core.xml', data: core },
      { path: 'docProps/app.xml', data: appXml() },
      { path: 'word/document.xml', data: documentXml(ctx, tree.blocks, options.tables ?? resolveTables(tree, style, ctx.measure)) },
      { path: 'word/_rels/document.xml.rels', data: documentRelsXml() },
      { path: 'word/styles.xml', data: stylesXml(ctx) },
      { path: 'word/settings.xml', data: settingsXml(embedded.length > 0) },
      { path: 'word/fontTable.xml', data: fontTableXml(ctx, embedded) },
      ...fontParts,
      { path: FOOTER_ODD, data: footerXml(ctx, 'odd') },
      { path: FOOTER_EVEN, data: footerXml(ctx, 'even') },
    ],
    dosTimeOf(tree.meta.date),
  );
}

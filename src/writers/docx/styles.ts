/**
 * word/styles.xml. One paragraph style per role:
 *
 * | style id     | role       | notes                                                          |
 * |--------------|------------|----------------------------------------------------------------|
 * | Normal       | body       | 仿宋 16 pt, first line two characters, exact 579-twip lines, on the grid |
 * | Title        | title      | 小标宋 22 pt, centred, off the character grid, one blank line after |
 * | Heading1..3  | heading1..3| 黑体 / 楷体 / 仿宋 (bold per settings), indented like body text  |
 * | TableText    | table      | 12 pt, exact single lines, no indent, off the grid               |
 * | Footer       | pageNumber | 14 pt page numbers, off the grid                                 |
 * | Signature    | body       | 落款 lines, right-aligned                                        |
 *
 * Every run property set names all four font slots (`eastAsia` included) and `zh-CN`.
 *
 * The section declares the GB/T 9704 grid (linesAndChars, 579, −848: Word's page setup shows 22 lines ×
 * 28 characters), but no paragraph snaps to it: LibreOffice puts each 16 pt character into two
 * 15.79 pt grid cells (13 characters a line, measured with 7.4). Instead body-size text carries a
 * character spacing of −0.3 pt (`bodyCharSpacing`), which gives 28 characters a line in Word, WPS and
 * LibreOffice alike, and exact 579-twip line spacing keeps 22 lines a page.
 */
import type { Role } from '../../style/settings';
import type { DocxContext } from './context';
import { LANG, rFonts } from './run';
import { el, W_NS, XML_DECL } from './xml';

/** Style ids used by the node writers. */
export const STYLE = {
  body: 'Normal',
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  table: 'TableText',
  footer: 'Footer',
  signature: 'Signature',
  runIn2: 'RunInHeading2',
  runIn3: 'RunInHeading3',
} as const;

/** Run properties of a role, in CT_RPr order. */
function rPr(ctx: DocxContext, role: Role, o: { offGrid?: boolean; bold?: boolean; spacing?: number } = {}): string {
  const bold = o.bold ?? ctx.bold[role];
  const sz = ctx.size[role];
  return (
    '<w:rPr>' +
    ctx.runFonts[role] +
    (bold ? '<w:b/><w:bCs/>' : '<w:b w:val="0"/><w:bCs w:val="0"/>') +
    (o.offGrid ? el('w:snapToGrid', { 'w:val': 0 }) : '') +
    (o.spacing !== undefined ? el('w:spacing', { 'w:val': o.spacing }) : '') +
    el('w:sz', { 'w:val': sz }) +
    el('w:szCs', { 'w:val': sz }) +
    el('w:lang', { 'w:val': LANG, 'w:eastAsia': LANG }) +
    '</w:rPr>'
  );
}

interface PPr {
  keepNext?: boolean;
  keepLines?: boolean;
  offGrid?: boolean;
  line?: number;
  before?: number;
  after?: number;
  /** First-line indent: hundredths of a character and the same in twips for readers without *Chars. */
  firstLineChars?: number;
  firstLine?: number;
  jc?: 'both' | 'center' | 'left' | 'right';
  outline?: number;
}

/** Paragraph properties, in CT_PPrBase order. */
function pPr(p: PPr): string {
  return (
    '<w:pPr>' +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.keepLines ? '<w:keepLines/>' : '') +
    el('w:widowControl', { 'w:val': 0 }) +
    (p.offGrid ? el('w:snapToGrid', { 'w:val': 0 }) : '') +
    el('w:spacing', {
      'w:before': p.before ?? 0,
      'w:after': p.after ?? 0,
      'w:line': p.line,
      'w:lineRule': p.line === undefined ? undefined : 'exact',
    }) +
    (p.firstLineChars !== undefined ? el('w:ind', { 'w:firstLine': p.firstLine ?? 0, 'w:firstLineChars': p.firstLineChars }) : '') +
    (p.jc ? el('w:jc', { 'w:val': p.jc }) : '') +
    (p.outline !== undefined ? el('w:outlineLvl', { 'w:val': p.outline }) : '') +
    '</w:pPr>'
  );
}

function paragraphStyle(id: string, name: string, body: string, o: { basedOn?: string; next?: string; isDefault?: boolean; ui?: number } = {}): string {
  return (
    `<w:style w:type="paragraph"${o.isDefault ? ' w:default="1"' : ''} w:styleId="${id}">` +
    el('w:name', { 'w:val': name }) +
    (o.basedOn ? el('w:basedOn', { 'w:val': o.basedOn }) : '') +
    (o.next ? el('w:next', { 'w:val': o.next }) : '') +
    (o.ui !== undefined ? el('w:uiPriority', { 'w:val': o.ui }) : '') +
    '<w:qFormat/>' +
    body +
    '</w:style>'
  );
}

/** Advance of one body character, twips (16 pt − 0.3 pt = 314). */
export function bodyCharTwips(ctx: DocxContext): number {
  return ctx.bodyChar + ctx.bodyCharSpacing;
}

/** First-line indent of body text in twips, for readers that ignore `firstLineChars`. */
export function bodyIndentTwips(ctx: DocxContext): number {
  return Math.round((ctx.indentChars / 100) * bodyCharTwips(ctx));
}

/** The whole styles part of one document. */
export function stylesXml(ctx: DocxContext): string {
  const indent = { firstLineChars: ctx.indentChars, firstLine: bodyIndentTwips(ctx) };
  const noIndent = { firstLineChars: 0, firstLine: 0 };
  const body = ctx.fonts.body;
  const spacing = ctx.bodyCharSpacing;
  const heading = (level: 1 | 2 | 3): string =>
    paragraphStyle(
      STYLE[`heading${level}`],
      `heading ${level}`,
      pPr({ keepNext: true, keepLines: true, offGrid: true, line: ctx.linePitch, ...indent, jc: 'both', outline: level - 1 }) +
        rPr(ctx, `heading${level}`, { spacing }),
      { basedOn: STYLE.body, next: STYLE.body, ui: 9 },
    );
  const runIn = (id: string, name: string, role: Role): string =>
    `<w:style w:type="character" w:customStyle="1" w:styleId="${id}">` +
    el('w:name', { 'w:val': name }) +
    el('w:basedOn', { 'w:val': 'DefaultParagraphFont' }) +
    '<w:qFormat/>' +
    '<w:rPr>' +
    ctx.runFonts[role] +
    (ctx.bold[role] ? '<w:b/><w:bCs/>' : '') +
    '</w:rPr></w:style>';

  return (
    XML_DECL +
    `<w:styles xmlns:w="${W_NS}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    rFonts(body) +
    el('w:kern', { 'w:val': 2 }) +
    el('w:sz', { 'w:val': ctx.size.body }) +
    el('w:szCs', { 'w:val': ctx.size.body }) +
    el('w:lang', { 'w:val': LANG, 'w:eastAsia': LANG, 'w:bidi': 'ar-SA' }) +
    '</w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr>' +
    el('w:widowControl', { 'w:val': 0 }) +
    el('w:jc', { 'w:val': 'both' }) +
    '</w:pPr></w:pPrDefault></w:docDefaults>' +
    paragraphStyle(STYLE.body, 'Normal', pPr({ offGrid: true, line: ctx.linePitch, ...indent, jc: 'both' }) + rPr(ctx, 'body', { spacing }), {
      isDefault: true,
    }) +
    paragraphStyle(
      STYLE.title,
      'Title',
      pPr({ keepNext: true, keepLines: true, offGrid: true, line: ctx.linePitch, after: ctx.linePitch, ...noIndent, jc: 'center', outline: 0 }) +
        rPr(ctx, 'title', { offGrid: true, spacing: 0 }),
      { basedOn: STYLE.body, next: STYLE.body, ui: 10 },
    ) +
    heading(1) +
    heading(2) +
    heading(3) +
    paragraphStyle(
      STYLE.table,
      'Table Text',
      pPr({ offGrid: true, line: ctx.tableLine, ...noIndent, jc: 'center' }) + rPr(ctx, 'table', { offGrid: true, spacing: 0 }),
      { basedOn: STYLE.body },
    ) +
    paragraphStyle(
      STYLE.footer,
      'footer',
      pPr({ offGrid: true, line: ctx.pageNumberLine, ...noIndent, jc: 'right' }) + rPr(ctx, 'pageNumber', { offGrid: true, spacing: 0 }),
      { basedOn: STYLE.body, ui: 99 },
    ) +
    paragraphStyle(STYLE.signature, 'Signature', pPr({ keepNext: true, keepLines: true, offGrid: true, line: ctx.linePitch, ...noIndent, jc: 'right' }) + rPr(ctx, 'body', { spacing }), {
      basedOn: STYLE.body,
      next: STYLE.body,
    }) +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    runIn(STYLE.runIn2, 'Run-in Heading 2', 'heading2') +
    runIn(STYLE.runIn3, 'Run-in Heading 3', 'heading3') +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}

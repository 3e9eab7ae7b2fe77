/**
 * Everything the node writers need, resolved once per document from the style settings and the
 * writer options: font names per role, sizes and page geometry in Word's units.
 */
import type { DocMeta } from '../../doc/tree';
import { bundledFaceIsBold, TIMES_NEW_ROMAN, wordFonts, type FontProfile } from '../../style/font-roles';
import { charPitchPt, ROLES, type Role, type StyleSettings } from '../../style/settings';
import { emMeasure } from '../../layout/text-measure';
import type { TableModel, TextMeasure } from '../../layout/table-model';
import { rFonts } from './run';
import { mmToTwips, ptToEighths, ptToHalfPoints, ptToTwips } from './units';

/** Options of `writeDocx`. */
export interface DocxOptions {
  /** Font names to reference: the official faces (default) or the open faces shipped in `fonts/`. */
  fontProfile?: FontProfile;
  /** Font of digits and Latin letters (`ascii`/`hAnsi` slots): the role's own font (default) or Times New Roman. */
  latinFont?: 'body' | 'Times New Roman';
  /** Embed subsets of the named faces (default: with the bundled profile, whose faces readers lack). */
  embedFonts?: boolean;
  /** How text is measured for the title's lines and the tables (default: by ems); the PDF's faces give the PDF's breaks. */
  measure?: TextMeasure;
  /** The document's tables, resolved once for every format (default: resolved here with `measure`). */
  tables?: readonly TableModel[];
}

/** The four font slots of a run, with the East Asian hint so ambiguous characters (“”—：) use the CJK font. */
export interface RunFonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint: 'eastAsia';
}

/** Resolved per-document settings. */
export interface DocxContext {
  style: StyleSettings;
  meta: DocMeta;
  /** How text is measured (the title's lines). */
  measure: TextMeasure;
  fonts: Record<Role, RunFonts>;
  /** `<w:rFonts>` of each role, written once. */
  runFonts: Record<Role, string>;
  /** Font size per role, half-points. */
  size: Record<Role, number>;
  /** Bold per role. */
  bold: Record<Role, boolean>;
  page: {
    width: number;
    height: number;
    top: number;
    bottom: number;
    left: number;
    right: number;
    /** Distance from the bottom edge of the page to the bottom of the footer, twips. */
    footer: number;
    header: number;
  };
  /** Width of the type area (版心), twips: tables are scaled to it. */
  typeWidth: number;
  /** Body line pitch, twips (579). */
  linePitch: number;
  /** Document grid character-space delta, 1/4096 pt (−848). */
  charSpace: number;
  /**
   * Character spacing of body-size text, twips (−6): the smallest whole-twip squeeze that fits
   * `charsPerLine` characters on a line of the type area with a twip per character to spare for
   * layout engines' rounding ((8844 − 28) / 28 = 314.9 twips per character; LibreOffice 7.4 sets
   * only 27 characters a line at −5).
   */
  bodyCharSpacing: number;
  /** First-line indent, hundredths of a character (200). */
  indentChars: number;
  /** One body character, twips (used for the page number's one-character indent). */
  bodyChar: number;
  /** Exact line height inside table cells, twips. */
  tableLine: number;
  /** Cell padding, twips. */
  cellPadding: number;
  /** Table rule width, eighths of a point. */
  border: number;
  /** Exact line height of the page-number paragraph, twips. */
  pageNumberLine: number;
}

/** Line height of the page-number paragraph, in page-number font sizes. */
const PAGE_NUMBER_LINE = 1.25;

/** Resolve the settings of one document. */
export function createContext(meta: DocMeta, style: StyleSettings, options: DocxOptions = {}): DocxContext {
  const names = wordFonts(options.fontProfile ?? 'official');
  const fonts = {} as Record<Role, RunFonts>;
  const runFonts = {} as Record<Role, string>;
  const size = {} as Record<Role, number>;
  const bold = {} as Record<Role, boolean>;
  for (const role of ROLES) {
    const { eastAsia, ascii } = names[role];
    const latin = options.latinFont === TIMES_NEW_ROMAN ? TIMES_NEW_ROMAN : ascii;
    fonts[role] = { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' };
    runFonts[role] = rFonts(fonts[role]);
    size[role] = ptToHalfPoints(style.roles[role].size);
    // Where the bundled face is a bold one (FandolSong's, for 方正小标宋), Word must ask for bold to get it, as the PDF draws it.
    bold[role] = style.roles[role].bold || (options.fontProfile === 'bundled' && bundledFaceIsBold(role));
  }

  const m = style.margins;
  const pageNumberPt = style.roles.pageNumber.size;
  const pageNumberLine = ptToTwips(pageNumberPt * PAGE_NUMBER_LINE);
  // GB/T 9704 §7.5: the dash's top lies `pageNumberDropMm` below the type area. In a CJK face the
  // em dash sits on the middle of the em box, which is centred in the exact line; so the line's top
  // is (drop − half a line) below the type area and the footer's bottom one line lower.
  const dropTw = mmToTwips(style.pageNumberDropMm);
  const lineTopBelowTypeArea = Math.max(0, dropTw - Math.round(pageNumberLine / 2));
  const bottom = mmToTwips(m.bottomMm);
  const typeWidth = mmToTwips(style.page.widthMm - m.leftMm - m.rightMm);
  const footer = Math.max(0, bottom - lineTopBelowTypeArea - pageNumberLine);

  return {
    style,
    meta,
    measure: options.measure ?? emMeasure(style),
    fonts,
    runFonts,
    size,
    bold,
    page: {
      width: mmToTwips(style.page.widthMm),
      height: mmToTwips(style.page.heightMm),
      top: mmToTwips(m.topMm),
      bottom,
      left: mmToTwips(m.leftMm),
      right: mmToTwips(m.rightMm),
      footer,
      header: Math.min(mmToTwips(m.topMm), 851),
    },
    typeWidth,
    linePitch: ptToTwips(style.linePitchPt),
    charSpace: Math.round((charPitchPt(style) - style.roles.body.size) * 4096),
    bodyCharSpacing: Math.min(0, Math.floor((typeWidth - style.charsPerLine) / style.charsPerLine - style.roles.body.size * 20)),
    indentChars: Math.round(style.indentChars * 100),
    bodyChar: ptToTwips(style.roles.body.size),
    tableLine: ptToTwips(style.roles.table.size * style.tableLineHeight),
    cellPadding: ptToTwips(style.tableCellPaddingPt),
    border: ptToEighths(style.tableBorderPt),
    pageNumberLine,
  };
}

/**
 * Run properties and runs. Every run names its role's four font slots (with the East Asian hint, so
 * ambiguous characters such as “”—： use the CJK face) and the zh-CN language, whatever its style
 * says, so the text keeps its faces when pasted elsewhere.
 */
import type { Role } from '../../style/settings';
import type { DocxContext, RunFonts } from './context';
import { el, escapeXml } from './xml';

/** The language of every run: Simplified Chinese for both Latin and East Asian text. */
export const LANG = 'zh-CN';

/** `<w:rFonts>` naming all four slots. */
export function rFonts(f: RunFonts): string {
  return el('w:rFonts', { 'w:ascii': f.ascii, 'w:hAnsi': f.hAnsi, 'w:eastAsia': f.eastAsia, 'w:cs': f.cs, 'w:hint': f.hint });
}

/** `<w:lang>` of every run. */
export const LANG_EL = el('w:lang', { 'w:val': LANG, 'w:eastAsia': LANG });

/** Options of one run's properties. */
export interface RunProps {
  role: Role;
  /** Character style id. */
  style?: string;
  bold?: boolean;
  /** Set the run off the character grid. */
  offGrid?: boolean;
  /** Size in half points, where it differs from the style's (a shrunk number in a table). */
  size?: number;
}

/** `<w:rPr>` in CT_RPr order: rStyle, rFonts, b, bCs, snapToGrid, sz, szCs, lang. */
export function runProps(ctx: DocxContext, p: RunProps): string {
  return (
    '<w:rPr>' +
    (p.style ? `<w:rStyle w:val="${p.style}"/>` : '') +
    ctx.runFonts[p.role] +
    (p.bold ? '<w:b/><w:bCs/>' : '') +
    (p.offGrid ? '<w:snapToGrid w:val="0"/>' : '') +
    (p.size ? `<w:sz w:val="${p.size}"/><w:szCs w:val="${p.size}"/>` : '') +
    LANG_EL +
    '</w:rPr>'
  );
}

/** A run of text (empty text gives no run). */
export function textRun(rPr: string, text: string): string {
  return text === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A run holding a line break. */
export function breakRun(rPr: string): string {
  return `<w:r>${rPr}<w:br/></w:r>`;
}

/**
 * Content streams: a page's frames as PDF operators. Text is drawn glyph by glyph with
 * the subset fonts' CIDs at the positions layout gave; groups become marked content
 * (tagged content with its MCID, artifacts, ActualText spans); text state is tracked for
 * the whole page so no operator is repeated needlessly.
 */
import type { FrameItem, GroupItem, PageFrame, TextItem } from '../../layout/frames';
import type { EmbeddedFont } from './font';

/** A number for a content stream: at most 3 decimals, no exponent, no "-0". */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  if (r === 0 || !Number.isFinite(r)) return '0';
  return String(r);
}

/** Stroke width of synthetic bold, as a fraction of the font size. */
export const FAKE_BOLD_STROKE = 1 / 30;

/** Code points a text item draws (forced breaks are not drawn). */
export function codePoints(text: string): number[] {
  // An array, not a generator: resuming a generator for every character cost more than the rest of the loop.
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (cp !== 0x0a && cp !== 0x0d) out.push(cp);
  }
  return out;
}

/** A font as a page's resources name it. */
export interface Resource {
  name: string;
  font: EmbeddedFont;
}

/** A hex string of UTF-16BE with a byte order mark (for ActualText). */
function hexText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Numbers a page's tagged groups (MCIDs from 0) and tells the document where each went. */
export interface Marker {
  role(element: number): string;
  /** The group's MCID; `top` gives where its text starts (PDF y), asked for only when needed. */
  mark(element: number, top: () => number): number;
}

/** The first text item of a list of items, groups searched in painting order. */
function firstText(items: readonly FrameItem[]): TextItem | undefined {
  for (const it of items) {
    if (it.kind === 'text') return it;
    if (it.kind === 'group') {
      const t = firstText(it.items);
      if (t) return t;
    }
  }
  return undefined;
}

/** Opening operators of a group's marked-content sequence(s), outermost first. */
function openGroup(g: GroupItem, H: number, marker: Marker | undefined): string[] {
  const out: string[] = [];
  if (g.artifact) out.push(`/Artifact <</Type /${g.artifact}>> BDC`);
  if (g.tag !== undefined) {
    if (!marker) throw new Error('PDF 绘制：内容带有结构标记，但没有给出文档结构');
    const mcid = marker.mark(g.tag, () => {
      const first = firstText(g.items);
      return first ? H - first.y + first.size : H;
    });
    out.push(`/${marker.role(g.tag)} <</MCID ${mcid}>> BDC`);
  }
  if (g.actualText !== undefined) out.push(`/Span <</ActualText ${hexText(g.actualText)}>> BDC`);
  if (out.length === 0) out.push('/Span BMC');
  return out;
}

/** The content stream of one page; `used` collects the font resources it draws with. */
export function pageContent(page: PageFrame, fonts: Map<string, Resource>, used: Set<string>, marker?: Marker): string {
  const H = page.height;
  const out: string[] = ['2 J'];
  let inText = false;
  let font = '';
  let size = NaN;
  let tc = 0;
  let bold = false;
  let lineWidth = NaN;
  const setLineWidth = (w: number) => {
    if (w !== lineWidth) {
      out.push(`${num(w)} w`);
      lineWidth = w;
    }
  };
  const endText = () => {
    if (inText) {
      out.push('ET');
      inText = false;
    }
  };
  const text = (t: TextItem) => {
    const res = fonts.get(t.face)!;
    let hex = '';
    for (const cp of codePoints(t.text)) hex += res.font.codeOf.get(cp)!;
    if (!hex) return;
    if (!inText) {
      out.push('BT');
      inText = true;
    }
    used.add(res.name);
    if (res.name !== font || t.size !== size) {
      out.push(`/${res.name} ${num(t.size)} Tf`);
      font = res.name;
      size = t.size;
    }
    if (num(t.charSpacing) !== num(tc)) {
      out.push(`${num(t.charSpacing)} Tc`);
      tc = t.charSpacing;
    }
    if (t.fakeBold !== bold) {
      out.push(t.fakeBold ? '2 Tr' : '0 Tr');
      bold = t.fakeBold;
    }
    if (t.fakeBold) setLineWidth(t.size * FAKE_BOLD_STROKE);
    out.push(`1 0 0 1 ${num(t.x)} ${num(H - t.y)} Tm`, `<${hex}> Tj`);
  };
  // Text state (Tf, Tc, Tr) and line width persist across text objects, so they are
  // tracked for the whole page; marked content never crosses a BT/ET boundary.
  const paint = (items: readonly FrameItem[]) => {
    for (const item of items) {
      if (item.kind === 'text') text(item);
      else if (item.kind === 'line') {
        endText();
        setLineWidth(item.width);
        out.push(`${num(item.x1)} ${num(H - item.y1)} m ${num(item.x2)} ${num(H - item.y2)} l S`);
      } else {
        endText();
        const open = openGroup(item, H, marker);
        out.push(...open);
        paint(item.items);
        endText();
        for (let i = 0; i < open.length; i++) out.push('EMC');
      }
    }
  };
  paint(page.items);
  endText();
  return out.join('\n') + '\n';
}

/**
 * Page numbers (GB/T 9704 §7.5): “— N —” in 4号 (14 pt) with the PAGE field, odd pages right-aligned
 * one character in from the right edge of the type area, even pages left-aligned one character in
 * from the left edge. Word needs `evenAndOddHeaders` in settings.xml for the even footer to apply.
 */
import type { DocxContext } from './context';
import { para } from './paragraph';
import { runProps, textRun } from './run';
import { bodyCharTwips, STYLE } from './styles';
import { R_NS, W_NS, XML_DECL } from './xml';

/** The footer part of odd or even pages. */
export function footerXml(ctx: DocxContext, side: 'odd' | 'even'): string {
  const oneChar = bodyCharTwips(ctx);
  const rPr = runProps(ctx, { role: 'pageNumber', offGrid: true });
  const field = (inner: string): string => `<w:r>${rPr}${inner}</w:r>`;
  const content =
    textRun(rPr, '— ') +
    field('<w:fldChar w:fldCharType="begin"/>') +
    field('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
    field('<w:fldChar w:fldCharType="separate"/>') +
    textRun(rPr, '1') +
    field('<w:fldChar w:fldCharType="end"/>') +
    textRun(rPr, ' —');
  const p = para(
    side === 'odd'
      ? { style: STYLE.footer, ind: { right: oneChar }, jc: 'right' }
      : { style: STYLE.footer, ind: { left: oneChar }, jc: 'left' },
    content,
  );
  return `${XML_DECL}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${p}</w:ftr>`;
}

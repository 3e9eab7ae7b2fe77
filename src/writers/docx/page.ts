/**
 * Section properties: A4, the GB/T 9704 margins and the 22 × 28 document grid (linesAndChars,
 * linePitch 579, charSpace −848), all from StyleSettings, with the odd and even footers.
 */
import type { DocxContext } from './context';

/** `<w:sectPr>` in CT_SectPr order, referencing the odd (default) and even footers by relationship id. */
export function sectionProperties(ctx: DocxContext, footers: { odd: string; even: string }): string {
  const p = ctx.page;
  return (
    '<w:sectPr>' +
    `<w:footerReference w:type="default" r:id="${footers.odd}"/>` +
    `<w:footerReference w:type="even" r:id="${footers.even}"/>` +
    `<w:pgSz w:w="${p.width}" w:h="${p.height}"/>` +
    `<w:pgMar w:top="${p.top}" w:right="${p.right}" w:bottom="${p.bottom}" w:left="${p.left}" w:header="${p.header}" w:footer="${p.footer}" w:gutter="0"/>` +
    '<w:cols w:space="425"/>' +
    `<w:docGrid w:type="linesAndChars" w:linePitch="${ctx.linePitch}" w:charSpace="${ctx.charSpace}"/>` +
    '</w:sectPr>'
  );
}

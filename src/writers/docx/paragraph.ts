/** Body paragraphs (style Normal: 仿宋 16 pt, first line two characters, exact 579-twip lines). */
import type { Align, ParagraphNode } from '../../doc/tree';
import type { DocxContext } from './context';
import { runs } from './inline';
import { el } from './xml';

/** `w:jc` value of a tree alignment (`justify` is Word's `both`). */
export function jc(align: Align): 'both' | 'center' | 'left' | 'right' {
  return align === 'justify' ? 'both' : align;
}

/** Extra paragraph options a block can be given by its neighbours (a page break before it). */
export interface BlockOptions {
  pageBreakBefore?: boolean;
}

/** Paragraph properties in CT_PPrBase order (only those the writer uses). */
export interface ParaProps {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  spacing?: { before?: number; after?: number; line?: number };
  ind?: { left?: number; right?: number; firstLine?: number; firstLineChars?: number };
  jc?: 'both' | 'center' | 'left' | 'right';
}

/** `<w:pPr>`, or nothing when there is nothing to say. */
export function paraProps(p: ParaProps): string {
  const inner =
    (p.style ? `<w:pStyle w:val="${p.style}"/>` : '') +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (p.spacing
      ? el('w:spacing', {
          'w:before': p.spacing.before,
          'w:after': p.spacing.after,
          'w:line': p.spacing.line,
          'w:lineRule': p.spacing.line === undefined ? undefined : 'exact',
        })
      : '') +
    (p.ind ? el('w:ind', { 'w:left': p.ind.left, 'w:right': p.ind.right, 'w:firstLine': p.ind.firstLine, 'w:firstLineChars': p.ind.firstLineChars }) : '') +
    (p.jc ? `<w:jc w:val="${p.jc}"/>` : '');
  return inner ? `<w:pPr>${inner}</w:pPr>` : '';
}

/** A paragraph from its properties and runs. */
export function para(p: ParaProps, content: string): string {
  return `<w:p>${paraProps(p)}${content}</w:p>`;
}

export function paragraph(ctx: DocxContext, node: ParagraphNode, o: BlockOptions = {}): string {
  return para(
    {
      pageBreakBefore: o.pageBreakBefore,
      ind: node.indent ? undefined : { firstLine: 0, firstLineChars: 0 },
      jc: node.align === 'justify' ? undefined : jc(node.align),
    },
    runs(ctx, node.children, 'body'),
  );
}

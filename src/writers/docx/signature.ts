/**
 * The 落款. The published edition follows GB/T 9704 §7.3.5.2 (document without a seal): one blank line after the body, the agency
 * right-aligned two characters from the right edge, the date on the next line starting two
 * characters to the right of the agency's first character; a date longer than that sits two
 * characters from the edge and pushes the agency left instead.
 */
import type { SignatureNode } from '../../doc/tree';
import type { DocxContext } from './context';
import { para, type BlockOptions } from './paragraph';
import { runProps, textRun } from './run';
import { bodyCharTwips, STYLE } from './styles';
import { emAdvance } from '../../layout/text-measure';

/** Width of a string in ems (CJK 1, half-width forms and ASCII ½): Word indents the 落款 in characters. */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += emAdvance(ch.codePointAt(0) ?? 0);
  return w;
}

/** Right indents, in characters, of the signature's lines (the last line is the date). */
export function signatureIndents(lines: readonly string[]): number[] {
  if (lines.length === 0) return [];
  if (lines.length === 1) return [2];
  const widths = lines.map(emWidth);
  const date = widths[widths.length - 1];
  const agency = Math.max(...widths.slice(0, -1));
  const agencyRight = date + 2 <= agency ? 2 : 4 + date - agency;
  const dateRight = date + 2 <= agency ? agency - date : 2;
  return widths.map((w, i) => (i === widths.length - 1 ? dateRight : agencyRight + (agency - w)));
}

/** Right indents of a sealed 落款 (§7.3.5.1): the date four characters from the right, the agency centred over it. */
export function sealedSignatureIndents(lines: readonly string[]): number[] {
  if (lines.length === 0) return [];
  const widths = lines.map(emWidth);
  const date = widths[widths.length - 1];
  return widths.map((w, i) => (i === widths.length - 1 ? 4 : Math.max(0, 4 + (date - w) / 2)));
}

export function signature(ctx: DocxContext, node: SignatureNode, o: BlockOptions = {}): string {
  const charTw = bodyCharTwips(ctx);
  const indents = node.sealed ? sealedSignatureIndents(node.lines) : signatureIndents(node.lines);
  const rPr = runProps(ctx, { role: 'body' });
  return node.lines
    .map((line, i) =>
      para(
        {
          style: STYLE.signature,
          pageBreakBefore: i === 0 && o.pageBreakBefore,
          // Two blank lines before a sealed 落款, for the seal; one otherwise.
          spacing: i === 0 ? { before: (node.sealed ? 2 : 1) * ctx.linePitch } : undefined,
          ind: { right: Math.round(indents[i] * charTw) },
        },
        textRun(rPr, line),
      ),
    )
    .join('');
}

/**
 * Text set at a given place on a page of a compiled volume's front matter (cover, 目录),
 * with the layout engine's own steps: shape, break, align, emit.
 */
import type { Align } from '../doc/tree';
import { styledPlain } from '../layout/collect';
import type { LayoutContext } from '../layout/context';
import { emitLine } from '../layout/emit';
import type { TextItem } from '../layout/frames';
import { setText, shapeText } from '../layout/text';
import type { Role } from '../style/settings';
import type { PlacedLine } from '../layout/align';

/** Text shaped and broken into lines, ready to be emitted at any baseline. */
export interface SetBlock {
  lines: PlacedLine[];
  emit: (line: PlacedLine, left: number, y: number, out: TextItem[]) => void;
  /** Width of a line's text (without alignment offset). */
  widthOf: (line: PlacedLine) => number;
}

/** Shapes `text` in `role` and breaks it into lines `width` wide, aligned as asked, with `spacing` after every character. */
export function setBlock(text: string, role: Role, width: number, align: Align, spacing: number, ctx: LayoutContext, where: string): SetBlock {
  const sh = shapeText(styledPlain(text, role), ctx, where);
  const lines = setText(sh, { width, indent: 0, spacing, align }, ctx);
  return {
    lines,
    emit: (line, left, y, out) => emitLine(sh.text, sh.runs, sh.adv, spacing, line, left, y, out),
    widthOf: (line) => {
      let w = 0;
      for (let i = line.start; i < line.end; i++) {
        const c = sh.text.charCodeAt(i);
        if (!(c >= 0xdc00 && c <= 0xdfff)) w += sh.adv[i] + spacing + line.extra;
      }
      return w;
    },
  };
}

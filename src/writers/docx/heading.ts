/** Section headings: 1 = “一、” 黑体, 2 = “（一）” 楷体, 3 = “1.” 仿宋 (bold per settings). */
import type { HeadingNode } from '../../doc/tree';
import type { DocxContext } from './context';
import { runs } from './inline';
import { para, type BlockOptions } from './paragraph';
import { STYLE } from './styles';

export function heading(ctx: DocxContext, node: HeadingNode, o: BlockOptions = {}): string {
  const role = `heading${node.level}` as const;
  return para({ style: STYLE[role], pageBreakBefore: o.pageBreakBefore }, runs(ctx, node.children, role));
}

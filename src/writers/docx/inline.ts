/** Inline content (text, strong, run-in headings, line breaks) as runs. */
import type { Inline } from '../../doc/tree';
import type { Role } from '../../style/settings';
import type { DocxContext } from './context';
import { breakRun, runProps, textRun } from './run';
import { STYLE } from './styles';

interface RunState {
  role: Role;
  bold: boolean;
  offGrid: boolean;
}

function push(ctx: DocxContext, out: string[], node: Inline, st: RunState): void {
  switch (node.kind) {
    case 'text':
      out.push(textRun(runProps(ctx, st), node.text));
      return;
    case 'strong':
      for (const child of node.children) push(ctx, out, child, { ...st, bold: true });
      return;
    case 'lineBreak':
      out.push(breakRun(runProps(ctx, st)));
      return;
    case 'runIn': {
      const role: Role = node.level === 2 ? 'heading2' : 'heading3';
      const style = node.level === 2 ? STYLE.runIn2 : STYLE.runIn3;
      out.push(textRun(runProps(ctx, { role, style, bold: ctx.bold[role] || st.bold, offGrid: st.offGrid }), node.text));
      return;
    }
    default: {
      const never: never = node;
      throw new Error(`unknown inline node ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The runs of some inline content in a role (`offGrid` for text set off the character grid). Bold
 * comes from `strong` and run-in level-3 headings; a role's own bold comes from its style.
 */
export function runs(ctx: DocxContext, children: readonly Inline[], role: Role, offGrid = false): string {
  const out: string[] = [];
  for (const node of children) push(ctx, out, node, { role, bold: false, offGrid });
  return out.join('');
}

/** Plain text of inline content (line breaks as "\n"). */
export function plainText(children: readonly Inline[]): string {
  let s = '';
  for (const n of children) {
    if (n.kind === 'text' || n.kind === 'runIn') s += n.text;
    else if (n.kind === 'strong') s += plainText(n.children);
    else s += '\n';
  }
  return s;
}

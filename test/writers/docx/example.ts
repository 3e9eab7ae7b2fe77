/** The shipped example report, through the real template (buildDocTree). */
import * as path from 'node:path';
import { checkReportFile } from '../../../src/pipeline/check-report';
import { buildDocTree } from '../../../src/template/build-doc-tree';
import type { DocTree } from '../../../src/doc/tree';

export const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'pingluo-kejiju-2021.yaml');

export function exampleTree(): DocTree {
  const checked = checkReportFile(EXAMPLE);
  if (!checked.report) throw new Error(`example does not load: ${JSON.stringify(checked.diagnostics)}`);
  return buildDocTree(checked.report).tree;
}

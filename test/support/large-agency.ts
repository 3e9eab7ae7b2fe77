/** The shipped example with a large agency's 表三 (six-digit counts), through the real template. */
import { checkReportFile } from '../../src/pipeline/check-report';
import { buildDocTree } from '../../src/template/build-doc-tree';
import type { DocTree } from '../../src/doc/tree';
import type { Report } from '../../src/model/schema';
import { EXAMPLE } from './cli';

/** The example report with some of 表三's rows replaced (six applicant columns each); 一 and （一） by default. */
export function largeAgencyReport(rows: Record<string, number[]> = { newlyReceived: [123456, 23456, 0, 0, 0, 0], granted: [123456, 23456, 0, 0, 0, 0] }): Report {
  const checked = checkReportFile(EXAMPLE);
  if (!checked.report) throw new Error(`example does not load: ${JSON.stringify(checked.diagnostics)}`);
  const report = structuredClone(checked.report) as Report;
  const apps = report.applications as unknown as Record<string, unknown>;
  delete apps.total;
  Object.assign(apps, rows);
  return report;
}

/** Its document tree. */
export function largeAgencyTree(rows?: Record<string, number[]>): DocTree {
  return buildDocTree(largeAgencyReport(rows)).tree;
}

/** The example's document tree. */
export function exampleDocTree(): DocTree {
  return largeAgencyTree({});
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadReportText } from '../../src/load/load-report';
import type { Report } from '../../src/model/schema';

export const ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLE = path.join(ROOT, 'examples', 'pingluo-kejiju-2021.yaml');

/** The example report (valid by construction; validation is tested elsewhere). */
export function loadExample(): Report {
  const loaded = loadReportText(fs.readFileSync(EXAMPLE, 'utf8'));
  if (loaded.diagnostics.length) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.data as Report;
}

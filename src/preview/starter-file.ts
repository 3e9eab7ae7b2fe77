import { extname } from 'node:path';
import { starterReport } from '../init/starter-report';
import { loadReportText } from '../load/load-report';
import { writeFileAtomic } from '../util/atomic-write';

/** Writes the starting data file `xxgk init` writes (YAML, or a workbook for `.xlsx`), for a preview that starts from nothing. */
export async function createStarterFile(file: string, agency: string, year: number): Promise<void> {
  if (extname(file).toLowerCase() === '.xlsx') {
    const { writeReportWorkbook } = require('../workbook/write-workbook') as typeof import('../workbook/write-workbook');
    const data = loadReportText(starterReport(agency, year)).data as Record<string, unknown>;
    writeFileAtomic(file, await writeReportWorkbook(data));
  } else writeFileAtomic(file, starterReport(agency, year));
}

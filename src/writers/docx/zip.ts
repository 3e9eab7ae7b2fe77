/**
 * The .docx package's zip: the shared reproducible writer (src/util/zip-writer.ts), every entry
 * stamped with the report's date.
 */
import type { DosTime } from '../../util/zip-writer';

export { zip, type DosTime, type ZipEntry } from '../../util/zip-writer';


/** MS-DOS time of an ISO date (YYYY-MM-DD) at midnight; dates outside 1980–2107 are clamped. */
export function dosTimeOf(isoDate: string): DosTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  let [y, mo, d] = m ? [+m[1], +m[2], +m[3]] : [1980, 1, 1];
  if (y < 1980) [y, mo, d] = [1980, 1, 1];
  if (y > 2107) [y, mo, d] = [2107, 12, 31];
  return { time: 0, date: ((y - 1980) << 9) | (mo << 5) | d };
}

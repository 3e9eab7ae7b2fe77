/**
 * The package zip, made reproducible: entries in the order given, every entry stamped
 * with the same time (the report's date, never the clock), fixed DEFLATE level.
 * fflate does the zipping; it reads the stamp's local-time fields, so a local-time
 * Date gives the same bytes in every time zone.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/** One file of the package. */
export interface ZipEntry {
  path: string;
  data: string | Uint8Array;
}

/** The stamp for an ISO date (YYYY-MM-DD): local midnight, clamped to the zip range 1980–2099. */
export function zipTimeOf(isoDate: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  let [y, mo, d] = m ? [+m[1], +m[2], +m[3]] : [1980, 1, 1];
  if (y < 1980) [y, mo, d] = [1980, 1, 1];
  if (y > 2099) [y, mo, d] = [2099, 12, 31];
  return new Date(y, mo - 1, d);
}

/** Zips the entries, in order, all stamped with `when`. */
export function zip(entries: readonly ZipEntry[], when: Date): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.path] = [typeof e.data === 'string' ? strToU8(e.data) : e.data, { mtime: when }];
  return zipSync(files, { level: 6 });
}

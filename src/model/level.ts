/**
 * A unit's level, which sets its publication deadline (docs/FORMAT.md §E): a government
 * department, or a people's government at county level or above.
 */

/** The level as written in the data, or as a name tells; `unclear` when a name does not settle it. */
export type Level = 'department' | 'government' | 'unclear';

/**
 * The level a name suggests: only a 县级以上 人民政府 is a government; a 乡镇 or 街道, or a
 * 管委会, is unclear (the 条例 sets their deadline only through the county); anything else,
 * a …办公室 included, is a department.
 */
export function levelOfAgency(agency: string): Level {
  const name = agency.trim();
  if (/(乡|镇|街道|苏木)人民政府$|街道办事处$|管理委员会$|管委会$/.test(name)) return 'unclear';
  return /人民政府$/.test(name) ? 'government' : 'department';
}

/**
 * The roster (应报单位名单) of a county or city office: the units expected to report, in the
 * order their reports are published. Read from YAML, CSV or a workbook (`./read-roster`),
 * matched against reports by name (`./match-names`).
 */

/** One unit of the roster. */
export interface RosterEntry {
  /** The unit's name as written in the roster. */
  name: string;
  /** 级别, when the roster gives one. */
  level?: 'department' | 'government';
  /** Where it was written, for messages: `名单.csv 第3行`. */
  where: string;
}

/** A roster: its file and its units in publishing order (by 排序 when given, else as written). */
export interface Roster {
  file: string;
  entries: RosterEntry[];
}

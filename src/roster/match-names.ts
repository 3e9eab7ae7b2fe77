import { editDistance, normalizeName } from './normalize-name';
import type { RosterEntry } from './roster';

/** Names this close (edit distance after normalising) are suggested, never matched. */
export const NEAR_MISS_DISTANCE = 2;

/** How a set of reports' agency names meets a roster. */
export interface RosterMatch {
  /** For each report (by index): the roster entry it is, or undefined when it is on none (名单外). */
  entryOf: (RosterEntry | undefined)[];
  /** For a report on no entry: the closest unmatched roster names, if any is within the near-miss distance. */
  suggestions: (string[] | undefined)[];
  /** Roster entries no report matched (未报送), in roster order. */
  missing: RosterEntry[];
}

/**
 * Matches agency names (undefined for a file that could not be read) against a roster
 * after `normalizeName`. Each entry takes the first report that names it; a second report
 * of the same unit stays outside the roster.
 */
export function matchRoster(entries: readonly RosterEntry[], agencies: readonly (string | undefined)[]): RosterMatch {
  const byKey = new Map<string, RosterEntry>();
  for (const e of entries) if (!byKey.has(normalizeName(e.name))) byKey.set(normalizeName(e.name), e);
  const taken = new Set<RosterEntry>();
  const entryOf = agencies.map((a) => {
    const e = a === undefined ? undefined : byKey.get(normalizeName(a));
    if (!e || taken.has(e)) return undefined;
    taken.add(e);
    return e;
  });
  const missing = entries.filter((e) => !taken.has(e) && byKey.get(normalizeName(e.name)) === e);
  const suggestions = agencies.map((a, i) => {
    if (a === undefined || entryOf[i]) return undefined;
    const key = normalizeName(a);
    // A second report of a unit already matched is a duplicate, not a near miss.
    if (byKey.has(key)) return undefined;
    const near = missing
      .map((e) => ({ name: e.name, d: editDistance(key, normalizeName(e.name), NEAR_MISS_DISTANCE) }))
      .filter((x) => x.d <= NEAR_MISS_DISTANCE)
      .sort((p, q) => p.d - q.d);
    return near.length ? near.map((x) => x.name) : undefined;
  });
  return { entryOf, suggestions, missing };
}

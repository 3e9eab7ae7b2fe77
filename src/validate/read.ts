/**
 * Lenient readers over unvalidated data: the rules run on whatever part of the data
 * is usable, so one bad cell does not hide every other finding. A value that is not
 * a valid cell reads as `undefined` (never as 0) and the checks that need it are
 * skipped; the schema check reports the cell itself.
 */

/** Largest table value accepted (values past 2^31 are refused). */
export const MAX_CELL = 2 ** 31 - 1;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Own property or undefined (never an inherited one such as `constructor`). */
export function own(o: unknown, key: string): unknown {
  return isRecord(o) && hasOwn(o, key) ? o[key] : undefined;
}

/** A valid count (non-negative integer within range), or undefined. */
export function cell(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_CELL ? v : undefined;
}

/** The value at a dotted key path below `root` (own properties only). */
export function at(root: unknown, keyPath: string): unknown {
  let node = root;
  for (const part of keyPath.split('.')) {
    if (!isRecord(node) || !hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** True when some step of the path exists but is not an object (so the path is unusable). */
function blocked(root: unknown, keyPath: string): boolean {
  let node = root;
  for (const part of keyPath.split('.')) {
    if (node === undefined) return false;
    if (!isRecord(node)) return true;
    node = hasOwn(node, part) ? node[part] : undefined;
  }
  return false;
}

/** A table-三 row read leniently: six cells (undefined where unusable) and the stated 总计. */
export interface LenientRow {
  cells: (number | undefined)[];
  /** The 7th number when given and valid. */
  stated?: number;
  /** True when the row has a 7th number (valid or not). */
  hasStated: boolean;
}

const UNUSABLE: LenientRow = { cells: [undefined, undefined, undefined, undefined, undefined, undefined], hasStated: false };
const ZERO: LenientRow = { cells: [0, 0, 0, 0, 0, 0], hasStated: false };

/** Reads row `key` (e.g. `denied.stateSecret`) of `applications`; omitted rows are zeros. */
export function lenientRow(applications: unknown, key: string): LenientRow {
  if (applications !== undefined && !isRecord(applications)) return UNUSABLE;
  if (blocked(applications, key)) return UNUSABLE;
  const v = at(applications, key);
  if (v === undefined) return ZERO;
  if (!Array.isArray(v)) return UNUSABLE;
  const cells = [0, 1, 2, 3, 4, 5].map((i) => cell(v[i]));
  const hasStated = v.length === 7;
  return { cells, stated: hasStated ? cell(v[6]) : undefined, hasStated };
}

/** Sum of numbers, or undefined when any is undefined. */
export function sum(values: readonly (number | undefined)[]): number | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/**
 * Reads a field of an optional block of counts: an omitted block is zeros; an omitted
 * field is 0 only when `missingMeansZero` (optional fields), else unusable; an
 * unusable value is undefined.
 */
export function lenientCount(block: unknown, key: string, missingMeansZero = false): number | undefined {
  if (block === undefined) return 0;
  if (!isRecord(block)) return undefined;
  if (!hasOwn(block, key)) return missingMeansZero ? 0 : undefined;
  return cell(block[key]);
}

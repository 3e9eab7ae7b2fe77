/**
 * The publication deadline of 《政府信息公开条例》第四十九条 (docs/FORMAT.md §E): a
 * government department publishes its report by 31 January, a people's government at
 * county level or above by 31 March of the following year. D1 compares the publication
 * date (`published`, else the 落款 date) with the deadline of the unit's level; D2 asks for
 * `level` where the name does not settle it (a 乡镇 or 街道, a 管委会).
 */
import { nearestLine, type SourceMap } from '../load/source-map';
import { levelOfAgency, type Level } from '../model/level';
import type { Diagnostic } from './diagnostic';
import { own } from './read';

/** The deadlines of 第四十九条 in the following year, as MM-DD. */
export const STATUTORY_DEADLINES = { department: '01-31', government: '03-31' } as const;

/** The last publication day of a level's report for `year`, as YYYY-MM-DD. */
export function deadlineOf(level: 'department' | 'government', year: number, deadlines: { department: string; government: string } = STATUTORY_DEADLINES): string {
  return `${year + 1}-${deadlines[level]}`;
}

const LEVEL_NAMES = { department: '政府部门', government: '县级以上人民政府' } as const;

/** `2022-1-5` → `2022-01-05`. */
function iso(date: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : undefined;
}

/** D1 and D2 (see the module comment). */
export function checkDeadline(data: unknown, map: SourceMap, deadlines: { department: string; government: string } = STATUTORY_DEADLINES): Diagnostic[] {
  const out: Diagnostic[] = [];
  const year = own(data, 'year');
  const agency = own(data, 'agency');
  if (typeof year !== 'number' || typeof agency !== 'string') return out;
  const written = own(data, 'level');
  const level: Level = written === 'department' || written === 'government' ? written : levelOfAgency(agency);
  const add = (severity: Diagnostic['severity'], code: string, path: string, message: string) =>
    out.push({ severity, code, path, line: nearestLine(map, path), message });

  const published = own(data, 'published');
  const signed = own(own(data, 'signature'), 'date');
  const [path, raw] = typeof published === 'string' ? ['published', published] : typeof signed === 'string' ? ['signature.date', signed] : [];
  const date = raw === undefined ? undefined : iso(raw);

  if (level === 'unclear') {
    if (written === undefined) {
      add('hint', 'D2', 'agency', `“${agency}”看不出适用哪个发布期限：政府部门为次年1月31日前，县级以上人民政府为次年3月31日前。请填写 level（department 或 government）`);
    }
    return out;
  }
  if (date === undefined || path === undefined) return out;
  const deadline = deadlineOf(level, year, deadlines);
  const statutory = deadline === deadlineOf(level, year);
  const what = path === 'published' ? '发布日期' : '落款日期（未填发布日期，按落款日期核对）';
  if (date > deadline) {
    add(
      'warning',
      'D1',
      path,
      `${what} ${raw} 晚于${LEVEL_NAMES[level]}的发布期限 ${deadline}（${statutory ? '《政府信息公开条例》第四十九条' : '规则文件的规定'}${written === undefined ? `；按机关名称视为${LEVEL_NAMES[level]}，不对请填写 level` : ''}）`,
    );
  } else if (date <= `${year}-12-31`) {
    add('warning', 'D1', path, `${what} ${raw} 在统计期（${year}年1月1日至12月31日）结束之前，请核对年份`);
  }
  return out;
}

/**
 * N7: 一、总体情况 no longer than a rules file allows (some provinces cap it at about 1,000
 * characters). Off unless a rules file sets `overviewMaxChars`.
 */
import { nearestLine, type SourceMap } from '../load/source-map';
import type { Diagnostic } from './diagnostic';
import { isRecord, own } from './read';

/** Characters of 一、总体情况 as printed: the intro, the sub-headings and their bodies, without whitespace or bold marks. */
export function overviewLength(data: unknown): number {
  if (!isRecord(data)) return 0;
  const parts: unknown[] = [own(data, 'overviewIntro')];
  const overview = own(data, 'overview');
  if (Array.isArray(overview)) for (const item of overview) parts.push(own(item, 'heading'), own(item, 'body'));
  return parts.reduce<number>((n, p) => n + (typeof p === 'string' ? [...p.replace(/\*\*|\s+/g, '')].length : 0), 0);
}

/** N7 (see the module comment). */
export function checkOverviewLength(data: unknown, map: SourceMap, maxChars: number | undefined): Diagnostic[] {
  if (maxChars === undefined) return [];
  const length = overviewLength(data);
  if (length <= maxChars) return [];
  return [
    {
      severity: 'warning',
      code: 'N7',
      path: 'overview',
      line: nearestLine(map, 'overview'),
      message: `一、总体情况共 ${length} 字，超过规则文件规定的 ${maxChars} 字：请精简，写实际做了什么、效果如何`,
    },
  ];
}

/**
 * Text copied from last year's report (内容雷同, which the national format warns against):
 * with last year's data, each section's sentences are compared with last year's, years and
 * whitespace normalised, and C1 warns when the share of the section's characters lying in
 * sentences identical to last year's reaches the threshold, listing sentences that differ
 * only in their years. The template's own opening paragraph is not compared.
 */
import { nearestLine, type SourceMap } from '../load/source-map';
import type { Diagnostic } from './diagnostic';
import { isRecord, own } from './read';

/** Share of a section's characters, in sentences identical to last year's, that draws C1. */
export const DEFAULT_COPY_SHARE = 0.8;
/** Sections shorter than this many characters (a one-line 六) are not compared. */
const MIN_CHARS = 60;
/** Sentences listed in one message. */
const MAX_LISTED = 3;

interface Section {
  path: string;
  label: string;
  text: string;
}

/** The narrative sections compared: 一 (intro and sub-sections together), 三's note, 五, 六. */
function sections(data: unknown): Section[] {
  if (!isRecord(data)) return [];
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const overview = own(data, 'overview');
  const overviewText = [str(own(data, 'overviewIntro')), ...(Array.isArray(overview) ? overview.map((o) => str(own(o, 'body'))) : [])].join('\n');
  return [
    { path: 'overviewIntro', label: '一、总体情况', text: overviewText },
    { path: 'applicationsIntro', label: '三、收到和处理政府信息公开申请情况（说明）', text: str(own(data, 'applicationsIntro')) },
    { path: 'problems', label: '五、存在的主要问题及改进情况', text: str(own(data, 'problems')) },
    { path: 'otherMatters', label: '六、其他需要报告的事项', text: str(own(data, 'otherMatters')) },
  ];
}

/** Sentences of a text, ending at 。！？；, with bold marks and whitespace removed. */
function sentences(text: string): string[] {
  return (text.replace(/\*\*/g, '').replace(/\s+/g, '').match(/[^。！？；!?;]+[。！？；!?;]?/g) ?? []).filter((s) => s.length > 1);
}

/** A sentence with its years replaced, so “2022年” and “2023年” compare equal. */
const normalised = (s: string) => s.replace(/(19|20)\d{2}(?=年|年度)/g, '#');

/** C1 (see the module comment). */
export function checkCopiedText(data: unknown, previous: unknown, map: SourceMap, threshold = DEFAULT_COPY_SHARE): Diagnostic[] {
  const before = new Map<string, string>();
  for (const s of sections(previous)) for (const sentence of sentences(s.text)) before.set(normalised(sentence), sentence);
  const out: Diagnostic[] = [];
  for (const section of sections(data)) {
    const all = sentences(section.text);
    const chars = all.reduce((n, s) => n + s.length, 0);
    if (chars < MIN_CHARS) continue;
    const copied = all.filter((s) => before.has(normalised(s)));
    const share = copied.reduce((n, s) => n + s.length, 0) / chars;
    if (share < threshold) continue;
    const yearOnly = copied.filter((s) => before.get(normalised(s)) !== s);
    const listed = yearOnly.slice(0, MAX_LISTED).map((s) => `“${s}”`).join('');
    out.push({
      severity: 'warning',
      code: 'C1',
      path: section.path,
      line: nearestLine(map, section.path),
      message:
        `${section.label}：${Math.round(share * 100)}% 的文字与上一年度报告的句子相同（${chars} 字中 ${Math.round(share * chars)} 字），` +
        `请按本年度的实际工作重写，避免内容雷同` +
        (yearOnly.length > 0 ? `；其中 ${yearOnly.length} 句只改了年份：${listed}${yearOnly.length > MAX_LISTED ? '……' : ''}` : ''),
    });
  }
  return out;
}

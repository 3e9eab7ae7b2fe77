/**
 * The text of a report from its paragraphs (docs/IMPORT.md §5): agency and year from the title,
 * the opening paragraph and contact, 一 with its intro and sub-sections, the prose of 三, 五 and
 * 六, and a signature; page headers, footers and page numbers dropped, words split by a page
 * break joined, bold kept as `**…**` except on a run-in heading (the renderer sets its face).
 */
import type { ParagraphBlock, Run, SourceDocument } from './blocks';
import { paragraphText } from './blocks';
import { tidySpaces } from './normalize';

/** The narrative fields of the data contract that the importer fills. */
export interface ReportText {
  agency?: string;
  year?: number;
  title?: string;
  contact?: string;
  preamble?: string;
  overviewIntro?: string;
  overview?: { heading: string; body?: string }[];
  applicationsIntro?: string;
  problems?: string;
  otherMatters?: string;
  signature?: { agency?: string; date?: string };
  /** Which of the six section headings were found (一 … 六). */
  sections: boolean[];
}

const SECTION_WORDS = ['总体情况', '主动公开', '申请', '复议', '问题', '其他'];
const SECTION_NUMERALS = '一二三四五六';
const HEADING = /^([一二三四五六])[、.．]\s*(.{2,30})$/;
const SUB_HEADING = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*([^。，,；;！？]{1,30})[。：:]?$/;
const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/共]\s*共?\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;
const CLOSING = /[。！？!?：:；;”’）)」』…]$/;
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const RUN_IN = /^(?:（[一二三四五六七八九十百零]{1,4}）|[0-9]{1,2}[.．](?![0-9]))[^，,；;：:！!？?。\n*]{1,30}(?:。|$)/;

/** A paragraph's text with `**…**` around bold runs, except a leading run-in heading. */
function markedText(p: ParagraphBlock): string {
  const plain = tidySpaces(paragraphText(p));
  const runIn = RUN_IN.exec(plain)?.[0].length ?? 0;
  let out = '';
  let pos = 0;
  let bold = false;
  for (const run of mergeRuns(p.runs)) {
    const text = tidySpacesKeepEdges(run.text);
    if (text === '') continue;
    for (const ch of text) {
      const want = run.bold && pos >= runIn && !/\s/.test(ch);
      if (want !== bold) {
        out += '**';
        bold = want;
      }
      out += ch;
      pos++;
    }
  }
  if (bold) out += '**';
  return tidySpaces(out.replace(/\*\*\*\*/g, ''));
}

function tidySpacesKeepEdges(text: string): string {
  return text.replace(/[\u200b-\u200f\u2060\ufeff]/g, '');
}

function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.bold === r.bold) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** `**…**` written in the text itself (text copied from our own files) becomes bold runs. */
export function runsFromMarkedText(text: string): Run[] {
  const out: Run[] = [];
  const parts = text.split('**');
  if (parts.length % 2 === 0) return [{ text, bold: false }];
  parts.forEach((t, i) => {
    if (t !== '') out.push({ text: t, bold: i % 2 === 1 });
  });
  return out;
}

/** Drops page furniture: page numbers, and short lines repeated on many pages (running heads). */
function dropFurniture(paragraphs: ParagraphBlock[]): ParagraphBlock[] {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    const t = tidySpaces(paragraphText(p));
    if (t.length <= 40) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return paragraphs.filter((p) => {
    const t = tidySpaces(paragraphText(p));
    if (t === '') return false;
    if (PAGE_NUMBER.test(t.normalize('NFKC'))) return false;
    return !((counts.get(t) ?? 0) >= 3 && !HEADING.test(t) && !SUB_HEADING.test(t));
  });
}

/** Which section a heading paragraph opens (0–5), if it is one of the six. */
function sectionOf(text: string, next: number): number | undefined {
  const m = HEADING.exec(text);
  if (!m) return undefined;
  const n = SECTION_NUMERALS.indexOf(m[1]);
  if (n < next || !m[2].includes(SECTION_WORDS[n])) return undefined;
  return n;
}

/** Joins paragraphs cut by a page break: one without closing punctuation continues in the next. */
function joinBroken(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const last = out[out.length - 1];
    if (last !== undefined && !CLOSING.test(last.replace(/\*\*$/, '')) && !SUB_HEADING.test(last) && !RUN_IN.test(t) && !SUB_HEADING.test(t)) out[out.length - 1] = last + t;
    else out.push(t);
  }
  return out;
}

/** The default opening paragraph of the template, for telling whether a report's own differs. */
function templatePreamble(title: string, year: number): string {
  return (
    '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）的要求，' +
    `现发布《${title}》，本报告统计数据从${year}年1月1日至${year}年12月31日。`
  );
}

const TITLE = /^(.+?)(\d{4})\s*年(?:度)?\s*政府信息公开工作年度报告$/;

/** Reads the narrative of a report from its paragraphs. */
export function readSections(doc: SourceDocument): ReportText {
  const paragraphs = dropFurniture(doc.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph'));
  const result: ReportText = { sections: [false, false, false, false, false, false] };
  let i = 0;
  // The title: the first paragraphs until one ends in 年度报告 (a title may be set on two lines).
  for (let n = 1; n <= 3 && n <= paragraphs.length; n++) {
    const text = tidySpaces(paragraphs.slice(0, n).map((p) => paragraphText(p)).join('').replace(/\s+/g, ''));
    const m = TITLE.exec(text);
    if (m) {
      result.agency = m[1];
      result.year = Number(m[2]);
      const standard = `${m[1]}${m[2]}年政府信息公开工作年度报告`;
      if (text !== standard) result.title = text;
      i = n;
      break;
    }
  }
  // Body paragraphs by section: -1 before 一.
  const bySection: string[][] = [[], [], [], [], [], [], []];
  let current = -1;
  for (; i < paragraphs.length; i++) {
    const plain = tidySpaces(paragraphText(paragraphs[i]));
    const s = sectionOf(plain, current + 1);
    if (s !== undefined) {
      current = s;
      result.sections[s] = true;
      continue;
    }
    bySection[current + 1].push(doc.pageBroken ? markedText(paragraphs[i]) : markedText(paragraphs[i]));
  }
  const sections = bySection.map((texts) => (doc.pageBroken ? joinBroken(texts) : texts));
  readPreamble(result, sections[0]);
  readOverview(result, sections[1]);
  if (sections[3].length > 0) result.applicationsIntro = sections[3].join('\n\n');
  if (sections[5].length > 0) result.problems = sections[5].join('\n\n');
  const six = sections[6];
  readSignature(result, six);
  if (six.length > 0) result.otherMatters = six.join('\n\n');
  return result;
}

function readPreamble(result: ReportText, texts: string[]): void {
  if (texts.length === 0) return;
  const joined = texts.join('');
  if (result.year !== undefined && result.agency !== undefined) {
    const title = result.title ?? `${result.agency}${result.year}年政府信息公开工作年度报告`;
    const expected = templatePreamble(title, result.year);
    if (joined === expected) return;
    if (joined.startsWith(expected)) {
      const m = /^联系方式[:：]?(.+?)。$/.exec(joined.slice(expected.length));
      if (m) {
        result.contact = m[1];
        return;
      }
    }
  }
  result.preamble = texts.join('\n\n');
}

function readOverview(result: ReportText, texts: string[]): void {
  const intro: string[] = [];
  const parts: { heading: string; body: string[] }[] = [];
  for (const t of texts) {
    const plain = t.replace(/\*\*/g, '');
    const m = SUB_HEADING.exec(plain);
    if (m) {
      parts.push({ heading: m[2].trim(), body: [] });
      continue;
    }
    if (parts.length === 0) intro.push(t);
    else parts[parts.length - 1].body.push(t);
  }
  if (intro.length > 0) result.overviewIntro = intro.join('\n\n');
  if (parts.length > 0) result.overview = parts.map((p) => (p.body.length > 0 ? { heading: p.heading, body: p.body.join('\n\n') } : { heading: p.heading }));
}

/** A signature: the last paragraphs of 六, an agency line and a date line (removed from the text). */
function readSignature(result: ReportText, six: string[]): void {
  const last = six[six.length - 1]?.replace(/\*\*/g, '');
  const m = last ? DATE.exec(last) : null;
  if (!m) return;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  six.pop();
  const before = six[six.length - 1]?.replace(/\*\*/g, '');
  if (before && before.length <= 40 && !/[。，；：]/.test(before)) {
    six.pop();
    result.signature = before === result.agency ? { agency: before, date } : { agency: before, date };
  } else result.signature = { date };
}

/**
 * Imported report data as a YAML file (with a `# 未能读取：…` comment on every line holding an
 * unread cell, and a note where blank cells were derived) or as JSON. Same input, same bytes.
 */
import { stringify } from 'yaml';
import { APPLICATION_COLUMNS, OUTCOME_COLUMNS } from '../catalogue/format-2021';
import type { ImportResult } from './import-report';

const INDENT = '  ';

function scalar(value: unknown, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  const text = stringify(value, { lineWidth: 0, blockQuote: 'literal' }).replace(/\n$/, '');
  // A block scalar's lines are indented one level below its key.
  return text.split('\n').map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n');
}

function flowRow(values: readonly unknown[]): string {
  return `[${values.map((v) => scalar(v, '')).join(', ')}]`;
}

function flowMap(entries: Record<string, unknown>): string {
  return `{ ${Object.entries(entries).map(([k, v]) => `${k}: ${scalar(v, '')}`).join(', ')} }`;
}

/** The `# …` comment for the cells at these data paths: unread ones with reasons, derived ones counted. */
function comment(result: ImportResult, paths: readonly string[], names: readonly string[]): string {
  const unread: string[] = [];
  let derived = 0;
  paths.forEach((p, i) => {
    const f = result.figures.byPath.get(p);
    if (f?.state === 'unread') unread.push(`${names[i]}（${f.reason}）`);
    if (f?.state === 'derived') derived++;
  });
  const parts: string[] = [];
  if (unread.length > 0) parts.push(`未能读取：${dedupe(unread)}`);
  if (derived > 0) parts.push(`推算 ${derived} 格（原表空白，由表中的总计推出）`);
  return parts.length > 0 ? `   # ${parts.join('；')}` : '';
}

/** “a（x）、b（x）” → “a、b（x）” when the reasons agree. */
function dedupe(items: string[]): string {
  const reasons = items.map((s) => /（(.*)）$/.exec(s)?.[1]);
  if (reasons.every((r) => r === reasons[0])) return `${items.map((s) => s.replace(/（.*）$/, '')).join('、')}（${reasons[0]}）`;
  return items.join('；');
}

const ROW_NAMES = [...APPLICATION_COLUMNS];

/** The data as YAML text, commented. */
export function toYaml(result: ImportResult, source: string): string {
  const d = result.data;
  const lines: string[] = [];
  lines.push(`# 由 xxgk import 从 ${source} 导入。${result.summary}。`);
  lines.push('# 未能读取的单元格写作 null，行尾注明原因：请对照原报告填写（xxgk validate 会逐个指出）。');
  lines.push('');
  for (const key of ['agency', 'year', 'title', 'contact', 'preamble', 'overviewIntro'] as const) {
    if (!(key in d)) continue;
    const why = d[key] === null ? `   # 未能读取：标题中没有找到${key === 'agency' ? '机关名称' : '年度'}` : '';
    lines.push(`${key}: ${scalar(d[key], INDENT)}${why}`);
  }
  const overview = d.overview as { heading: string; body?: string }[] | undefined;
  if (overview) {
    lines.push('overview:');
    for (const part of overview) {
      lines.push(`  - heading: ${scalar(part.heading, '')}`);
      if (part.body !== undefined) lines.push(`    body: ${scalar(part.body, '      ')}`);
    }
  }
  const p = d.proactive as Record<string, unknown>;
  lines.push('proactive:');
  for (const row of ['rules', 'normativeDocuments'] as const) {
    const names = ['本年制发件数', '本年废止件数', '现行有效件数'];
    lines.push(`  ${row}: ${flowMap(p[row] as Record<string, unknown>)}${comment(result, ['issued', 'repealed', 'inForce'].map((c) => `proactive.${row}.${c}`), names)}`);
  }
  const single = { licensing: '行政许可', penalty: '行政处罚', coercion: '行政强制', fees: '行政事业性收费' } as const;
  for (const [key, name] of Object.entries(single)) {
    lines.push(`  ${key}: ${scalar(p[key], '')}${comment(result, [`proactive.${key}`], [name])}`);
  }
  if ('applicationsIntro' in d) lines.push(`applicationsIntro: ${scalar(d.applicationsIntro, INDENT)}`);
  lines.push('applications:');
  const a = d.applications as Record<string, unknown>;
  const appRow = (indent: string, key: string, path: string, value: unknown[]) =>
    lines.push(`${indent}${key}: ${flowRow(value)}${comment(result, ROW_NAMES.map((_, i) => `applications.${path}[${i}]`), ROW_NAMES)}`);
  for (const [key, value] of Object.entries(a)) {
    if (Array.isArray(value)) appRow('  ', key, key, value);
    else {
      lines.push(`  ${key}:`);
      for (const [k, v] of Object.entries(value as Record<string, unknown[]>)) appRow('    ', k, `${key}.${k}`, v);
    }
  }
  lines.push('reviewLitigation:');
  const names = [...OUTCOME_COLUMNS.map((c) => c.label), '总计'];
  for (const [key, part] of Object.entries(d.reviewLitigation as Record<string, Record<string, unknown>>)) {
    lines.push(`  ${key}: ${flowMap(part)}${comment(result, ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `reviewLitigation.${key}.${c}`), names)}`);
  }
  for (const key of ['problems', 'otherMatters'] as const) if (key in d) lines.push(`${key}: ${scalar(d[key], INDENT)}`);
  if (d.signature) lines.push(`signature: ${flowMap(d.signature as Record<string, unknown>)}`);
  return lines.join('\n') + '\n';
}

/** The data as JSON text (unread cells are null). */
export function toJson(result: ImportResult): string {
  return JSON.stringify(result.data, null, 2) + '\n';
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FORMAT_2021 } from '../../src/catalogue/format-2021';

/** The example report's data. */
export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'pingluo-kejiju-2021.yaml');
export const exampleData = (): Record<string, unknown> => parse(readFileSync(EXAMPLE, 'utf8'));

function at(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const sum = (xs: unknown[]) => xs.reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);

/**
 * The value every figure cell of the three tables has in report data, totals computed as the
 * renderer prints them (omitted blocks are 0), by catalogue path.
 */
export function printedFigures(data: unknown): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const cell of FORMAT_2021.figures) {
    const m = /^applications\.(.+)\[(\d)\]$/.exec(cell.path);
    if (m) {
      const [, key, i] = m;
      if (key === 'total') {
        const leaves = FORMAT_2021.figures.filter((f) => /^applications\./.test(f.path) && !/^applications\.(newlyReceived|carriedOver|total|carriedForward)\[/.test(f.path) && f.path.endsWith(`[${i}]`));
        out.set(cell.path, sum(leaves.map((f) => rowValue(data, f.path))));
      } else out.set(cell.path, rowValue(data, cell.path));
      continue;
    }
    const t = /^reviewLitigation\.(\w+)\.total$/.exec(cell.path);
    if (t) {
      out.set(cell.path, sum(['upheld', 'corrected', 'other', 'pending'].map((k) => at(data, `reviewLitigation.${t[1]}.${k}`) ?? 0)));
      continue;
    }
    const v = at(data, cell.path);
    out.set(cell.path, (v ?? 0) as number | string);
  }
  return out;
}

function rowValue(data: unknown, path: string): number {
  const [, key, i] = /^applications\.(.+)\[(\d)\]$/.exec(path)!;
  const row = (at(data, `applications.${key}`) as number[] | undefined) ?? [0, 0, 0, 0, 0, 0];
  return Number(i) === 6 ? sum(row.slice(0, 6)) : row[Number(i)];
}

/** Text without bold marks. */
export const plain = (s: unknown) => (typeof s === 'string' ? s.replace(/\*\*/g, '') : s);

import { stringify } from 'yaml';
import { deriveTables } from '../../src/model/derive';
import { expandPlaceholders } from '../../src/model/placeholders';
import type { Report } from '../../src/model/schema';
import { renderReportBytes, type OutputFormat } from '../../src/pipeline/render-report';
import { importDocument, type ImportResult } from '../../src/import/import-report';
import { readSource } from '../../src/import/read-source';

/** Renders report data to one format in memory (bundled fonts only, so the bytes do not depend on the machine). */
export async function renderTo(data: Record<string, unknown>, format: OutputFormat): Promise<Uint8Array> {
  const r = await renderReportBytes('report.yaml', Buffer.from(stringify(data, { lineWidth: 0 })), { formats: [format], systemFonts: false });
  const bytes = r[format];
  if (!bytes) throw new Error(`render failed: ${JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error').slice(0, 3))}`);
  return bytes;
}

/** Imports rendered bytes as a file of that kind. */
export async function importBytes(bytes: Uint8Array, format: string): Promise<ImportResult> {
  return importDocument(await readSource(`report.${format}`, bytes));
}

const paragraphsOf = (text: unknown, data: Record<string, unknown>, bold: boolean): string[] => {
  if (typeof text !== 'string') return [];
  const expanded = expandPlaceholders(text, deriveTables(data as unknown as Report), { year: data.year as number, agency: data.agency as string }).text;
  return expanded
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).join(''))
    .map((p) => (bold ? p.replace(/\*\*\*\*/g, '') : p.replace(/\*\*/g, '')))
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => p !== '');
};

/**
 * Differences between report data and what was imported from its rendering: figures (none may
 * be unread or wrong), agency and year, headings and paragraph text (placeholders expanded;
 * bold compared when `bold`).
 */
export function roundTripDifferences(data: Record<string, unknown>, result: ImportResult, bold: boolean): string[] {
  const out: string[] = [];
  const expected = printedFigures(data);
  for (const [path, f] of result.figures.byPath) {
    const want = expected.get(path);
    if (f.state === 'unread') out.push(`${path}: unread (${f.reason}), want ${want}`);
    else if (String(f.value) !== String(want)) out.push(`${path}: ${f.value}, want ${want}`);
  }
  const got = result.data;
  if (got.agency !== data.agency) out.push(`agency: ${got.agency}`);
  if (got.year !== data.year) out.push(`year: ${got.year}`);
  const cmp = (name: string, a: unknown, b: unknown) => {
    const pa = paragraphsOf(a, data, bold);
    const pb = paragraphsOf(b, data, bold).map((p) => p);
    if (JSON.stringify(pa) !== JSON.stringify(pb)) out.push(`${name}: ${JSON.stringify(pb)} ≠ ${JSON.stringify(pa)}`);
  };
  for (const key of ['overviewIntro', 'applicationsIntro', 'problems', 'otherMatters']) cmp(key, data[key], got[key]);
  const ov = (data.overview as { heading: string; body?: string }[] | undefined) ?? [];
  const gov = (got.overview as { heading: string; body?: string }[] | undefined) ?? [];
  if (JSON.stringify(ov.map((o) => o.heading.replace(/\s+/g, ''))) !== JSON.stringify(gov.map((o) => o.heading.replace(/\s+/g, '')))) out.push(`overview headings: ${JSON.stringify(gov.map((o) => o.heading))}`);
  ov.forEach((o, i) => cmp(`overview[${i}].body`, o.body, gov[i]?.body));
  return out;
}

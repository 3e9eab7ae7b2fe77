/**
 * index.html of a batch rendered with `-f html`: the list a county or city office puts on
 * its site, one row per agency with links to its web page, PDF and Word file. Only 完成
 * reports are listed: one 有错误 is written but left out (its numbers must be fixed before
 * anyone publishes them); summary.csv lists it with its errors.
 */
import { basename } from 'node:path';
import { escapeHtml, webFont } from '../writers/html';
import { STATUS_LABEL } from './batch-status';
import type { BatchSummary, ReportOutcome } from './summary';

const KINDS: [ext: string, label: string][] = [
  ['.html', '网页'],
  ['.pdf', 'PDF'],
  ['.docx', 'Word'],
];

/** The reports the index lists: 完成 (written without data errors), in input order (roster order with a roster). */
export function listedReports(summary: BatchSummary): ReportOutcome[] {
  return summary.results.filter((r) => r.status === 'ok' && r.outputs.length > 0);
}

/** The index page (UTF-8 HTML) with links relative to the output folder. */
export function indexPage(summary: BatchSummary): string {
  const listed = listedReports(summary);
  const years = [...new Set(listed.map((r) => r.year).filter((y): y is number => typeof y === 'number'))].sort();
  const title = `${years.length === 1 ? `${years[0]}年` : ''}政府信息公开工作年度报告`;
  const link = (r: ReportOutcome, ext: string, label: string) => {
    const file = r.outputs.find((o) => o.endsWith(ext));
    return file ? `<a href="${escapeHtml(encodeURIComponent(basename(file)))}">${label}</a>` : '';
  };
  const rows = listed
    .map((r) => {
      const cells = [escapeHtml(r.agency ?? basename(r.file)), ...(years.length > 1 ? [r.year ?? ''] : []), ...KINDS.map(([ext, label]) => link(r, ext, label))];
      return `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`;
    })
    .join('\n');
  const head = ['机关', ...(years.length > 1 ? ['年度'] : []), ...KINDS.map(([, label]) => label)];
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n<meta name="generator" content="xxgk">\n` +
    `<style>\nbody { max-width: 46em; margin: 2em auto; padding: 0 1em; font-family: ${webFont('body')}; font-size: 14pt; }\n` +
    `h1 { font-family: ${webFont('title')}; font-weight: normal; text-align: center; }\n` +
    'table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #000; padding: 0.3em 0.5em; } th[scope="row"] { text-align: left; font-weight: normal; } td { text-align: center; }\n' +
    '</style>\n</head>\n<body>\n' +
    `<h1>${escapeHtml(title)}</h1>\n` +
    `<table>\n<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n` +
    missingNote(summary) +
    '</body>\n</html>\n'
  );
}

/** With a roster, the units that have not reported, named below the table in the batch's word (未报送). */
function missingNote(summary: BatchSummary): string {
  const missing = summary.results.filter((r) => r.status === 'missing');
  if (missing.length === 0) return '';
  return `<p>${STATUS_LABEL.missing}（${missing.length}个单位）：${missing.map((r) => escapeHtml(r.agency ?? '')).join('、')}</p>\n`;
}

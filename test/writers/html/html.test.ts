import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportBytes } from '../../../src/pipeline/render-report';
import { writeHtml } from '../../../src/writers/html';
import { EXAMPLE, ROOT } from '../../support/cli';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const textOf = (html: string) => decode(html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ''));

/** The cells of each row of a table: tag, rowspan, colspan, text. */
function rowsOf(table: string): { tag: string; rowspan: number; colspan: number; text: string }[][] {
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<(t[hd])([^>]*)>([\s\S]*?)<\/t[hd]>/g)].map(([, tag, attrs, text]) => ({
      tag,
      rowspan: Number(/rowspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
      colspan: Number(/colspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
      text: textOf(text),
    })),
  );
}

describe('the web page (xxgk render -f html)', () => {
  let html: string;
  beforeAll(async () => {
    const r = await renderReportBytes(EXAMPLE, readFileSync(EXAMPLE), { formats: ['html'], systemFonts: false });
    expect(r.status).toBe('ok');
    expect(r.docx).toBeUndefined();
    expect(r.pdf).toBeUndefined();
    html = Buffer.from(r.html!).toString('utf8');
  });

  it('is one self-contained page in Chinese: title, language, no script, no outside file', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>平罗县科学技术局2021年政府信息公开工作年度报告</title>');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('<h1>平罗县科学技术局2021年政府信息公开工作年度报告</h1>');
    expect(html).toContain('<h2>一、总体情况</h2>');
    expect(html).toContain('<h3>（一）主动公开</h3>');
  });

  it('has every sentence and table label of the published report', () => {
    const seed = readFileSync(join(ROOT, 'test', 'fixtures', 'seed-report-2021.txt'), 'utf8');
    // The seed's tables mix half- and full-width punctuation; compare both sides in half width.
    const half: Record<string, string> = { '（': '(', '）': ')', '，': ',', '：': ':', '；': ';' };
    const norm = (s: string) => s.replace(/\s+/g, '').replace(/\*\*/g, '').replace(/[（），：；]/g, (c) => half[c]);
    const all = norm(textOf(html));
    const pieces = seed
      .replace(/([^\s。：；）])\n\n([^\s一二三四五（(])/g, '$1$2')
      .split('\n')
      .flatMap((line) => (line.includes('\t') ? line.split('\t') : line.replace(/\s+/g, '').split(/(?<=[。；])/)))
      .map(norm)
      .filter((p) => p.length >= 6);
    expect(pieces.length).toBeGreaterThan(60);
    expect(pieces.filter((p) => !all.includes(p))).toEqual([]);
  });

  it('writes table 三 as HTML tables are read: 3 header rows of th in thead, every row filling 10 columns with the spans', () => {
    const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    const t3 = tables[1];
    expect(t3).toMatch(/<thead>\n(<tr>.*<\/tr>\n){3}<\/thead>/);
    const rows = rowsOf(t3);
    expect(rows).toHaveLength(28);
    expect(rows.slice(0, 3).flat().every((c) => c.tag === 'th')).toBe(true);
    expect(rows.slice(3).flat().every((c) => c.tag === 'td')).toBe(true);
    expect(rows[3][0]).toMatchObject({ text: '一、本年新收政府信息公开申请数量', colspan: 3 });
    expect(rows[5][0]).toMatchObject({ text: '三、本年度办理结果', rowspan: 22 });
    // The HTML table model: place each cell in the first free slot, spans taking slots below.
    const taken = rows.map(() => new Array<boolean>(10).fill(false));
    rows.forEach((row, r) => {
      let c = 0;
      for (const cell of row) {
        while (taken[r][c]) c++;
        for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) {
          expect(taken[r + dr][c + dc]).toBe(false);
          taken[r + dr][c + dc] = true;
        }
        c += cell.colspan;
      }
    });
    expect(taken.every((row) => row.every(Boolean))).toBe(true);
    expect(t3).toContain('<th scope="colgroup" colspan="5">法人或其他组织</th>');
  });

  it('escapes the data: text never becomes markup', () => {
    const tree = {
      meta: { title: '某局<b>年报</b>', author: 'A & B', date: '2022-01-01', language: 'zh-CN' as const },
      blocks: [{ kind: 'paragraph' as const, indent: true, align: 'justify' as const, children: [{ kind: 'text' as const, text: '<script>alert(1)</script> & “引号”' }] }],
    };
    const page = Buffer.from(writeHtml(tree)).toString('utf8');
    expect(page).toContain('<title>某局&lt;b&gt;年报&lt;/b&gt;</title>');
    expect(page).toContain('<meta name="author" content="A &amp; B">');
    expect(page).toContain('<p class="indent">&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”</p>');
    expect(page).not.toContain('<script>');
  });

  it('gives the same bytes for the same report', async () => {
    const again = await renderReportBytes(EXAMPLE, readFileSync(EXAMPLE), { formats: ['html'], systemFonts: false });
    expect(Buffer.from(again.html!).toString('utf8')).toBe(html);
  });
});

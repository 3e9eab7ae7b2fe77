/**
 * Size: a 300-paragraph narrative and a 60-character agency name render in both
 * formats within seconds, on many pages, with the title wrapped into balanced,
 * centred lines; memory stays bounded.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { layoutDocument } from '../../src/layout';
import { flattenItems, type TextItem } from '../../src/layout/frames';
import { renderReportBytes } from '../../src/pipeline/render-report';
import type { Report } from '../../src/model/schema';
import { GBT9704, mmToPt } from '../../src/style/settings';
import { buildDocTree } from '../../src/template';
import { validateReport } from '../../src/validate/validate';
import { realFonts } from '../layout/support/real-fonts';
import { ROOT, tempDir } from '../support/cli';
import { isCompletePdf, toYaml, xmlProblem } from './support';

const AGENCY = '宁夏回族自治区石嘴山市平罗县人民政府办公室（县政务服务管理局、县大数据管理中心、县地方金融监督管理局、县营商环境建设局）';
const TITLE = `${AGENCY}2023年政府信息公开工作年度报告`;

const SENTENCES = ['我局认真贯彻落实《中华人民共和国政府信息公开条例》，', '围绕县委、县政府中心工作，', '进一步加强政府信息公开平台建设，', '及时回应社会关切，'];
const paragraph = (i: number) =>
  `${i % 10 === 0 ? `${i / 10 + 1}.第${i / 10 + 1}方面工作。` : ''}${SENTENCES.slice(0, 1 + (i % 4)).join('')}全年通过政府门户网站主动公开各类信息${100 + i}件，切实保障人民群众的知情权、参与权、表达权和监督权。`;

function bigReport(): Report {
  return {
    agency: AGENCY,
    year: 2023,
    overview: [
      { heading: '主动公开', body: Array.from({ length: 300 }, (_, i) => paragraph(i)).join('\n\n') },
      { heading: '依申请公开', body: '本年度共收到政府信息公开申请0件。' },
    ],
    problems: '一是公开内容不够全面。二是更新不够及时。下一步将加强培训，完善制度。',
    otherMatters: '本年度未收取信息处理费。',
  };
}

describe('a 300-paragraph narrative and a 60-character agency name', () => {
  const report = bigReport();
  const yaml = toYaml(report);

  test('the data is as described and valid', () => {
    expect([...AGENCY]).toHaveLength(60);
    expect(report.overview![0].body!.split('\n\n')).toHaveLength(300);
    const v = validateReport(report);
    expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('renders .docx and PDF: many pages, both files complete', async () => {
    const r = await renderReportBytes('big.yaml', Buffer.from(yaml), { formats: ['docx', 'pdf'], systemFonts: false });
    expect(r.status).toBe('ok');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(isCompletePdf(r.pdf!)).toEqual({ ok: true });
    const pdf = await PDFDocument.load(r.pdf!);
    expect(pdf.getPageCount()).toBeGreaterThan(40); // 60 here: 300 paragraphs of 2–3 lines, 22 lines a page
    const zip = await JSZip.loadAsync(r.docx!);
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(xmlProblem(doc)).toBeUndefined();
    expect(doc.split('<w:p>').length + doc.split('<w:p ').length).toBeGreaterThan(300);
    expect(doc).toContain('县营商环境建设局）2023年');
  });

  test('the title wraps into balanced, centred lines within the text block, every character kept', () => {
    const fonts = realFonts();
    expect(fonts).toBeDefined();
    const tree = buildDocTree(report).tree;
    const { pages, diagnostics } = layoutDocument(tree, GBT9704, fonts!);
    expect(diagnostics.filter((d) => d.code === 'L-OVERFULL')).toEqual([]);
    const titleSize = GBT9704.roles.title.size;
    const items = flattenItems(pages[0].items).filter((i): i is TextItem => i.kind === 'text' && i.size === titleSize);
    const lines = new Map<number, TextItem[]>();
    for (const it of items) lines.set(it.y, [...(lines.get(it.y) ?? []), it]);
    const texts = [...lines.keys()].sort((a, b) => a - b).map((y) => lines.get(y)!.map((i) => i.text).join(''));
    expect(texts.join('')).toBe(TITLE);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    const lengths = texts.map((t) => [...t].length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(3);
    // Centred lines of nearly the full measure: each starts inside the text block, less than
    // two characters in from its left edge, and never to the left of it.
    const left = mmToPt(GBT9704.margins.leftMm);
    for (const its of lines.values()) {
      const x0 = Math.min(...its.map((i) => i.x));
      expect(x0).toBeGreaterThanOrEqual(left - 0.5);
      expect(x0).toBeLessThan(left + 2 * titleSize);
    }
  });

  test('memory stays bounded: the CLI renders both files with a peak RSS under 400 MB', () => {
    const tmp = tempDir('xxgk-size-');
    try {
      const input = join(tmp.dir, 'big.yaml');
      writeFileSync(input, yaml);
      // The child's own peak (peakMemoryMb): its maxRSS would include this test runner's.
      const script = `require(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))}).main(['render', ${JSON.stringify(input)}, '--no-system-fonts'])
        .then((code) => { process.stderr.write('peak ' + require(${JSON.stringify(join(ROOT, 'dist', 'util', 'peak-memory.js'))}).peakMemoryMb() + '\\n'); process.exitCode = code; });`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(0);
      const mb = Number(/peak ([\d.]+)/.exec(r.stderr)?.[1]);
      expect(mb).toBeGreaterThan(0);
      expect(mb).toBeLessThan(400); // about 80 MB here
    } finally {
      tmp.cleanup();
    }
  });
});

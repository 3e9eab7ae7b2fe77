import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { renderReportBytes } from '../../src/pipeline/render-report';
import type { RenderedReport } from '../../src/pipeline/render-types';
import { EXAMPLE, ROOT, tempDir } from '../support/cli';
import { hasCommands } from '../support/tools';

const settings = { formats: ['docx', 'pdf'] as ('docx' | 'pdf')[], systemFonts: false };
const seed = readFileSync(join(ROOT, 'test', 'fixtures', 'seed-report-2021.txt'), 'utf8');

/** The seed's sentences and table labels, normalised as the outside check does. */
function seedPieces(): string[] {
  const halfWidth: Record<string, string> = { '（': '(', '）': ')', '，': ',', '：': ':', '；': ';' };
  const norm = (s: string) => s.replace(/\*\*/g, '').replace(/\s+/g, '').replace(/[（），：；]/g, (c) => halfWidth[c]);
  // Rejoin words the seed's page breaks split (“公开企 / 业获批”).
  const text = seed.replace(/([^\s。：；）])\n\n([^\s一二三四五（(])/g, '$1$2');
  const pieces: string[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('\t') || line.trim().length < 6) continue;
    for (const sentence of norm(line).split(/(?<=[。；])/)) if (sentence.length >= 6) pieces.push(sentence);
  }
  for (const line of seed.split('\n')) {
    for (const cell of line.split('\t')) {
      const c = norm(cell);
      if (c.length >= 4 && !/^\d+$/.test(c)) pieces.push(c);
    }
  }
  return pieces.map((p) => p);
}

interface Bookmark {
  title: string;
  page: number;
  items: Bookmark[];
}

function pdfText(file: string): { pages: string[]; warnings: string[]; outline: Bookmark[]; marked: boolean; structure: string[][] } {
  const r = spawnSync(process.execPath, [join(ROOT, 'test', 'support', 'pdf-text.mjs'), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** Environment in which poppler and Ghostscript can see no system font at all. */
function noFontsEnv(dir: string): NodeJS.ProcessEnv {
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>${dir}/none</dir><cachedir>${dir}/fc</cachedir></fontconfig>`);
  return { ...process.env, FONTCONFIG_FILE: conf };
}

describe('the example report, rendered', () => {
  const tmp = tempDir();
  let rendered: RenderedReport;
  let pdfFile: string;
  beforeAll(async () => {
    rendered = await renderReportBytes(EXAMPLE, readFileSync(EXAMPLE), settings);
    pdfFile = join(tmp.dir, 'example.pdf');
    writeFileSync(pdfFile, rendered.pdf!);
  });
  afterAll(tmp.cleanup);

  it('renders both documents with no error or warning', () => {
    expect(rendered.status).toBe('ok');
    expect(rendered.diagnostics.filter((d) => d.severity !== 'hint')).toEqual([]);
    expect(rendered.docx!.length).toBeGreaterThan(5000);
    expect(rendered.pdf!.length).toBeGreaterThan(50000);
  });

  it('has every sentence, table label and number of the published report in its PDF text (pdf.js, page numbers left out)', () => {
    const { pages, warnings } = pdfText(pdfFile);
    expect(warnings).toEqual([]);
    const halfWidth: Record<string, string> = { '（': '(', '）': ')', '，': ',', '：': ':', '；': ';' };
    const all = pages.join('').replace(/\s+/g, '').replace(/[（），：；]/g, (c) => halfWidth[c]);
    const missing = seedPieces().filter((p) => !all.includes(p));
    expect(missing).toEqual([]);
    expect(all).toContain('联系方式6663655。');
    expect(all).not.toMatch(/—\d+—/);
  });

  it('is a tagged PDF whose structure pdf.js reads, with bookmarks for every section heading', () => {
    const { marked, structure, outline } = pdfText(pdfFile);
    expect(marked).toBe(true);
    expect(structure[0].slice(0, 3)).toEqual(['Document', 'H1', 'P']);
    const all = structure.flat();
    for (const role of ['H2', 'H3', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD']) expect(all).toContain(role);
    const titles = outline.map((b) => `${b.title}@${b.page}`);
    expect(titles).toHaveLength(6);
    expect(titles[0]).toBe('一、总体情况@1');
    expect(outline[0].items.map((b) => b.title)).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
    // Each bookmark opens the page its heading is on.
    const { pages } = pdfText(pdfFile);
    for (const b of [...outline, ...outline.flatMap((o) => o.items)]) expect(pages[b.page - 1].replace(/\s+/g, '')).toContain(b.title);
  });

  (hasCommands('pdfinfo') ? it : it.skip)('reads as the same structure in poppler: headings, paragraphs and the tables with their text', () => {
    const tree = spawnSync('pdfinfo', ['-struct-text', pdfFile], { encoding: 'utf8' }).stdout;
    expect(tree).toMatch(/^Document\n {2}H1 \(block\)\n {4}"平罗县科学技术局2021年政府信息公开工作年度报告"/);
    expect(tree).toMatch(/ {2}H2 \(block\)\n {4}"三、收到和处理政府信息公开申请情况"\n {2}Table \(block\)\n {4}THead\n {6}TR\n {8}TH/);
    expect(tree).toContain('"三、本年度办理结果"');
    expect(tree).toMatch(/\/RowSpan 22/);
    // The page numbers and the header rows repeated on page 5 are artifacts, not text of the tree.
    expect(tree).not.toMatch(/— \d+ —/);
    expect(tree.split('"申请人情况"').length - 1).toBe(1);
  });

  it('renders the same bytes for the same input, whatever was rendered before (A, B, A)', async () => {
    const other = readFileSync(EXAMPLE, 'utf8').replace(/^agency: .*$/m, 'agency: 某某县统计局');
    const b = await renderReportBytes('b.yaml', Buffer.from(other), settings);
    const again = await renderReportBytes(EXAMPLE, readFileSync(EXAMPLE), settings);
    expect(Buffer.compare(Buffer.from(b.pdf!), Buffer.from(rendered.pdf!))).not.toBe(0);
    expect(Buffer.from(again.pdf!).equals(Buffer.from(rendered.pdf!))).toBe(true);
    expect(Buffer.from(again.docx!).equals(Buffer.from(rendered.docx!))).toBe(true);
  });

  const outside = hasCommands('pdftoppm') && hasCommands('qpdf') && hasCommands('pdffonts') && hasCommands('gs');
  (outside ? it : it.skip)('passes qpdf, and poppler and Ghostscript render it with no font error and no system font', () => {
    const env = noFontsEnv(tmp.dir);
    expect(spawnSync('qpdf', ['--check', pdfFile]).status).toBe(0);
    const fonts = spawnSync('pdffonts', [pdfFile], { encoding: 'utf8', env }).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const line of fonts) {
      const f = line.trim().split(/\s+/);
      expect(f[0]).toMatch(/^[A-Z]{6}\+/);
      expect(f.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']); // embedded, subset, ToUnicode
    }
    const poppler = spawnSync('pdftoppm', ['-r', '30', '-png', pdfFile, join(tmp.dir, 'pp')], { encoding: 'utf8', env });
    expect(poppler.stderr).toBe('');
    const gs = spawnSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=png16m', '-r30', `-sOutputFile=${join(tmp.dir, 'gs-%d.png')}`, pdfFile], { encoding: 'utf8', env });
    expect(gs.status).toBe(0);
    expect(`${gs.stdout}${gs.stderr}`).not.toMatch(/error|substitut|can't find|cannot find/i);
    const layout = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8', env }).stdout;
    expect(layout.split('\n').filter((l) => /^\s*[，。、；：？！）》」』”]/.test(l))).toEqual([]);
    expect(spawnSync('pdfinfo', [pdfFile], { encoding: 'utf8' }).stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
  });

  (hasCommands('pdftoppm') ? it : it.skip)('draws page 1 as the golden image (poppler, embedded fonts only)', () => {
    const env = noFontsEnv(tmp.dir);
    const base = join(tmp.dir, 'page1');
    spawnSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-singlefile', '-gray', '-png', pdfFile, base], { env });
    const got = PNG.sync.read(readFileSync(`${base}.png`));
    const goldenFile = join(ROOT, 'test', 'pipeline', '__golden__', 'example-page-1.png');
    if (process.env.UPDATE_GOLDEN) {
      writeFileSync(goldenFile, readFileSync(`${base}.png`));
      return;
    }
    expect(existsSync(goldenFile)).toBe(true);
    const want = PNG.sync.read(readFileSync(goldenFile));
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    let differing = 0;
    for (let i = 0; i < got.data.length; i += 4) if (Math.abs(got.data[i] - want.data[i]) > 64) differing++;
    // A handful of anti-aliasing pixels may move between poppler builds; a changed glyph moves hundreds.
    expect(differing).toBeLessThan(50);
  });
});

describe('figures drawn from the data', () => {
  it('replaces placeholders with the derived figures in both the .docx and the PDF', async () => {
    const text = readFileSync(EXAMPLE, 'utf8')
      .replace('本年度，科技局未收到政府信息公开的申请。', '本年度，科技局共收到政府信息公开申请{{applications.newlyReceived.total}}件，办结{{表三.总计.总计}}件。')
      .replace(/newlyReceived:\s+\[0, 0, 0,/, 'newlyReceived:    [2, 0, 1,')
      .replace(/granted:\s+\[0, 0, 0,/, 'granted:          [2, 0, 1,')
      .replace(/\n(\s+)total:\s+\[0, 0, 0,/, '\n$1total: [2, 0, 1,');
    const r = await renderReportBytes('p.yaml', Buffer.from(text), settings);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const docXml = await (await JSZip.loadAsync(r.docx!)).file('word/document.xml')!.async('string');
    const plain = docXml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('共收到政府信息公开申请3件，办结3件。');
    expect(plain).not.toContain('{{');
    const tmp = tempDir();
    try {
      const f = join(tmp.dir, 'p.pdf');
      writeFileSync(f, r.pdf!);
      const all = pdfText(f).pages.join('').replace(/\s+/g, '');
      expect(all).toContain('共收到政府信息公开申请3件，办结3件。');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('characters no font has', () => {
  const text = readFileSync(EXAMPLE, 'utf8').replace('本年度，科技局未收到政府信息公开的申请。', '本年度，科技局未收到政府信息公开的申请𰻞。');

  it('are a warning naming the character and where it is, and the documents are still made', async () => {
    const r = await renderReportBytes('m.yaml', Buffer.from(text), settings);
    expect(r.status).toBe('ok');
    const d = r.diagnostics.find((x) => x.code === 'F-MISSING');
    expect(d).toMatchObject({ severity: 'warning' });
    expect(d!.message).toContain('𰻞');
    expect(d!.path).toContain('本年度，科技局未收到');
  });

  it('are an error that stops the render with --strict', async () => {
    const r = await renderReportBytes('m.yaml', Buffer.from(text), { ...settings, strict: true });
    expect(r.status).toBe('refused');
    expect(r.pdf).toBeUndefined();
    expect(r.diagnostics.find((x) => x.code === 'F-MISSING')!.severity).toBe('error');
  });
});

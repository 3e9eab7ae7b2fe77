/**
 * The PDF painter and font embedding, checked from the outside: the PDF is parsed back,
 * every embedded subset is decoded with fontkit and its outlines compared with the source
 * font, text is extracted with pdf.js (and pdftotext), and qpdf, poppler and Ghostscript
 * must accept the file without a word while no system font is visible to them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { FrameItem } from '../../../src/layout/frames';
import type { StructElement } from '../../../src/layout/structure';
import { facesOf, resolveFontSet } from '../../../src/fonts';
import type { FontFace } from '../../../src/fonts/font-face';
import { checksum } from '../../../src/fonts/truetype-subset';
import { writePdf } from '../../../src/writers/pdf';
import { widthArray } from '../../../src/writers/pdf/font';
import { dateString, name, pdfNumber, PdfLiteral, serialize, textString } from '../../../src/writers/pdf/objects';
import { buildToUnicode, MAX_BLOCK } from '../../../src/writers/pdf/tounicode';
import { META, samplePages } from './fixture';
import { inspectFonts, pdfName, streamData, type InspectedFont } from './pdf-inspect';
import { hasCommands } from '../../support/tools';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit');

const fonts = resolveFontSet({ systemFonts: false });
const faces = facesOf(fonts);
const pages = samplePages(fonts);
let pdf: Uint8Array;
let doc: PDFDocument;
let embedded: InspectedFont[];
let tmp: string;
let file: string;

/** An environment in which fontconfig sees no font at all. */
function noFontsEnv(): NodeJS.ProcessEnv {
  const conf = path.join(tmp, 'fonts.conf');
  if (!fs.existsSync(conf)) {
    fs.mkdirSync(path.join(tmp, 'none'), { recursive: true });
    fs.writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>${tmp}/none</dir><cachedir>${tmp}/fc</cachedir></fontconfig>`);
  }
  return { ...process.env, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: tmp };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdf-'));
  pdf = await writePdf(pages, faces, META);
  file = path.join(tmp, 'sample.pdf');
  fs.writeFileSync(file, pdf);
  doc = await PDFDocument.load(pdf, { updateMetadata: false });
  embedded = inspectFonts(doc);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const sourceFonts = new Map<string, { face: FontFace; font: any }>();
function source(baseFont: string): { face: FontFace; font: any } {
  const ps = baseFont.replace(/^[A-Z]{6}\+/, '');
  let s = sourceFonts.get(ps);
  if (!s) {
    const face = [...faces.values()].find((f) => f.postscriptName === ps)!;
    s = { face, font: fontkit.create(fs.readFileSync(face.file)) };
    sourceFonts.set(ps, s);
  }
  return s;
}

/** Differences between the subset's glyphs (reached through CID → GID) and the source font's. */
function outlineMismatches(f: InspectedFont, cidToGid: (cid: number) => number = f.cidToGid): string[] {
  const sub = fontkit.create(Buffer.from(f.program));
  const { font: src } = source(f.baseFont);
  const bad: string[] = [];
  for (const [cid, text] of f.toUnicode) {
    const cp = text.codePointAt(0)!;
    const want = src.glyphForCodePoint(cp);
    const gid = cidToGid(cid);
    if (want.id === 0) {
      if (gid !== 0) bad.push(`${text}: missing in source but gid ${gid}`);
      continue;
    }
    const got = sub.getGlyph(gid);
    if (got.path.toSVG() !== want.path.toSVG()) bad.push(`${text}: outline differs`);
    else if (JSON.stringify(got.bbox) !== JSON.stringify(want.bbox)) bad.push(`${text}: bbox differs`);
    else if (got.advanceWidth !== want.advanceWidth) bad.push(`${text}: advance differs`);
  }
  return bad;
}

test('every font is a subset Type0/Identity-H font with a CIDFontType2 descendant', () => {
  expect(embedded.map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
    ['FandolFang-Regular', 'FandolHei-Regular', 'FandolKai-Regular', 'FandolSong-Bold', 'FandolSong-Regular', 'NotoSerifSC-Regular'].sort(),
  );
  for (const f of embedded) {
    expect(f.baseFont).toMatch(/^[A-Z]{6}\+[A-Za-z0-9-]+$/);
    expect(pdfName(f.type0.get(PDFName.of('Subtype')))).toBe('Type0');
    expect(pdfName(f.type0.get(PDFName.of('Encoding')))).toBe('Identity-H');
    expect(pdfName(f.cidFont.get(PDFName.of('Subtype')))).toBe('CIDFontType2');
    expect(pdfName(f.cidFont.get(PDFName.of('BaseFont')))).toBe(f.baseFont);
    expect(pdfName(f.descriptor.get(PDFName.of('FontName')))).toBe(f.baseFont);
    for (const key of ['Flags', 'FontBBox', 'ItalicAngle', 'Ascent', 'Descent', 'CapHeight', 'StemV']) {
      expect(f.descriptor.get(PDFName.of(key))).toBeDefined();
    }
    expect(Number(f.descriptor.get(PDFName.of('Ascent'))!.toString())).toBeGreaterThan(0);
    expect(Number(f.descriptor.get(PDFName.of('Descent'))!.toString())).toBeLessThan(0);
    // A real TrueType program with correct checksums, far smaller than the source file.
    expect(Buffer.from(f.program.subarray(0, 4)).readUInt32BE(0)).toBe(0x00010000);
    expect(checksum(f.program)).toBe(0xb1b0afba);
    const fontFile = doc.context.lookup(f.descriptor.get(PDFName.of('FontFile2'))) as PDFRawStream;
    expect(Number(fontFile.dict.get(PDFName.of('Length1'))!.toString())).toBe(f.program.length);
    expect(f.program.length).toBeLessThan(fs.statSync(source(f.baseFont).face.file).size / 10);
  }
});

test('ToUnicode is written in blocks of at most 100 entries and maps every CID', () => {
  const body = embedded.find((f) => f.baseFont.endsWith('+FandolFang-Regular'))!;
  expect(body.toUnicode.size).toBeGreaterThan(250);
  expect(body.blocks.length).toBeGreaterThan(2);
  for (const f of embedded) {
    for (const b of f.blocks) {
      expect(b.declared).toBeLessThanOrEqual(MAX_BLOCK);
      expect(b.lines).toHaveLength(b.declared);
    }
    // /W lists only widths other than /DW (1000): never more entries than CIDs, none equal to /DW.
    expect(f.dw).toBe(1000);
    expect(f.widths.size).toBeLessThanOrEqual(f.toUnicode.size);
    for (const [cid, w] of f.widths) {
      expect(f.toUnicode.has(cid)).toBe(true);
      expect(w).not.toBe(1000);
    }
  }
});

test('subset glyph outlines equal the source font for every character drawn', () => {
  for (const f of embedded) expect([f.baseFont, outlineMismatches(f)]).toEqual([f.baseFont, []]);
});

test('the outline comparison does catch wrong glyphs (negative control)', () => {
  const body = embedded.find((f) => f.baseFont.endsWith('+FandolFang-Regular'))!;
  const shifted = outlineMismatches(body, (cid) => Math.max(1, body.cidToGid(cid) - 1));
  expect(shifted.length).toBeGreaterThan(200);
});

test('widths are the source advances; missing characters are .notdef with a CID of their own', () => {
  for (const f of embedded) {
    const { face } = source(f.baseFont);
    for (const [cid, text] of f.toUnicode) {
      const cp = text.codePointAt(0)!;
      const adv = face.advance(cp) || (face.hasChar(cp) ? 0 : face.unitsPerEm);
      expect(f.widths.get(cid) ?? f.dw).toBeCloseTo((adv * 1000) / face.unitsPerEm, 3);
    }
  }
  const body = embedded.find((f) => f.baseFont.endsWith('+FandolFang-Regular'))!;
  const cidOf = (s: string) => [...body.toUnicode].find(([, t]) => t === s)![0];
  // 日 and the radical ⽇ share one glyph in Fandol but keep two CIDs.
  expect(cidOf('日')).not.toBe(cidOf('⽇'));
  expect(body.cidToGid(cidOf('日'))).toBe(body.cidToGid(cidOf('⽇')));
  expect(body.cidToGid(cidOf('日'))).toBeGreaterThan(0);
  // ⻝ is not in Fandol: drawn as the visible .notdef box, still extracted as ⻝.
  expect(body.cidToGid(cidOf('⻝'))).toBe(0);
  const sub = fontkit.create(Buffer.from(body.program));
  expect(sub.getGlyph(0).path.commands.length).toBeGreaterThan(0);
});

test('content: top-left frames become bottom-left PDF coordinates; Tc, synthetic bold, rules', () => {
  const page = doc.getPage(0);
  const content = Buffer.from(streamData(doc, page.node.get(PDFName.of('Contents')))).toString('latin1');
  expect(content).toContain(`1 0 0 1 79.37 ${Math.round((841.89 - 140) * 1000) / 1000} Tm`);
  expect(content).toMatch(/2 Tr\n0\.533 w\n1 0 0 1 79\.37 543\.89 Tm\n<[0-9A-F]{28}> Tj\n-0\.207 Tc\n0 Tr/);
  expect(content).toContain('79.37 195.89 m 521.57 195.89 l S');
  expect(content).not.toMatch(/\d\.\d{4}/);
});

test('metadata: title shown, author, zh-CN, dates from meta.date, deterministic ID', () => {
  expect(doc.getTitle()).toBe(META.title);
  expect(doc.getAuthor()).toBe(META.author);
  expect(doc.getCreationDate()?.toISOString()).toBe('2022-01-20T00:00:00.000Z');
  expect(doc.getModificationDate()?.toISOString()).toBe('2022-01-20T00:00:00.000Z');
  const catalog = doc.catalog;
  expect(catalog.get(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
  const vp = doc.context.lookup(catalog.get(PDFName.of('ViewerPreferences'))) as PDFDict;
  expect(vp.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
  expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/ID ?\[ ?<([0-9A-F]{32})> <\1> ?\]/);
  expect(doc.getPageCount()).toBe(2);
});

test('same input, same bytes (A, B, A); different input, different bytes', async () => {
  const other = samplePages(fonts, '（修订）');
  const a1 = await writePdf(pages, faces, META);
  const b = await writePdf(other, faces, META);
  const a2 = await writePdf(pages, (id) => faces.get(id), META);
  expect(Buffer.from(a1).equals(Buffer.from(pdf))).toBe(true);
  expect(Buffer.from(a2).equals(Buffer.from(pdf))).toBe(true);
  expect(Buffer.from(b).equals(Buffer.from(pdf))).toBe(false);
});

test('faces made elsewhere (only the FontFace contract, with or without bytes) embed the same way', async () => {
  const plain = new Map<string, FontFace>();
  const withBytes = new Map<string, FontFace>();
  for (const [id, f] of faces) {
    const { embedding: _e, metrics: _m, font: _f, ...contract } = f as FontFace & { embedding?: unknown; metrics?: unknown; font?: unknown };
    plain.set(id, contract);
    withBytes.set(id, { ...contract, bytes: fs.readFileSync(f.file) });
  }
  for (const set of [plain, withBytes]) {
    const again = await writePdf(pages, set, META);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  }
});

test('groups become marked content: ActualText replaces the glyphs in extraction, artifacts are marked', async () => {
  const body = fonts.body[0].id;
  const t = (x: number, y: number, text: string) => ({ kind: 'text' as const, x, y, face: body, size: 12, text, charSpacing: 0, fakeBold: false });
  const page = {
    width: 595.28,
    height: 841.89,
    items: [
      t(80, 100, '正文第一行，'),
      { kind: 'group' as const, actualText: '本年新收政府信息公开申请数量', items: [t(80, 140, '本年新收政府信'), t(80, 156, '息公开申请数量')] },
      { kind: 'group' as const, artifact: 'Pagination' as const, actualText: '', items: [t(400, 780, '— 1 —'), { kind: 'line' as const, x1: 80, y1: 790, x2: 500, y2: 790, width: 0.5 }] },
      t(80, 200, '正文第二行。'),
    ],
  };
  const bytes = await writePdf([page], faces, META);
  const d = await PDFDocument.load(bytes, { updateMetadata: false });
  const content = Buffer.from(streamData(d, d.getPage(0).node.get(PDFName.of('Contents')))).toString('latin1');
  expect(content).toContain('/Artifact <</Type /Pagination>> BDC');
  expect(content).toContain('/Span <</ActualText <FEFF>>> BDC');
  // Marked content and text objects nest properly.
  let depth = 0;
  let inText = false;
  for (const op of content.split('\n')) {
    if (op.endsWith('BDC') || op.endsWith('BMC')) {
      expect(inText).toBe(false);
      depth++;
    } else if (op === 'EMC') {
      expect(inText).toBe(false);
      depth--;
    } else if (op === 'BT') inText = true;
    else if (op === 'ET') inText = false;
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  const f = path.join(tmp, 'groups.pdf');
  fs.writeFileSync(f, bytes);
  const js = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'support', 'pdf-text.mjs'), f], { encoding: 'utf8', env: noFontsEnv() });
  expect(JSON.parse(js.stdout).warnings).toEqual([]);
  if (hasCommands('pdftotext')) {
    const r = spawnSync('pdftotext', [f, '-'], { encoding: 'utf8', env: noFontsEnv() });
    const txt = r.stdout.replace(/\s+/g, '');
    expect(txt).toContain('本年新收政府信息公开申请数量');
    expect(txt).not.toContain('1');
  }
});

test('an unknown face id or a bad date is a clear error', async () => {
  await expect(writePdf([{ width: 100, height: 100, items: [{ kind: 'text', x: 0, y: 0, face: 'Nope', size: 10, text: '字', charSpacing: 0, fakeBold: false }] }], faces, META)).rejects.toThrow(/找不到字体“Nope”/);
  await expect(writePdf(pages, faces, { ...META, date: '2022年1月' })).rejects.toThrow(/YYYY-MM-DD/);
});

test('/W: runs of widths other than /DW', () => {
  expect(widthArray([])).toEqual([]);
  expect(widthArray([1000, 1000])).toEqual([]);
  expect(widthArray([500, 520, 1000, 333, 1000, 1000, 250, 251])).toEqual([1, [500, 520], 4, [333], 7, [250, 251]]);
  const body = embedded.find((f) => f.baseFont.endsWith('+FandolFang-Regular'))!;
  expect(body.widths.size).toBeGreaterThan(2); // the digits 0, 1, 2 and the like
  expect(body.widths.size).toBeLessThan(body.toUnicode.size / 4);
});

test('object syntax: numbers, names, strings, dates', () => {
  expect([0, -0, 3, -2, 1.5, 595.2755905511812, 1e-7, -1e-7, 0.1 + 0.2].map(pdfNumber)).toEqual(['0', '0', '3', '-2', '1.5', '595.275591', '0', '0', '0.3']);
  expect(serialize(name('A B#(x)'))).toBe('/A#20B#23#28x#29');
  expect(serialize(name('宋'))).toBe('/#E5#AE#8B');
  expect(serialize(new PdfLiteral('a(b)\\c\n'))).toBe('(a\\(b\\)\\\\c\\012)');
  expect(serialize(textString('zh-CN'))).toBe('(zh-CN)');
  expect(serialize(textString('报告'))).toBe('<FEFF62A5544A>');
  expect(serialize(dateString(new Date(Date.UTC(2022, 0, 20))))).toBe('(D:20220120000000Z)');
  expect(serialize({ A: [1, name('B'), { C: true }], D: undefined })).toBe('<</A [1 /B <</C true>>]>>');
  expect(() => pdfNumber(NaN)).toThrow();
});

describe('ToUnicode builder', () => {
  test('ranges never cross a 256 boundary; every block ≤ 100 entries', () => {
    const entries: Array<[number, number]> = [];
    for (let i = 1; i <= 700; i++) entries.push([i, 0x4e00 + i * (i % 3 === 0 ? 1 : 5)]);
    for (let i = 701; i <= 1000; i++) entries.push([i, 0x6000 + i]); // one long run
    entries.push([1001, 0x20000]); // beyond the BMP: a surrogate pair
    const cmap = buildToUnicode(entries);
    for (const m of cmap.matchAll(/(\d+) begin(bfchar|bfrange)\n([\s\S]*?)\nend\2/g)) {
      expect(Number(m[1])).toBeLessThanOrEqual(100);
      expect(m[3].split('\n')).toHaveLength(Number(m[1]));
      if (m[2] === 'bfrange') {
        for (const line of m[3].split('\n')) {
          const [lo, hi] = [...line.matchAll(/<([0-9A-F]+)>/g)].map((x) => parseInt(x[1], 16));
          expect(lo >> 8).toBe(hi >> 8);
        }
      }
    }
    expect(cmap).toContain('<03E9> <D840DC00>');
  });
});

describe('outside readers (no system fonts visible)', () => {
  test('pdf.js extracts the text, including 日/⽇, with no warning', () => {
    const r = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'support', 'pdf-text.mjs'), file], { encoding: 'utf8', env: noFontsEnv() });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { pages: string[]; warnings: string[] };
    expect(out.warnings).toEqual([]);
    const got = out.pages.map((p) => p.replace(/\s+/g, ''));
    for (const [i, page] of pages.entries()) {
      for (const item of page.items) if (item.kind === 'text') expect(got[i]).toContain(item.text.replace(/\s+/g, ''));
    }
    expect(got[0]).toContain('日⽇同形');
    expect(got[0]).toContain('食⻝堃喆旻玥镕彧');
  });

  const maybe = (tool: string) => (hasCommands(tool) ? test : test.skip);
  if (!hasCommands('pdftotext')) console.warn('pdftotext (poppler-utils) not installed: skipping its extraction test');
  if (!hasCommands('qpdf')) console.warn('qpdf not installed: skipping qpdf --check');
  if (!hasCommands('pdftoppm')) console.warn('pdftoppm (poppler-utils) not installed: skipping the poppler rendering test');
  if (!hasCommands('gs')) console.warn('Ghostscript not installed: skipping the Ghostscript rendering test');

  maybe('pdftotext')('pdftotext extracts the same text', () => {
    const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8', env: noFontsEnv() });
    expect(r.stderr).toBe('');
    const t = r.stdout.replace(/\s+/g, '');
    expect(t).toContain('本年度共收到申请12件，日⽇同形。');
    expect(t).toContain('堃喆旻玥镕彧');
  });

  maybe('qpdf')('qpdf --check passes', () => {
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  maybe('pdftoppm')('poppler renders every page without a warning', () => {
    const r = spawnSync('pdftoppm', ['-r', '30', '-png', file, path.join(tmp, 'pg')], { encoding: 'utf8', env: noFontsEnv() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('pg')).length).toBe(2);
  });

  maybe('gs')('Ghostscript renders every page without a warning', () => {
    const r = spawnSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=png16m', '-r30', `-sOutputFile=${tmp}/gs-%d.png`, file], {
      encoding: 'utf8',
      env: noFontsEnv(),
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

test('with a structure, groups become tagged content: struct elements, a parent tree per page, bookmarks', async () => {
  const body = fonts.body[0].id;
  const t = (x: number, y: number, text: string) => ({ kind: 'text' as const, x, y, face: body, size: 12, text, charSpacing: 0, fakeBold: false });
  const page = (items: FrameItem[]) => ({ width: 595.28, height: 841.89, items });
  const structure: StructElement[] = [
    { id: 0, role: 'Document', parent: -1 },
    { id: 1, role: 'H2', parent: 0, title: '一、总体情况' },
    { id: 2, role: 'P', parent: 0 },
    { id: 3, role: 'P', parent: 0 }, // no content anywhere: left out
  ];
  const pages = [
    page([{ kind: 'group', tag: 1, items: [t(80, 100, '一、总体情况')] }, { kind: 'group', tag: 2, items: [t(80, 140, '跨页的段落，')] }]),
    page([{ kind: 'group', tag: 2, items: [t(80, 100, '在第二页结束。')] }, { kind: 'group', artifact: 'Pagination', items: [t(400, 780, '— 2 —')] }]),
  ];
  const bytes = await writePdf(pages, faces, META, { structure });
  const d = await PDFDocument.load(bytes, { updateMetadata: false });
  const get = <T>(dict: PDFDict, key: string) => d.context.lookup(dict.get(PDFName.of(key))) as T;
  const catalog = d.catalog;
  expect(get<PDFDict>(catalog, 'MarkInfo').get(PDFName.of('Marked'))?.toString()).toBe('true');
  expect(catalog.get(PDFName.of('PageMode'))?.toString()).toBe('/UseOutlines');
  const root = get<PDFDict>(catalog, 'StructTreeRoot');
  const documentElement = get<PDFDict>(root, 'K');
  expect(documentElement.get(PDFName.of('S'))?.toString()).toBe('/Document');
  const kids = get<PDFArray>(documentElement, 'K');
  expect(kids.size()).toBe(2); // the empty P is left out
  const [heading, para] = [0, 1].map((i) => d.context.lookup(kids.get(i)) as PDFDict);
  expect(heading.get(PDFName.of('K'))?.toString()).toBe('0'); // MCID 0 on its page
  expect(heading.get(PDFName.of('Pg'))?.toString()).toBe(d.getPage(0).ref.toString());
  // The paragraph crosses pages: marked-content references naming each page.
  const mcrs = (get<PDFArray>(para, 'K').asArray() as PDFDict[]).map((m) => `${m.get(PDFName.of('Pg'))}:${m.get(PDFName.of('MCID'))}`);
  expect(mcrs).toEqual([`${d.getPage(0).ref}:1`, `${d.getPage(1).ref}:0`]);
  // Parent tree: page i's row lists the element of each MCID.
  const nums = get<PDFArray>(get<PDFDict>(root, 'ParentTree'), 'Nums').asArray();
  expect(nums.map((x) => x.toString())).toEqual(['0', `[ ${kids.get(0)} ${kids.get(1)} ]`, '1', `[ ${kids.get(1)} ]`]);
  expect([0, 1].map((i) => d.getPage(i).node.get(PDFName.of('StructParents'))?.toString())).toEqual(['0', '1']);
  const content = Buffer.from(streamData(d, d.getPage(1).node.get(PDFName.of('Contents')))).toString('latin1');
  expect(content).toContain('/P <</MCID 0>> BDC');
  expect(content).toContain('/Artifact <</Type /Pagination>> BDC');
  // One bookmark, the H2, opening page 1 at its line.
  const outlines = get<PDFDict>(catalog, 'Outlines');
  const first = get<PDFDict>(outlines, 'First');
  expect(first.get(PDFName.of('Title'))?.toString()).toBe(`<${(textString('一、总体情况') as { hex: string }).hex}>`);
  const dest = get<PDFArray>(first, 'Dest');
  expect(dest.get(0).toString()).toBe(d.getPage(0).ref.toString());
  expect(dest.get(1).toString()).toBe('/FitH');
  expect(Number(dest.get(2).toString())).toBeCloseTo(841.89 - 100 + 12, 1);
  // Without a structure the same content is refused: tags must name elements.
  await expect(writePdf(pages, faces, META)).rejects.toThrow(/结构/);
});

test('XMP metadata repeats the Info values (title, author, language, dates, producer), escaped, uncompressed', async () => {
  const meta = { ...META, title: '某局<2021>年“报告” & 附件', author: '某某县统计局' };
  const bytes = await writePdf(pages, faces, meta, { subject: '年报', keywords: ['政府信息公开', '年报'] });
  const d = await PDFDocument.load(bytes, { updateMetadata: false });
  const stream = d.context.lookup(d.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
  expect(stream.dict.get(PDFName.of('Subtype'))?.toString()).toBe('/XML');
  expect(stream.dict.get(PDFName.of('Filter'))).toBeUndefined();
  const xmp = Buffer.from(stream.contents).toString('utf8');
  expect(xmp).toContain('<rdf:li xml:lang="x-default">某局&lt;2021&gt;年“报告” &amp; 附件</rdf:li>');
  expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>某某县统计局</rdf:li></rdf:Seq></dc:creator>');
  expect(xmp).toContain('<rdf:li>zh-CN</rdf:li>');
  expect(xmp).toContain(`<xmp:CreateDate>${META.date}T00:00:00Z</xmp:CreateDate>`);
  expect(xmp).toContain('<pdf:Keywords>政府信息公开 年报</pdf:Keywords>');
  expect(xmp).toMatch(/^<\?xpacket begin="\ufeff"[\s\S]*<\?xpacket end="r"\?>$/);
  if (hasCommands('pdfinfo')) expect(spawnSync('pdfinfo', ['-meta', '-'], { input: Buffer.from(bytes), encoding: 'utf8' }).stdout).toContain('某某县统计局');
});

test('an empty table cell keeps its TD, so the cells after it stay in their columns', async () => {
  const body = fonts.body[0].id;
  const t = (x: number, text: string) => ({ kind: 'text' as const, x, y: 100, face: body, size: 12, text, charSpacing: 0, fakeBold: false });
  const structure: StructElement[] = [
    { id: 0, role: 'Document', parent: -1 },
    { id: 1, role: 'Table', parent: 0 },
    { id: 2, role: 'TBody', parent: 1 },
    { id: 3, role: 'TR', parent: 2 },
    { id: 4, role: 'TD', parent: 3 },
    { id: 5, role: 'TD', parent: 3 }, // empty
    { id: 6, role: 'TD', parent: 3 },
    { id: 7, role: 'P', parent: 0 }, // empty paragraph: left out
  ];
  const items: FrameItem[] = [
    { kind: 'group', tag: 4, items: [t(80, '甲')] },
    { kind: 'group', tag: 6, items: [t(200, '丙')] },
  ];
  const bytes = await writePdf([{ width: 595.28, height: 841.89, items }], faces, META, { structure });
  const d = await PDFDocument.load(bytes, { updateMetadata: false });
  const get = <T>(dict: PDFDict, key: string) => d.context.lookup(dict.get(PDFName.of(key))) as T;
  const documentElement = get<PDFDict>(get<PDFDict>(d.catalog, 'StructTreeRoot'), 'K');
  const table = get<PDFDict>(documentElement, 'K'); // the only child: the empty P is gone
  expect(table.get(PDFName.of('S'))?.toString()).toBe('/Table');
  const tr = get<PDFDict>(get<PDFDict>(table, 'K'), 'K');
  const cells = get<PDFArray>(tr, 'K').asArray().map((ref) => d.context.lookup(ref) as PDFDict);
  expect(cells.map((c) => c.get(PDFName.of('S'))?.toString())).toEqual(['/TD', '/TD', '/TD']);
  expect(cells.map((c) => c.get(PDFName.of('K'))?.toString())).toEqual(['0', '[ ]', '1']);
});

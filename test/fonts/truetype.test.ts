/**
 * The lazy TrueType reader, our subsetter and the font-program compression, checked
 * against fontkit (a devDependency kept for exactly this) and zlib's inflate.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { BUNDLED_DIR, FALLBACK_FACE, loadFontFace, resolveFontSet } from '../../src/fonts';
import { trueTypeOf, type LoadedFace } from '../../src/fonts/load';
import { bufferReader, readTables } from '../../src/fonts/sfnt';
import { memorySource, TrueTypeFont } from '../../src/fonts/truetype';
import { buildCmap, checksum, subsetBytes, subsetTrueType } from '../../src/fonts/truetype-subset';
import { adler32, adler32Combine, chunkStats, compressFontProgram, glyfChunks, joinPieces, piece } from '../../src/writers/pdf/font-program';
import { cmapTable, compositeGlyph, simpleGlyph, tinyFont } from './sfnt-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-tt-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const bundledFile = (name: string) => path.join(BUNDLED_DIR, `${name}.ttf`);
const bundled = (name: string) => loadFontFace(bundledFile(name), { source: 'bundled' });

/** A format 4 subtable written by hand: a delta segment, a glyphIdArray segment with a hole, a single. */
function handFormat4(): Uint8Array {
  // segments: 0x41-0x43 → 1..3 (delta); 0x4E00-0x4E02 → [9, 0, 4] (array); 0x4E10 → 8 (delta); 0xFFFF.
  const segs = [
    { start: 0x41, end: 0x43, delta: 1 - 0x41, array: undefined as number[] | undefined },
    { start: 0x4e00, end: 0x4e02, delta: 0, array: [9, 0, 4] },
    { start: 0x4e10, end: 0x4e10, delta: 8 - 0x4e10, array: undefined },
    { start: 0xffff, end: 0xffff, delta: 1, array: undefined },
  ];
  const n = segs.length;
  const arrayLen = 3;
  const b = new Uint8Array(16 + 8 * n + 2 * arrayLen);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 4);
  dv.setUint16(2, b.length);
  dv.setUint16(6, 2 * n);
  dv.setUint16(8, 8);
  dv.setUint16(10, 2);
  dv.setUint16(12, 0);
  const ends = 14;
  const starts = ends + 2 * n + 2;
  const deltas = starts + 2 * n;
  const ranges = deltas + 2 * n;
  const array = ranges + 2 * n;
  segs.forEach((s, i) => {
    dv.setUint16(ends + 2 * i, s.end);
    dv.setUint16(starts + 2 * i, s.start);
    dv.setUint16(deltas + 2 * i, s.delta & 0xffff);
    if (s.array) {
      dv.setUint16(ranges + 2 * i, array - (ranges + 2 * i));
      s.array.forEach((g, k) => dv.setUint16(array + 2 * k, g));
    }
  });
  return b;
}

/** A format 12 subtable written by hand. */
function handFormat12(groups: Array<[number, number, number]>): Uint8Array {
  const b = new Uint8Array(16 + 12 * groups.length);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 12);
  dv.setUint32(4, b.length);
  dv.setUint32(12, groups.length);
  groups.forEach(([s, e, g], i) => {
    dv.setUint32(16 + 12 * i, s);
    dv.setUint32(20 + 12 * i, e);
    dv.setUint32(24 + 12 * i, g);
  });
  return b;
}

const TRI = (k: number): Array<[number, number]> => [
  [50 + 10 * k, 0],
  [450, 700 - 20 * k],
  [850 - 10 * k, 0],
];

/** Ten glyphs: .notdef, simple 1-6 and 9, composite 7 = 2 + 5, composite 8 = 7 (nested) + 1. */
function tinyGlyphs(): Uint8Array[] {
  const g: Uint8Array[] = [
    simpleGlyph([
      [100, 0],
      [100, 700],
      [500, 700],
      [500, 0],
    ]),
  ];
  for (let k = 1; k <= 6; k++) g.push(simpleGlyph(TRI(k)));
  g.push(
    compositeGlyph(
      [
        { gid: 2, dx: 0, dy: 0 },
        { gid: 5, dx: 300, dy: 0 },
      ],
      [60, 0, 1110, 680],
    ),
  );
  g.push(
    compositeGlyph(
      [
        { gid: 7, dx: 0, dy: 100 },
        { gid: 1, dx: -40, dy: 0 },
      ],
      [20, 0, 1110, 780],
    ),
  );
  g.push(simpleGlyph(TRI(9)));
  return g;
}

function writeTiny(name: string, cmap: Uint8Array, extra?: Record<string, Uint8Array>): string {
  const file = path.join(tmp, `${name}.ttf`);
  const advances = [500, 510, 520, 530, 540, 550, 560, 570, 580, 590];
  fs.writeFileSync(file, tinyFont({ glyphs: tinyGlyphs(), advances, cmap, name, numberOfHMetrics: 8, extra }));
  return file;
}

/** Every table checksum in the directory is right, and the whole font sums to 0xB1B0AFBA. */
function checkChecksums(font: Uint8Array): void {
  const { tables } = readTables(bufferReader(font), 0);
  for (const t of tables) {
    const data = new Uint8Array(font.subarray(t.offset, t.offset + t.length));
    if (t.tag === 'head') data.fill(0, 8, 12);
    expect([t.tag, checksum(data)]).toEqual([t.tag, t.checksum]);
    expect(t.offset % 4).toBe(0);
  }
  expect(checksum(font)).toBe(0xb1b0afba);
  const sorted = tables.map((t) => t.tag);
  expect(sorted).toEqual([...sorted].sort());
  // glyf is laid out last.
  const glyf = tables.find((t) => t.tag === 'glyf')!;
  expect(Math.max(...tables.map((t) => t.offset))).toBe(glyf.offset);
}

describe('cmap parsing', () => {
  test('format 4 (delta and glyphIdArray segments), format 12 beyond the BMP; 3/10 preferred', () => {
    const f4 = handFormat4();
    const f12 = handFormat12([
      [0x41, 0x43, 1],
      [0x4e00, 0x4e00, 9],
      [0x4e02, 0x4e02, 4],
      [0x4e10, 0x4e10, 8],
      [0x20000, 0x20001, 6],
    ]);
    const both = loadFontFace(writeTiny('Both', cmapTable([[3, 1, f4], [3, 10, f12]])), { source: 'user' });
    const only4 = loadFontFace(writeTiny('Only4', cmapTable([[0, 3, f4]])), { source: 'user' });
    for (const face of [both, only4]) {
      const f = face.font;
      expect([0x41, 0x42, 0x43, 0x44].map((c) => f.glyphId(c))).toEqual([1, 2, 3, 0]);
      expect([0x4e00, 0x4e01, 0x4e02, 0x4e03, 0x4e10, 0x4e11, 0x20].map((c) => f.glyphId(c))).toEqual([9, 0, 4, 0, 8, 0, 0]);
      expect(face.hasChar(0x4e01)).toBe(false);
      expect(face.hasChar(0x4e00)).toBe(true);
    }
    expect([0x20000, 0x20001, 0x20002].map((c) => both.font.glyphId(c))).toEqual([6, 7, 0]);
    expect(only4.font.glyphId(0x20000)).toBe(0);
    // 3/10 wins over 3/1 even when listed after it.
    const prefer = loadFontFace(writeTiny('Prefer', cmapTable([[3, 1, f4], [3, 10, handFormat12([[0x41, 0x41, 5]])]])), { source: 'user' });
    expect(prefer.font.glyphId(0x41)).toBe(5);
    expect(prefer.font.glyphId(0x42)).toBe(0);
  });

  test('gid 0 is not a character; a glyph id past numGlyphs is none', () => {
    const face = loadFontFace(writeTiny('Past', cmapTable([[3, 10, handFormat12([[0x41, 0x42, 0], [0x43, 0x43, 99]])]])), { source: 'user' });
    expect(face.hasChar(0x41)).toBe(false);
    expect(face.hasChar(0x42)).toBe(true);
    expect(face.hasChar(0x43)).toBe(false);
  });

  test('advances follow the numberOfHMetrics rule', () => {
    const face = loadFontFace(writeTiny('Adv', cmapTable([[3, 1, handFormat4()]])), { source: 'user' });
    expect(face.advance(0x41)).toBe(510);
    expect(face.advance(0x4e02)).toBe(540); // gid 4
    expect(face.advance(0x4e10)).toBe(570); // gid 8 ≥ numberOfHMetrics 8: last advance (gid 7)
    expect(face.advance(0x4e00)).toBe(570); // gid 9
    expect(face.font.lsbOf(9)).toBe(19);
    expect(face.advance(0x4e01)).toBe(500); // unmapped: .notdef
  });

  test('the subsetter’s own cmap reads back (formats 4 and 12, gaps bridged)', () => {
    const pairs: Array<[number, number]> = [
      [0x20, 1],
      [0x21, 2],
      [0x23, 7],
      [0x4e00, 3],
      [0x4e01, 4],
      [0x4e05, 5],
      [0x9fa5, 6],
      [0x20000, 8],
      [0x20001, 9],
    ];
    const bytes = tinyFont({ glyphs: tinyGlyphs(), advances: Array(10).fill(500), cmap: buildCmap(pairs), name: 'Own' });
    const f = new TrueTypeFont(memorySource(bytes));
    for (const [cp, g] of pairs) expect([cp, f.glyphId(cp)]).toEqual([cp, g]);
    for (const cp of [0x22, 0x4e02, 0x4e04, 0x4e06, 0x1f, 0x20002, 0xffff]) expect([cp, f.glyphId(cp)]).toEqual([cp, 0]);
    const fk = fontkit.create(Buffer.from(bytes));
    for (const [cp, g] of pairs) expect(fk.glyphForCodePoint(cp).id).toBe(g);
    for (const cp of [0x22, 0x4e02, 0x20002]) expect(fk.glyphForCodePoint(cp).id).toBe(0);
  });

  test('bundled fonts: glyph ids and advances equal fontkit’s (Fandol format 4, Noto format 12)', () => {
    for (const name of ['FandolFang-Regular', FALLBACK_FACE]) {
      const face = bundled(name);
      const fk = fontkit.create(fs.readFileSync(bundledFile(name)));
      const bad: string[] = [];
      const cps: number[] = [];
      for (let cp = 0x20; cp < 0x3000; cp += 7) cps.push(cp);
      for (let cp = 0x4e00; cp < 0xa000; cp += 3) cps.push(cp);
      cps.push(0x2f47, 0x2ed9, 0xff01, 0xfffd, 0xffff, 0x20000, 0x2a6d6, 0x10fffd);
      for (const cp of cps) {
        const g = fk.glyphForCodePoint(cp);
        if (face.font.glyphId(cp) !== g.id) bad.push(`U+${cp.toString(16)} gid ${face.font.glyphId(cp)} vs ${g.id}`);
        else if (face.advance(cp) !== g.advanceWidth) bad.push(`U+${cp.toString(16)} advance`);
      }
      expect([name, bad.slice(0, 5)]).toEqual([name, []]);
      expect(face.family).toBe(fk.familyName);
      expect(face.postscriptName).toBe(fk.postscriptName);
      expect((face as LoadedFace).metrics.bbox).toEqual([fk.bbox.minX, fk.bbox.minY, fk.bbox.maxX, fk.bbox.maxY]);
      expect((face as LoadedFace).metrics.italicAngle).toBe(fk.italicAngle);
    }
  });
});

describe('subsetter', () => {
  test('composite glyphs: components kept recursively, indices remapped, outlines equal the source', () => {
    const file = writeTiny('Comp', cmapTable([[3, 1, handFormat4()]]), { prep: new Uint8Array([0xb0, 0x01, 0x2c]) });
    const face = loadFontFace(file, { source: 'user' });
    const s = subsetTrueType(face.font, [0x4e10, 0x42]); // gid 8 (composite of 7 and 1; 7 of 2 and 5) and gid 2
    expect(s.oldGids).toEqual([0, 1, 2, 5, 7, 8]);
    expect(s.glyphIds).toEqual(
      new Map([
        [0x42, 2],
        [0x4e10, 5],
      ]),
    );
    expect(s.patched).toEqual([false, false, false, false, true, true]);
    const comp = (r: Uint8Array) => [(r[12] << 8) | r[13], (r[20] << 8) | r[21]];
    expect(comp(s.records[4])).toEqual([2, 3]); // 2 → 2, 5 → 3
    expect(comp(s.records[5])).toEqual([4, 1]); // 7 → 4, 1 → 1
    // The source records are not modified.
    expect(comp(face.font.glyphRecord(8))).toEqual([7, 1]);
    const bytes = subsetBytes(s);
    checkChecksums(bytes);
    const sub = fontkit.create(Buffer.from(bytes));
    const src = fontkit.create(fs.readFileSync(file));
    expect(sub.numGlyphs).toBe(6);
    for (let i = 0; i < s.oldGids.length; i++) {
      const a = sub.getGlyph(i);
      const b = src.getGlyph(s.oldGids[i]);
      expect([i, a.path.toSVG(), a.advanceWidth]).toEqual([i, b.path.toSVG(), b.advanceWidth]);
    }
    expect(sub.getGlyph(5).path.commands.length).toBeGreaterThan(8);
    expect(sub.glyphForCodePoint(0x4e10).id).toBe(5);
    expect(sub.glyphForCodePoint(0x4e00).id).toBe(0);
    const tables = readTables(bufferReader(bytes), 0).tables.map((t) => t.tag);
    expect(tables).toEqual(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post', 'prep']);
    const t = (tag: string) => readTables(bufferReader(bytes), 0).tables.find((x) => x.tag === tag)!;
    const dv = new DataView(bytes.buffer, bytes.byteOffset);
    expect(dv.getInt16(t('head').offset + 50)).toBe(1); // long loca
    expect(dv.getUint16(t('hhea').offset + 34)).toBe(6);
    expect(dv.getUint16(t('maxp').offset + 4)).toBe(6);
    expect(dv.getUint32(t('post').offset)).toBe(0x00030000);
    expect(t('prep').length).toBe(3);
  });

  test('a subset for the PDF leaves out cmap, name and post, keeps OS/2 and the hinting tables, and draws the same glyphs', () => {
    const face = bundled('FandolKai-Regular');
    const cps = [...'政府信息公开'].map((c) => c.codePointAt(0)!);
    const standalone = subsetTrueType(face.font, cps);
    const forPdf = subsetTrueType(face.font, cps, 'pdf');
    const tags = (s: typeof forPdf) => readTables(bufferReader(subsetBytes(s)), 0).tables.map((t) => t.tag);
    expect(tags(standalone)).toEqual(expect.arrayContaining(['cmap', 'name', 'post', 'OS/2']));
    expect(tags(forPdf).filter((t) => ['cmap', 'name', 'post'].includes(t))).toEqual([]);
    expect(tags(forPdf)).toEqual(expect.arrayContaining(['OS/2', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
    const bytes = subsetBytes(forPdf);
    checkChecksums(bytes);
    expect(forPdf.glyphIds).toEqual(standalone.glyphIds);
    const sub = fontkit.create(Buffer.from(bytes));
    const src = fontkit.create(fs.readFileSync(bundledFile('FandolKai-Regular')));
    for (const [cp, gid] of forPdf.glyphIds) expect(sub.getGlyph(gid).path.toSVG()).toBe(src.glyphForCodePoint(cp).path.toSVG());
  });

  test('bundled subsets: valid checksums, deterministic, .notdef with outline, far smaller than the source', () => {
    const face = bundled('FandolKai-Regular');
    const cps = [...'政府信息公开工作年度报告日⽇'].map((c) => c.codePointAt(0)!);
    const a = subsetBytes(subsetTrueType(face.font, cps));
    const b = subsetBytes(subsetTrueType(face.font, [...cps].reverse()));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    checkChecksums(a);
    const sub = fontkit.create(Buffer.from(a));
    const src = fontkit.create(fs.readFileSync(bundledFile('FandolKai-Regular')));
    expect(sub.getGlyph(0).path.toSVG()).toBe(src.getGlyph(0).path.toSVG());
    expect(sub.getGlyph(0).path.commands.length).toBeGreaterThan(0);
    for (const cp of cps) expect(sub.glyphForCodePoint(cp).path.toSVG()).toBe(src.glyphForCodePoint(cp).path.toSVG());
    expect(sub.glyphForCodePoint(0x65e5).id).toBe(sub.glyphForCodePoint(0x2f47).id);
    expect(a.length).toBeLessThan(20000);
  });
});

describe('compressed font program', () => {
  test('Adler-32: fast loop and combine agree with zlib', () => {
    const data = new Uint8Array(200000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919 + (i >> 5)) & 0xff;
    const z = deflateSync(data);
    const want = new DataView(z.buffer, z.byteOffset + z.length - 4).getUint32(0);
    expect(adler32(data)).toBe(want);
    for (const cut of [0, 1, 5551, 5552, 65521, 100000, 200000]) {
      expect(adler32Combine(adler32(data.subarray(0, cut)), adler32(data.subarray(cut)), data.length - cut)).toBe(want);
    }
    expect(joinPieces([])).toEqual(new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0, 0, 0, 1]));
    expect(inflateSync(joinPieces([]))).toHaveLength(0);
    const parts = [data.subarray(0, 1000), new Uint8Array(0), data.subarray(1000, 90000), data.subarray(90000)];
    expect(Buffer.from(inflateSync(joinPieces(parts.map((p, i) => piece(p, i % 2 === 0))))).equals(Buffer.from(data))).toBe(true);
  });

  test('the concatenated stream inflates to exactly the subset bytes; chunks are cached per face', () => {
    const face = bundled('FandolFang-Regular');
    const cps: number[] = [];
    for (let cp = 0x4e00; cps.length < 600; cp += 5) if (face.hasChar(cp)) cps.push(cp);
    const s = subsetTrueType(face.font, cps);
    expect(glyfChunks(s).length).toBeGreaterThan(5);
    const before = { ...chunkStats };
    const first = compressFontProgram(face.font, s);
    expect(chunkStats.hits).toBe(before.hits);
    expect(first.length).toBe(s.length);
    expect(Buffer.from(inflateSync(first.data)).equals(Buffer.from(subsetBytes(s)))).toBe(true);
    const again = compressFontProgram(face.font, subsetTrueType(face.font, cps));
    expect(Buffer.from(again.data).equals(Buffer.from(first.data))).toBe(true);
    expect(chunkStats.hits - before.hits).toBe(glyfChunks(s).length);
    // One character more: only its chunk is compressed again.
    const extra = [...cps, 0x9f99].sort((a, b) => a - b);
    const misses = chunkStats.misses;
    const s2 = subsetTrueType(face.font, extra);
    const third = compressFontProgram(face.font, s2);
    expect(chunkStats.misses - misses).toBe(1);
    expect(Buffer.from(inflateSync(third.data)).equals(Buffer.from(subsetBytes(s2)))).toBe(true);
    // Size: within 5 % of compressing the whole subset in one go at level 9.
    const oneShot = deflateSync(subsetBytes(s), { level: 9 }).length;
    expect(first.data.length / oneShot).toBeLessThan(1.05);
  });

  test('a cached chunk holds only its own bytes, not the rest of the buffer zlib wrote it into', () => {
    const data = new Uint8Array(3000).map((_, i) => (i * 31) & 0xff);
    const p = piece(data, true);
    expect(p.deflated.length).toBeLessThan(4096);
    expect(p.deflated.buffer.byteLength).toBe(p.deflated.length);
    expect(Buffer.from(inflateSync(joinPieces([p]))).equals(Buffer.from(data))).toBe(true);
  });

  test('small subsets are one chunk; patched composites are compressed, not cached, and still inflate exactly', () => {
    const face = loadFontFace(writeTiny('Zip', cmapTable([[3, 1, handFormat4()]])), { source: 'user' });
    const s = subsetTrueType(face.font, [0x41, 0x4e10]);
    expect(glyfChunks(s)).toEqual([[0, s.records.length]]);
    const before = { ...chunkStats };
    for (let i = 0; i < 2; i++) {
      const p = compressFontProgram(face.font, s);
      expect(Buffer.from(inflateSync(p.data)).equals(Buffer.from(subsetBytes(s)))).toBe(true);
    }
    expect(chunkStats.hits).toBe(before.hits);
    const noto = bundled(FALLBACK_FACE);
    const ns = subsetTrueType(noto.font, [...'堃喆旻玥镕彧'].map((c) => c.codePointAt(0)!));
    expect(Buffer.from(inflateSync(compressFontProgram(noto.font, ns).data)).equals(Buffer.from(subsetBytes(ns)))).toBe(true);
  });
});

describe('lazy reading', () => {
  test('opening a face reads its header only; the fallback’s cmap waits for a character the primary lacks', () => {
    // A fresh module registry: the faces of this file's other tests are cached per module.
    let fresh!: { resolveFontSet: typeof resolveFontSet; subsetTrueType: typeof subsetTrueType };
    jest.isolateModules(() => {
      fresh = { ...require('../../src/fonts'), ...require('../../src/fonts/truetype-subset') };
    });
    const set = fresh.resolveFontSet({ systemFonts: false });
    const noto = set.body[set.body.length - 1] as LoadedFace;
    const body = set.body[0] as LoadedFace;
    const size = fs.statSync(noto.file).size;
    const opened = { ...noto.font.source.stats };
    expect(opened.bytes).toBeLessThan(8 * 1024);
    // Characters the body face has never touch the fallback.
    for (const ch of '某某县科学技术局2021年政府信息公开工作年度报告') {
      const cp = ch.codePointAt(0)!;
      const face = set.body.find((f) => f.hasChar(cp))!;
      expect(face).toBe(body);
    }
    expect(noto.font.source.stats).toEqual(opened);
    // A character only the fallback has: its cmap subtable is read, not the file.
    expect(body.hasChar(0x5803)).toBe(false);
    expect(noto.hasChar(0x5803)).toBe(true);
    const afterCmap = { ...noto.font.source.stats };
    expect(afterCmap.bytes - opened.bytes).toBeLessThan(64 * 1024);
    expect(afterCmap.bytes).toBeLessThan(size / 100);
    // Embedding reads hmtx, loca and the few glyph records needed.
    fresh.subsetTrueType(noto.font, [0x5803]);
    expect(noto.font.source.stats.bytes).toBeLessThan(size / 20);
  });

  test('a face built elsewhere embeds from its bytes or, without them, from its file', () => {
    const face = bundled('FandolHei-Regular');
    const plain = { ...face, embedding: undefined, metrics: undefined, font: undefined };
    const viaFile = trueTypeOf(plain);
    expect(viaFile).toBe(face.font);
    const bytes = fs.readFileSync(face.file);
    const viaBytes = trueTypeOf({ ...plain, bytes });
    expect(viaBytes).not.toBe(face.font);
    const cps = [0x4e00, 0x9ed1];
    expect(Buffer.from(subsetBytes(subsetTrueType(viaBytes, cps))).equals(Buffer.from(subsetBytes(subsetTrueType(face.font, cps))))).toBe(true);
  });
});

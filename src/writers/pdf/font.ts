/**
 * Embeds one face as a subset Type0 font (Identity-H) with a CIDFontType2 descendant.
 *
 * CIDs are ours, not the font's glyph ids: the code points drawn with the face, sorted,
 * get CIDs 1..n, and an explicit CIDToGIDMap stream maps each CID to its glyph in the
 * TrueType subset (src/fonts/truetype-subset). So two code points sharing one glyph
 * (日 U+65E5 and the radical ⽇ U+2F47 in Fandol) keep two CIDs and extract as what was
 * written, and a code point the face lacks still has a CID (drawn as .notdef, the
 * visible box) that extracts correctly. The font program is compressed mostly from
 * per-face caches (./font-program).
 */
import { createHash } from 'node:crypto';
import type { FontFace } from '../../fonts/font-face';
import { faceMetrics, trueTypeOf } from '../../fonts/load';
import { subsetTrueType } from '../../fonts/truetype-subset';
import { compressFontProgram } from './font-program';
import { name, PdfLiteral, type PdfFile, type PdfRef } from './objects';
import { compressedStream, flateStream } from './stream';
import { buildToUnicode } from './tounicode';

/** A face ready to draw with: its CID for every code point used. */
export interface EmbeddedFont {
  ref: PdfRef;
  /** Code point → its CID as the 4 hex digits drawn in content streams. */
  codeOf: Map<number, string>;
  baseFont: string;
}

/** Characters allowed in a PostScript name inside a PDF name (no delimiters, no '#'). */
export function sanitizePsName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.+-]/g, '-').slice(0, 100);
  return /[A-Za-z0-9]/.test(s) ? s : 'Font';
}

/** Six capital letters derived from the face and its glyph set (same set, same tag; no randomness). */
export function subsetTag(postscriptName: string, codePoints: readonly number[]): string {
  const h = createHash('sha256').update(postscriptName).update('\0').update(codePoints.join(',')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (h[i] % 26));
  return tag;
}

function round3(n: number): number {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? 0 : r;
}

/** The /DW of every CIDFont: one em, the width of almost every CJK glyph. */
const DEFAULT_WIDTH = 1000;

/**
 * The /W array for CIDs 1..n with these widths: only widths other than /DW, in runs of
 * consecutive CIDs (`first [w1 w2 …]`). A report's ideographs are all one em, so this
 * lists only digits, Latin letters and some punctuation.
 */
export function widthArray(widths: readonly number[]): Array<number | number[]> {
  const out: Array<number | number[]> = [];
  let run: number[] | undefined;
  for (let i = 0; i < widths.length; i++) {
    if (widths[i] === DEFAULT_WIDTH) {
      run = undefined;
      continue;
    }
    if (!run) {
      run = [];
      out.push(i + 1, run);
    }
    run.push(widths[i]);
  }
  return out;
}

/** Width of a code point as layout measured it: its advance, or one em for a missing glyph of zero width. */
function widthOf(face: FontFace, cp: number): number {
  const a = face.advance(cp);
  return a === 0 && !face.hasChar(cp) ? face.unitsPerEm : a;
}

/**
 * Subsets `face` to `codePoints` and adds the Type0 font and its parts to `pdf`.
 * `codePoints` must be sorted ascending and unique.
 */
export function embedFont(pdf: PdfFile, face: FontFace, codePoints: readonly number[]): EmbeddedFont {
  const font = trueTypeOf(face);
  const subset = subsetTrueType(font, codePoints, 'pdf');
  const scale = 1000 / face.unitsPerEm;
  const m = faceMetrics(face);
  const tag = subsetTag(face.postscriptName, codePoints);
  const baseFont = `${tag}+${sanitizePsName(face.postscriptName)}`;

  const n = codePoints.length;
  const codeOf = new Map<number, string>();
  const cidToGid = new Uint8Array(2 * (n + 1));
  const widths: number[] = [];
  const unicode: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const cp = codePoints[i];
    const cid = i + 1;
    const gid = subset.glyphIds.get(cp) ?? 0;
    codeOf.set(cp, cid.toString(16).toUpperCase().padStart(4, '0'));
    cidToGid[2 * cid] = gid >> 8;
    cidToGid[2 * cid + 1] = gid & 0xff;
    widths.push(round3(widthOf(face, cp) * scale));
    unicode.push([cid, cp]);
  }

  const program = compressFontProgram(font, subset);
  const fontFile = compressedStream(pdf, program.data, { Length1: program.length });
  const cidMap = flateStream(pdf, cidToGid);
  const toUnicode = flateStream(pdf, buildToUnicode(unicode));

  const [x0, y0, x1, y1] = m.bbox;
  const stemV = Math.round(10 + 220 * Math.pow(Math.max(0, m.weight - 50) / 900, 2));
  const fontName = name(baseFont);
  const descriptor = pdf.add({
    Type: name('FontDescriptor'),
    FontName: fontName,
    Flags: 4,
    FontBBox: [Math.round(x0 * scale), Math.round(y0 * scale), Math.round(x1 * scale), Math.round(y1 * scale)],
    ItalicAngle: m.italicAngle,
    Ascent: Math.round(face.ascender * scale),
    Descent: Math.round(face.descender * scale),
    CapHeight: Math.round(m.capHeight * scale),
    StemV: stemV,
    FontFile2: fontFile,
  });
  const cidFont = pdf.add({
    Type: name('Font'),
    Subtype: name('CIDFontType2'),
    BaseFont: fontName,
    CIDSystemInfo: { Registry: new PdfLiteral('Adobe'), Ordering: new PdfLiteral('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    DW: DEFAULT_WIDTH,
    W: widthArray(widths),
    CIDToGIDMap: cidMap,
  });
  const ref = pdf.add({
    Type: name('Font'),
    Subtype: name('Type0'),
    BaseFont: fontName,
    Encoding: name('Identity-H'),
    DescendantFonts: [cidFont],
    ToUnicode: toUnicode,
  });
  return { ref, codeOf, baseFont };
}

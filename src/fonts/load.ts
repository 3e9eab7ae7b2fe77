/**
 * Loading a font file into a `FontFace`: parsed once per process (module-level cache keyed
 * by path and face), with upstream fontkit 2 for cmap and metrics and a per-code-point
 * cache of glyph ids and advances.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FontFace } from './font-face';
import { bufferReader, extractFace, readFaceNames, type FaceNames } from './sfnt';

/** The part of fontkit 2's API used here (the package ships no types). */
interface FkGlyph {
  id: number;
  advanceWidth: number;
}
interface FkFont {
  postscriptName: string | null;
  familyName: string | null;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  capHeight: number;
  italicAngle: number;
  'OS/2'?: {
    typoAscender: number;
    typoDescender: number;
    capHeight?: number;
    usWeightClass?: number;
    fsType?: { noEmbedding?: boolean; viewOnly?: boolean; editable?: boolean; noSubsetting?: boolean; bitmapOnly?: boolean };
  };
  glyphForCodePoint(cp: number): FkGlyph;
  getGlyph(id: number): FkGlyph;
}
interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FkFont;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit: Fontkit = require('fontkit');

/** Error with a message fit for the user (Chinese, names the file). */
export class FontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontError';
  }
}

/** Metrics the PDF writer needs beyond the `FontFace` contract, in font units. */
export interface FaceMetrics {
  bbox: [number, number, number, number];
  capHeight: number;
  italicAngle: number;
  /** OS/2 weight class (400 regular, 700 bold). */
  weight: number;
}

/**
 * What the font's licence bits (OS/2 fsType) allow: 'ok' (installable, editable or
 * preview & print embedding), or why it may not be embedded as a subset.
 */
export type Embedding = 'ok' | 'restricted' | 'noSubsetting' | 'bitmapOnly';

/** A `FontFace` as this module builds it. */
export interface LoadedFace extends FontFace {
  /** Whether the licence bits allow embedding a subset in the PDF. */
  embedding: Embedding;
  metrics: FaceMetrics;
}

const cache = new Map<string, LoadedFace>();
const usedIds = new Map<string, string>();

/** Options for `loadFontFace`. */
export interface LoadOptions {
  source: FontFace['source'];
  /** For a .ttc collection: the face's PostScript, family or full name. */
  faceName?: string;
}

function describeFaces(faces: FaceNames[]): string {
  return faces.map((f) => f.postscriptName || f.families[0] || `#${f.index}`).join('、');
}

/** Picks the face of a collection by name; clear error when the name is missing or unknown. */
function pickFace(file: string, faces: FaceNames[], faceName: string | undefined): FaceNames {
  if (faces.length === 1 && !faceName) return faces[0];
  if (!faceName) {
    throw new FontError(`字体文件 ${file} 是包含 ${faces.length} 个字体的集合（.ttc），请用“文件#字体名”指明要用哪一个：${describeFaces(faces)}`);
  }
  const want = faceName.toLowerCase();
  const hit = faces.find(
    (f) =>
      f.postscriptName.toLowerCase() === want ||
      f.families.some((n) => n.toLowerCase() === want) ||
      f.fullNames.some((n) => n.toLowerCase() === want),
  );
  if (!hit) throw new FontError(`字体文件 ${file} 中没有名为“${faceName}”的字体；其中有：${describeFaces(faces)}`);
  return hit;
}

function uniqueId(postscriptName: string, key: string): string {
  let id = postscriptName;
  for (let n = 2; usedIds.has(id) && usedIds.get(id) !== key; n++) id = `${postscriptName}~${n}`;
  usedIds.set(id, key);
  return id;
}

/**
 * Loads one face of a font file (cached per process by absolute path and face name).
 * Throws `FontError` with a Chinese message when the file is missing, is not a font,
 * has CFF outlines (not supported for embedding), or is a collection without a face name.
 */
export function loadFontFace(file: string, options: LoadOptions): LoadedFace {
  const abs = path.resolve(file);
  const requestKey = `${abs}#${options.faceName ?? ''}`;
  const withSource = (f: LoadedFace) => (f.source === options.source ? f : { ...f, source: options.source });
  const hit = cache.get(requestKey);
  if (hit) return withSource(hit);

  let raw: Uint8Array;
  try {
    raw = fs.readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FontError(code === 'ENOENT' ? `找不到字体文件 ${file}` : `无法读取字体文件 ${file}（${code ?? String(e)}）`);
  }
  let faces: FaceNames[];
  try {
    faces = readFaceNames(bufferReader(raw));
  } catch (e) {
    throw new FontError(`${file} 不是可用的字体文件：${(e as Error).message}`);
  }
  const chosen = pickFace(file, faces, options.faceName);
  if (chosen.cff) {
    throw new FontError(
      `字体 ${file}${faces.length > 1 ? `#${chosen.postscriptName}` : ''} 使用 PostScript（CFF）轮廓，暂不支持嵌入 PDF；请改用 TrueType 轮廓的 .ttf/.ttc 字体（可用 scripts/convert-fonts.py 的方法转换）`,
    );
  }
  // The same face asked for by another name (or none) is the same face: parse it once.
  const key = `${abs}@${chosen.index}`;
  const same = cache.get(key);
  if (same) {
    cache.set(requestKey, same);
    return withSource(same);
  }
  const bytes = faces.length > 1 ? extractFace(raw, chosen.index) : raw;
  let font: FkFont;
  try {
    font = fontkit.create(bytes);
  } catch (e) {
    throw new FontError(`无法解析字体文件 ${file}：${(e as Error).message}`);
  }
  const face = makeFace(font, bytes, abs, options.source, uniqueId(psNameOf(font, abs), key));
  cache.set(key, face);
  cache.set(requestKey, face);
  return face;
}

function psNameOf(font: FkFont, file: string): string {
  return font.postscriptName || path.basename(file).replace(/\.[^.]+$/, '');
}

function makeFace(font: FkFont, bytes: Uint8Array, file: string, source: FontFace['source'], id: string): LoadedFace {
  const postscriptName = psNameOf(font, file);
  const upem = font.unitsPerEm;
  const os2 = font['OS/2'];
  // hhea descent is sometimes stored positive (FandolSong); OS/2 typo metrics are reliable.
  const ascender = os2 && os2.typoAscender ? os2.typoAscender : Math.abs(font.ascent);
  const descender = os2 && os2.typoDescender ? os2.typoDescender : -Math.abs(font.descent);
  const gids = new Map<number, number>();
  const advances = new Map<number, number>();
  const glyphId = (cp: number): number => {
    let g = gids.get(cp);
    if (g === undefined) {
      g = font.glyphForCodePoint(cp).id;
      gids.set(cp, g);
    }
    return g;
  };
  const b = font.bbox;
  const fsType = os2?.fsType ?? {};
  const restricted = fsType.noEmbedding && !fsType.viewOnly && !fsType.editable;
  const embedding: Embedding = restricted ? 'restricted' : fsType.noSubsetting ? 'noSubsetting' : fsType.bitmapOnly ? 'bitmapOnly' : 'ok';
  return {
    id,
    family: font.familyName || postscriptName,
    postscriptName,
    file,
    source,
    unitsPerEm: upem,
    ascender,
    descender,
    hasChar: (cp) => glyphId(cp) !== 0,
    advance(cp) {
      let a = advances.get(cp);
      if (a === undefined) {
        a = font.getGlyph(glyphId(cp)).advanceWidth;
        advances.set(cp, a);
      }
      return a;
    },
    embedding,
    bytes,
    metrics: {
      bbox: [b.minX, b.minY, b.maxX, b.maxY],
      capHeight: (os2 && os2.capHeight) || font.capHeight || ascender,
      italicAngle: font.italicAngle || 0,
      weight: (os2 && os2.usWeightClass) || 400,
    },
  };
}

const EMBEDDING_REFUSALS: Record<Exclude<Embedding, 'ok'>, string> = {
  restricted: '字体授权不允许嵌入（OS/2 fsType：受限授权）',
  noSubsetting: '字体授权只允许完整嵌入、不允许子集化（OS/2 fsType），嵌入整个字体会使 PDF 过大',
  bitmapOnly: '字体授权只允许嵌入位图（OS/2 fsType）',
};

/** Why a face cannot be embedded in the PDF, or undefined when it can. */
export function embeddingRefusal(face: FontFace): string | undefined {
  return isLoadedFace(face) && face.embedding !== 'ok' ? EMBEDDING_REFUSALS[face.embedding] : undefined;
}

/** Names and kinds of the faces in a font file (headers and name tables only). */
export function listFaces(file: string): FaceNames[] {
  const fd = fs.openSync(file, 'r');
  try {
    return readFaceNames((offset, length) => {
      const b = Buffer.alloc(length);
      const n = fs.readSync(fd, b, 0, length, offset);
      if (n !== length) throw new Error('字体文件被截断');
      return b;
    });
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `face` was built by this module (it carries glyph ids and metrics). */
export function isLoadedFace(face: FontFace): face is LoadedFace {
  return !!(face as LoadedFace).metrics && typeof (face as LoadedFace).embedding === 'string';
}

const foreignMetrics = new WeakMap<Uint8Array, FaceMetrics>();

/** Embedding metrics of any `FontFace` (parsed from its bytes when it was not loaded here). */
export function faceMetrics(face: FontFace): FaceMetrics {
  if (isLoadedFace(face)) return face.metrics;
  let m = foreignMetrics.get(face.bytes);
  if (!m) {
    m = makeFace(fontkit.create(face.bytes), face.bytes, face.file, face.source, face.id).metrics;
    foreignMetrics.set(face.bytes, m);
  }
  return m;
}

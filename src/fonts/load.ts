/**
 * Loading a font file into a `FontFace`: one `TrueTypeFont` per face and process
 * (module-level cache keyed by path and face). Opening reads only the table directory
 * and the header tables by position; cmap, hmtx, loca and glyph records are read when
 * first needed (see ./truetype), so an unused fallback face costs almost nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FontFace } from './font-face';
import { faceOffsets, readFaceNames, readTables, type FaceNames } from './sfnt';
import { fileSource, FS_TYPE, memorySource, TrueTypeFont, type TrueTypeMetrics } from './truetype';

/** Error with a message fit for the user (Chinese, names the file). */
export class FontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontError';
  }
}

/** Metrics the PDF writer needs beyond the `FontFace` contract, in font units. */
export type FaceMetrics = TrueTypeMetrics;

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
  /** The lazy reader of the face, for subsetting. */
  font: TrueTypeFont;
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

function cffRefusal(file: string, faceLabel: string): FontError {
  return new FontError(
    `字体 ${file}${faceLabel} 使用 PostScript（CFF）轮廓，暂不支持嵌入 PDF；请改用 TrueType 轮廓的 .ttf/.ttc 字体（可用 scripts/convert-fonts.py 的方法转换）`,
  );
}

/**
 * Loads one face of a font file (cached per process by absolute path and face name).
 * Throws `FontError` with a Chinese message when the file is missing, is not a font,
 * has CFF outlines (not supported for embedding), or is a collection without a face name.
 * Only the directory and header tables are read here.
 */
export function loadFontFace(file: string, options: LoadOptions): LoadedFace {
  const abs = path.resolve(file);
  const requestKey = `${abs}#${options.faceName ?? ''}`;
  const withSource = (f: LoadedFace) => (f.source === options.source ? f : { ...f, source: options.source });
  const hit = cache.get(requestKey);
  if (hit) return withSource(hit);

  const src = fileSource(abs);
  let offsets: number[];
  try {
    offsets = faceOffsets(src.read);
  } catch (e) {
    src.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new FontError(code === 'ENOENT' ? `找不到字体文件 ${file}` : `无法读取字体文件 ${file}（${code}）`);
    throw new FontError(`${file} 不是可用的字体文件：${(e as Error).message}`);
  }
  let index = 0;
  let label = '';
  try {
    if (offsets.length > 1 || options.faceName) {
      const chosen = pickFace(file, readFaceNames(src.read), options.faceName);
      index = chosen.index;
      if (offsets.length > 1) label = `#${chosen.postscriptName}`;
    }
  } catch (e) {
    src.close();
    if (e instanceof FontError) throw e;
    throw new FontError(`${file} 不是可用的字体文件：${(e as Error).message}`);
  }
  // The same face asked for by another name (or none) is the same face: open it once.
  const key = `${abs}@${index}`;
  const same = cache.get(key);
  if (same) {
    src.close();
    cache.set(requestKey, same);
    return withSource(same);
  }
  let font: TrueTypeFont;
  try {
    const { version, tables } = readTables(src.read, offsets[index]);
    if (version === 0x4f54544f || tables.some((t) => t.tag === 'CFF ' || t.tag === 'CFF2')) throw cffRefusal(file, label);
    font = new TrueTypeFont(src, offsets[index]);
  } catch (e) {
    src.close();
    if (e instanceof FontError) throw e;
    throw new FontError(`无法解析字体文件 ${file}：${(e as Error).message}`);
  }
  const face = makeFace(font, abs, options.source, uniqueId(psNameOf(font, abs), key));
  cache.set(key, face);
  cache.set(requestKey, face);
  return face;
}

function psNameOf(font: TrueTypeFont, file: string): string {
  return font.header.postscriptName || path.basename(file).replace(/\.[^.]+$/, '');
}

function embeddingOf(fsType: number): Embedding {
  const restricted = fsType & FS_TYPE.restricted && !(fsType & FS_TYPE.previewPrint) && !(fsType & FS_TYPE.editable);
  return restricted ? 'restricted' : fsType & FS_TYPE.noSubsetting ? 'noSubsetting' : fsType & FS_TYPE.bitmapOnly ? 'bitmapOnly' : 'ok';
}

function makeFace(font: TrueTypeFont, file: string, source: FontFace['source'], id: string): LoadedFace {
  const h = font.header;
  const postscriptName = psNameOf(font, file);
  const advances = new Map<number, number>();
  return {
    id,
    family: h.family || postscriptName,
    postscriptName,
    file,
    source,
    unitsPerEm: h.unitsPerEm,
    ascender: h.ascender,
    descender: h.descender,
    hasChar: (cp) => font.glyphId(cp) !== 0,
    advance(cp) {
      let a = advances.get(cp);
      if (a === undefined) {
        a = font.advanceOf(font.glyphId(cp));
        advances.set(cp, a);
      }
      return a;
    },
    embedding: embeddingOf(h.fsType),
    metrics: h.metrics,
    font,
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

/** True when `face` was built by this module (it carries its reader and metrics). */
export function isLoadedFace(face: FontFace): face is LoadedFace {
  const f = face as Partial<LoadedFace>;
  return !!f.metrics && typeof f.embedding === 'string' && f.font instanceof TrueTypeFont;
}

const foreignByBytes = new WeakMap<Uint8Array, TrueTypeFont>();
const foreignByFace = new WeakMap<FontFace, TrueTypeFont>();

/**
 * The TrueType reader behind any `FontFace`: its own for a face loaded here; for a face
 * built elsewhere, its `bytes` when it has them, else its file (the face of a collection
 * chosen by its PostScript name). Cached per bytes or face object.
 */
export function trueTypeOf(face: FontFace): TrueTypeFont {
  if (isLoadedFace(face)) return face.font;
  if (face.bytes && face.bytes.length) {
    let f = foreignByBytes.get(face.bytes);
    if (!f) {
      const src = memorySource(face.bytes);
      f = new TrueTypeFont(src, faceOffsets(src.read)[0]);
      foreignByBytes.set(face.bytes, f);
    }
    return f;
  }
  let f = foreignByFace.get(face);
  if (!f) {
    const src = fileSource(face.file);
    const offsets = faceOffsets(src.read);
    src.close();
    const loaded = loadFontFace(face.file, { source: face.source, faceName: offsets.length > 1 ? face.postscriptName : undefined });
    f = loaded.font;
    foreignByFace.set(face, f);
  }
  return f;
}

/** Embedding metrics of any `FontFace`. */
export function faceMetrics(face: FontFace): FaceMetrics {
  return isLoadedFace(face) ? face.metrics : trueTypeOf(face).header.metrics;
}

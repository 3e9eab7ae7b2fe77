/**
 * Font subsetting with HarfBuzz's hb-subset, through the WebAssembly build shipped by the
 * `harfbuzzjs` package. harfbuzzjs's JavaScript entry is ESM-only, so the standalone
 * `harfbuzz-subset.wasm` (no imports) is instantiated here synchronously and its C API
 * called directly; this works from CommonJS under plain node and jest.
 *
 * The module instance and every font handed to it (copied once into wasm memory as an
 * hb_face) are cached for the process.
 */
import * as fs from 'node:fs';
import type { FontFace } from './font-face';
import { cmapLookup } from './sfnt';

/** The few WebAssembly JS API members used (lib ES2022 and @types/node 20 do not declare them). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

interface HbExports {
  memory: { buffer: ArrayBuffer };
  malloc(n: number): number;
  free(p: number): void;
  _initialize?: () => void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_del(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_NOTDEF_OUTLINE = 0x40;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;

/**
 * Tables kept in a subset: what a PDF TrueType font program needs (PDF 32000 §9.9: head,
 * hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm) plus cmap, OS/2, post and name so the
 * subset is still a complete font for checking tools. Layout tables (GSUB, GPOS, GDEF,
 * BASE), vertical metrics, STAT, gasp, DSIG etc. are dropped.
 */
export const KEPT_TABLES = ['head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf', 'cvt ', 'fpgm', 'prep', 'cmap', 'OS/2', 'post', 'name'];

let hb: HbExports | undefined;

function tag(s: string): number {
  return ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) | 0;
}

/** The hb-subset wasm instance, compiled once per process. */
function harfbuzz(): HbExports {
  if (hb) return hb;
  const file = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const module = new WebAssemblyApi.Module(fs.readFileSync(file));
  const instance = new WebAssemblyApi.Instance(module, {});
  const ex = instance.exports as unknown as HbExports;
  ex._initialize?.();
  hb = ex;
  return ex;
}

/** hb_face of a font, its bytes copied once into wasm memory (never freed: one per font file). */
const faces = new WeakMap<Uint8Array, number>();

function hbFace(ex: HbExports, bytes: Uint8Array): number {
  const hit = faces.get(bytes);
  if (hit) return hit;
  const ptr = ex.malloc(bytes.length);
  if (!ptr) throw new Error('hb-subset: out of memory');
  new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
  const blob = ex.hb_blob_create(ptr, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = ex.hb_face_create(blob, 0);
  ex.hb_blob_destroy(blob); // the face holds its own reference
  faces.set(bytes, face);
  return face;
}

/** A subset font program and where each code point's glyph went. */
export interface Subset {
  /** The subset font (TrueType), tables limited to `KEPT_TABLES`. */
  bytes: Uint8Array;
  /** Code point → glyph id in `bytes`, for the code points the font has. */
  glyphIds: Map<number, number>;
}

/**
 * Subsets `face` to the glyphs of `codePoints` (plus .notdef, with its outline, and the
 * components of composite glyphs), without layout closure and without hinting.
 * Glyph ids change; the map is read back from the subset's cmap.
 */
export function subsetFace(face: Pick<FontFace, 'bytes' | 'postscriptName'>, codePoints: Iterable<number>): Subset {
  const ex = harfbuzz();
  const hface = hbFace(ex, face.bytes);
  const input = ex.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb-subset: cannot create input');
  let result = 0;
  let lenPtr = 0;
  try {
    const unicodes = ex.hb_subset_input_unicode_set(input);
    const cps: number[] = [];
    for (const cp of codePoints) {
      ex.hb_set_add(unicodes, cp);
      cps.push(cp);
    }
    const drop = ex.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    ex.hb_set_clear(drop);
    ex.hb_set_invert(drop);
    for (const t of KEPT_TABLES) ex.hb_set_del(drop, tag(t));
    ex.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE);
    result = ex.hb_subset_or_fail(hface, input);
    if (!result) throw new Error(`hb-subset failed for ${face.postscriptName}`);
    const blob = ex.hb_face_reference_blob(result);
    lenPtr = ex.malloc(4);
    const data = ex.hb_blob_get_data(blob, lenPtr);
    const len = new DataView(ex.memory.buffer).getUint32(lenPtr, true);
    const bytes = new Uint8Array(ex.memory.buffer, data, len).slice();
    ex.hb_blob_destroy(blob);
    if (len === 0) throw new Error(`hb-subset produced an empty font for ${face.postscriptName}`);
    return { bytes, glyphIds: cmapLookup(bytes, cps) };
  } finally {
    if (lenPtr) ex.free(lenPtr);
    if (result) ex.hb_face_destroy(result);
    ex.hb_subset_input_destroy(input);
  }
}

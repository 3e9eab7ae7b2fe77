/**
 * Fonts embedded in a .docx made with the bundled profile (ECMA-376 Part 1 §17.8.1): the
 * document names the open Fandol faces, which a reader's computer does not have, so
 * subsets of them travel inside the file (Word, WPS and LibreOffice use them). Each
 * subset holds the characters its role's runs show, and is obfuscated as the standard
 * requires (§17.8.3.3: the first 32 bytes XORed with the bytes of the part's font key, a
 * GUID, in reverse order). The official faces are never embedded: their licences do not
 * allow it, and government PCs have them.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Block, DocTree } from '../../doc/tree';
import { loadFontFace } from '../../fonts/load';
import { BUNDLED_DIR } from '../../fonts/resolve';
import { subsetBytes, subsetTrueType } from '../../fonts/truetype-subset';
import { collectInlines, styledPlain, type StyledText } from '../../layout/collect';
import { ROLE_FONTS } from '../../style/font-roles';
import type { Role } from '../../style/settings';
import type { DocxContext } from './context';

/** One embedded face: the family it serves, regular or bold, its part and key. */
export interface EmbeddedFace {
  family: string;
  style: 'Regular' | 'Bold';
  /** Part path inside the package, e.g. word/fonts/font1.odttf. */
  path: string;
  /** Relationship id in word/_rels/fontTable.xml.rels. */
  relId: string;
  /** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` */
  fontKey: string;
  data: Uint8Array;
}

/** Characters the page-number field can show: “— N —”. */
const PAGE_NUMBER_TEXT = '— 0123456789';

/** The styled text of every block, by the role each stretch is set in. */
function styledBlocks(blocks: readonly Block[]): StyledText[] {
  const out: StyledText[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(collectInlines(b.children, 'title'));
        break;
      case 'heading':
        out.push(collectInlines(b.children, `heading${b.level}`));
        break;
      case 'paragraph':
        out.push(collectInlines(b.children, 'body'));
        break;
      case 'table':
        for (const row of b.rows) for (const cell of row.cells) out.push(collectInlines(cell.children, 'table'));
        break;
      case 'signature':
        for (const line of b.lines) out.push(styledPlain(line, 'body'));
        break;
      case 'pageBreak':
        break;
    }
  }
  out.push(styledPlain(PAGE_NUMBER_TEXT, 'pageNumber'));
  return out;
}

/**
 * The bundled face of a role at a weight. Bold text in a family without a bold face goes into
 * its regular subset, which the word processor emboldens (an embedded "bold" that is really
 * regular would show bold text as regular).
 */
function bundledFace(role: Role, bold: boolean): { file: string; style: 'Regular' | 'Bold' } {
  const { face, boldFace } = ROLE_FONTS[role].bundled;
  if (bold && boldFace) return { file: join(BUNDLED_DIR, `${boldFace}.ttf`), style: 'Bold' };
  return { file: join(BUNDLED_DIR, `${face}.ttf`), style: 'Regular' };
}

/** A GUID-formatted key derived from the subset's bytes (the same document, the same key). */
function fontKeyOf(data: Uint8Array): string {
  const h = createHash('sha256').update(data).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** §17.8.3.3: XOR the first 32 bytes with the key's 16 bytes taken from its last hex pair to its first. */
export function obfuscateFont(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`字体密钥格式不对：${fontKey}`);
  const key = new Uint8Array(16);
  for (let i = 0; i < 16; i++) key[15 - i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const out = new Uint8Array(data);
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] ^= key[i % 16];
  return out;
}

/** Subsets of the bundled faces the document's runs use, obfuscated, in a fixed order. */
export function embeddedFaces(tree: DocTree, ctx: DocxContext): EmbeddedFace[] {
  // "family\0style" → the face's file and the code points it must hold
  const wanted = new Map<string, { file: string; style: 'Regular' | 'Bold'; cps: Set<number> }>();
  for (const st of styledBlocks(tree.blocks)) {
    for (const span of st.spans) {
      const family = ctx.fonts[span.role].eastAsia;
      const bold = bundledFace(span.role, span.bold || ctx.bold[span.role]);
      // Bold text goes into the regular subset as well: a reader that ignores the embedded
      // bold face (LibreOffice does) emboldens the regular one and still has the glyphs.
      const faces = bold.style === 'Bold' ? [bold, bundledFace(span.role, false)] : [bold];
      for (const { file, style } of faces) {
        const key = `${family}\u0000${style}`;
        let w = wanted.get(key);
        if (!w) wanted.set(key, (w = { file, style, cps: new Set() }));
        for (const ch of st.text.slice(span.start, span.end)) w.cps.add(ch.codePointAt(0)!);
      }
    }
  }
  const faces: EmbeddedFace[] = [];
  const keys = [...wanted.keys()].sort();
  keys.forEach((key, i) => {
    const w = wanted.get(key)!;
    const face = loadFontFace(w.file, { source: 'bundled' });
    const plain = subsetBytes(subsetTrueType(face.font, w.cps));
    const fontKey = fontKeyOf(plain);
    faces.push({ family: key.split('\u0000')[0], style: w.style, path: `word/fonts/font${i + 1}.odttf`, relId: `rId${i + 1}`, fontKey, data: obfuscateFont(plain, fontKey) });
  });
  return faces;
}

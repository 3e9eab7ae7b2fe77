/** Reading back what the PDF writer embedded: fonts, their subsets, CID maps and ToUnicode. */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

export interface ToUnicodeBlock {
  kind: 'bfchar' | 'bfrange';
  declared: number;
  lines: string[];
}

export interface InspectedFont {
  resource: string;
  type0: PDFDict;
  cidFont: PDFDict;
  descriptor: PDFDict;
  baseFont: string;
  /** The embedded font program (FontFile2), decompressed. */
  program: Uint8Array;
  /** CID → glyph id from CIDToGIDMap. */
  cidToGid: (cid: number) => number;
  /** CID → text from ToUnicode. */
  toUnicode: Map<number, string>;
  blocks: ToUnicodeBlock[];
  /** CID → width from /W (1000 units per em); CIDs not listed take /DW. */
  widths: Map<number, number>;
  /** /DW, the width of CIDs /W does not list. */
  dw: number;
}

function lookup(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

export function streamData(doc: PDFDocument, o: PDFObject | undefined): Uint8Array {
  const s = lookup(doc, o);
  if (!(s instanceof PDFRawStream)) throw new Error('not a stream');
  const filter = s.dict.get(PDFName.of('Filter'));
  return filter && filter.toString() === '/FlateDecode' ? inflateSync(s.contents) : s.contents;
}

function name(o: PDFObject | undefined): string {
  return o ? o.toString().replace(/^\//, '') : '';
}

export function parseToUnicode(text: string): { map: Map<number, string>; blocks: ToUnicodeBlock[] } {
  const map = new Map<number, string>();
  const blocks: ToUnicodeBlock[] = [];
  const re = /(\d+) begin(bfchar|bfrange)\n([\s\S]*?)\nend\2/g;
  let m: RegExpExecArray | null;
  const hexText = (h: string) => {
    const units: number[] = [];
    for (let i = 0; i < h.length; i += 4) units.push(parseInt(h.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  while ((m = re.exec(text))) {
    const kind = m[2] as 'bfchar' | 'bfrange';
    const lines = m[3].split('\n');
    blocks.push({ kind, declared: Number(m[1]), lines });
    for (const line of lines) {
      const h = [...line.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]);
      if (kind === 'bfchar') map.set(parseInt(h[0], 16), hexText(h[1]));
      else {
        const lo = parseInt(h[0], 16);
        const hi = parseInt(h[1], 16);
        const dst = parseInt(h[2], 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(dst + (c - lo)));
      }
    }
  }
  return { map, blocks };
}

function parseW(doc: PDFDocument, w: PDFObject | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const arr = lookup(doc, w);
  if (!(arr instanceof PDFArray)) return out;
  const items = arr.asArray().map((x) => lookup(doc, x));
  for (let i = 0; i < items.length; ) {
    const first = Number(items[i]!.toString());
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((v, k) => out.set(first + k, Number(v.toString())));
      i += 2;
    } else {
      const last = Number(next!.toString());
      const v = Number(items[i + 2]!.toString());
      for (let c = first; c <= last; c++) out.set(c, v);
      i += 3;
    }
  }
  return out;
}

/** Every font of every page (deduplicated by object), with its parts decoded. */
export function inspectFonts(doc: PDFDocument): InspectedFont[] {
  const seen = new Set<string>();
  const out: InspectedFont[] = [];
  for (const page of doc.getPages()) {
    const res = page.node.Resources();
    const fonts = res && (lookup(doc, res.get(PDFName.of('Font'))) as PDFDict | undefined);
    if (!fonts) continue;
    for (const [key, ref] of fonts.entries()) {
      if (seen.has(ref.toString())) continue;
      seen.add(ref.toString());
      const type0 = lookup(doc, ref) as PDFDict;
      const desc = lookup(doc, type0.get(PDFName.of('DescendantFonts'))) as PDFArray;
      const cidFont = lookup(doc, desc.get(0)) as PDFDict;
      const descriptor = lookup(doc, cidFont.get(PDFName.of('FontDescriptor'))) as PDFDict;
      const map = cidFont.get(PDFName.of('CIDToGIDMap'));
      let cidToGid: (cid: number) => number = (cid) => cid;
      if (map && name(map) !== 'Identity') {
        const b = streamData(doc, map);
        cidToGid = (cid) => (2 * cid + 1 < b.length ? (b[2 * cid] << 8) | b[2 * cid + 1] : 0);
      }
      const tu = parseToUnicode(Buffer.from(streamData(doc, type0.get(PDFName.of('ToUnicode')))).toString('latin1'));
      out.push({
        resource: name(key),
        type0,
        cidFont,
        descriptor,
        baseFont: name(type0.get(PDFName.of('BaseFont'))),
        program: streamData(doc, descriptor.get(PDFName.of('FontFile2'))),
        cidToGid,
        toUnicode: tu.map,
        blocks: tu.blocks,
        widths: parseW(doc, cidFont.get(PDFName.of('W'))),
        dw: Number(cidFont.get(PDFName.of('DW'))?.toString() ?? 1000),
      });
    }
  }
  return out;
}

export { name as pdfName };

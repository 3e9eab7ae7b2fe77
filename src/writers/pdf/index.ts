/**
 * The PDF painter: draws laid-out pages (frames) and nothing else. It never measures or
 * breaks text. Objects are written by `./objects` (object streams, a cross-reference
 * stream), fonts are subset by our TrueType subsetter and embedded by `./font`, pages are
 * painted by `./content-stream`; the structure tree, bookmarks and XMP have modules of
 * their own. This module assembles the document.
 *
 * Output is deterministic: no clock (dates come from `meta.date`), no random ids (the
 * trailer ID and subset tags are hashes of the content), fonts and resources numbered in
 * order of first use.
 */
import { createHash } from 'node:crypto';
import type { DocMeta } from '../../doc/tree';
import type { FontFace } from '../../fonts/font-face';
import { flattenItems, type PageFrame } from '../../layout/frames';
import type { StructElement } from '../../layout/structure';
import { codePoints, pageContent, type Marker, type Resource } from './content-stream';
import { embedFont } from './font';
import { dateString, name, PdfFile, textString, type PdfDict, type PdfRef } from './objects';
import { writeOutline, type ElementPlace } from './outline';
import { flateStream } from './stream';
import { writeStructureTree, type MarkedContent } from './structure-tree';
import { writeXmp } from './xmp';

/** Where the painter finds the face a `TextItem` names. */
export type FaceLookup = ReadonlyMap<string, FontFace> | ((id: string) => FontFace | undefined);

/** Optional document properties beyond `DocMeta`. */
export interface PdfOptions {
  subject?: string;
  keywords?: string[];
  /** Producer and Creator entries (default "xxgk"). */
  producer?: string;
  /**
   * The logical structure from layout. With it the PDF is tagged (groups with a `tag`
   * become the marked content of their elements) and headings become bookmarks.
   */
  structure?: readonly StructElement[];
}

function lookupOf(faces: FaceLookup): (id: string) => FontFace | undefined {
  return typeof faces === 'function' ? faces : (id) => faces.get(id);
}

/** Parses `meta.date` (YYYY-MM-DD) as midnight UTC; an invalid date is an error, never the clock. */
function metaDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new Error(`文档日期“${date}”不是 YYYY-MM-DD 格式`);
  return d;
}

/** Collects, per face in order of first use, the sorted code points drawn with it. */
function collectGlyphs(pages: readonly PageFrame[], face: (id: string) => FontFace | undefined): Map<string, { face: FontFace; cps: number[] }> {
  const used = new Map<string, { face: FontFace; set: Set<number> }>();
  for (const page of pages) {
    for (const item of flattenItems(page.items)) {
      if (item.kind !== 'text') continue;
      let u = used.get(item.face);
      if (!u) {
        const f = face(item.face);
        if (!f) throw new Error(`PDF 绘制：找不到字体“${item.face}”`);
        u = { face: f, set: new Set() };
        used.set(item.face, u);
      }
      for (const cp of codePoints(item.text)) u.set.add(cp);
    }
  }
  const out = new Map<string, { face: FontFace; cps: number[] }>();
  for (const [id, u] of used) out.set(id, { face: u.face, cps: [...u.set].sort((a, b) => a - b) });
  return out;
}

/**
 * Paints `pages` into a PDF. Every `TextItem.face` must name a face in `faces`; text is
 * drawn with subsets of those faces (Type0/Identity-H, CIDFontType2, ToUnicode).
 * Coordinates in frames are points from the top-left; PDF's origin is bottom-left.
 */
export async function writePdf(pages: readonly PageFrame[], faces: FaceLookup, meta: DocMeta, options: PdfOptions = {}): Promise<Uint8Array> {
  const date = metaDate(meta.date);
  const pdf = new PdfFile();
  const pagesRef = pdf.alloc();
  const catalog = pdf.alloc();

  const glyphs = collectGlyphs(pages, lookupOf(faces));
  const fonts = new Map<string, Resource>();
  let k = 0;
  for (const [id, { face, cps }] of glyphs) fonts.set(id, { name: `F${++k}`, font: embedFont(pdf, face, cps) });

  const hash = createHash('sha256');
  const kids: PdfRef[] = [];
  const structure = options.structure;
  const marks: MarkedContent[] = [];
  const places = new Map<number, ElementPlace>();
  pages.forEach((page, index) => {
    const used = new Set<string>();
    let mcid = 0;
    const marker: Marker | undefined = structure && {
      role: (element) => {
        const e = structure[element];
        if (!e) throw new Error(`PDF 绘制：结构元素 ${element} 不存在`);
        return e.role;
      },
      mark: (element, top) => {
        marks.push({ element, page: index, mcid });
        // Only bookmarks (headings, and the parts of a volume, which start where their
        // first content does) need to know where an element starts.
        for (let e = element; e >= 0 && structure[e]; e = structure[e].parent) {
          if (structure[e].title !== undefined && !places.has(e)) places.set(e, { page: index, top: top() });
        }
        return mcid++;
      },
    };
    const content = pageContent(page, fonts, used, marker);
    hash.update(content);
    const fontDict: PdfDict = {};
    for (const r of fonts.values()) if (used.has(r.name)) fontDict[r.name] = r.font.ref;
    const stream = flateStream(pdf, content);
    kids.push(
      pdf.add({
        Type: name('Page'),
        Parent: pagesRef,
        Resources: { Font: fontDict },
        MediaBox: [0, 0, page.width, page.height],
        Contents: stream,
        StructParents: structure ? index : undefined,
        Tabs: structure ? name('S') : undefined,
      }),
    );
  });
  pdf.set(pagesRef, { Type: name('Pages'), Kids: kids, Count: kids.length });
  const tree = structure && writeStructureTree(pdf, structure, marks, kids);
  const outline = structure && writeOutline(pdf, structure, places, kids);
  const producerName = options.producer ?? 'xxgk';
  const metadata = writeXmp(pdf, { title: meta.title, author: meta.author, language: meta.language, subject: options.subject, keywords: options.keywords, producer: producerName, date });
  pdf.set(catalog, {
    Type: name('Catalog'),
    Pages: pagesRef,
    ViewerPreferences: { DisplayDocTitle: true },
    Lang: textString(meta.language),
    MarkInfo: tree ? { Marked: true } : undefined,
    StructTreeRoot: tree,
    Outlines: outline,
    PageMode: outline ? name('UseOutlines') : undefined,
    Metadata: metadata,
  });
  const producer = textString(producerName);
  const info = pdf.add({
    Title: textString(meta.title),
    Author: textString(meta.author),
    Subject: options.subject ? textString(options.subject) : undefined,
    Keywords: options.keywords?.length ? textString(options.keywords.join(' ')) : undefined,
    Creator: producer,
    Producer: producer,
    CreationDate: dateString(date),
    ModDate: dateString(date),
  });

  for (const r of fonts.values()) hash.update(r.font.baseFont);
  hash.update(JSON.stringify([meta, options]));
  return pdf.save({ root: catalog, info, id: hash.digest('hex').slice(0, 32).toUpperCase() });
}

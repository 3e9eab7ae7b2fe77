/**
 * Bookmarks (the document outline, PDF 1.7 §12.3.3): one per section heading, nested by
 * level (一、 → （一） → 1.), each opening its page scrolled to the heading.
 */
import type { StructElement } from '../../layout/structure';
import { name, textString, type PdfDict, type PdfFile, type PdfRef } from './objects';

/** Where an element's content first appears: page index and the top of its first line (PDF y). */
export interface ElementPlace {
  page: number;
  top: number;
}

// A Part (one report of a compiled volume) is the level above its sections.
const LEVEL: Partial<Record<StructElement['role'], number>> = { Part: 0, H2: 1, H3: 2, H4: 3 };

interface Entry {
  ref: PdfRef;
  title: string;
  place: ElementPlace;
  children: Entry[];
}

/**
 * Writes the outline of the headings below the title that appear on a page, all open,
 * and returns its root, or undefined when there is no such heading.
 */
export function writeOutline(pdf: PdfFile, elements: readonly StructElement[], places: ReadonlyMap<number, ElementPlace>, pageRefs: readonly PdfRef[]): PdfRef | undefined {
  const top: Entry[] = [];
  const stack: { level: number; entry: Entry }[] = [];
  for (const e of elements) {
    const level = LEVEL[e.role];
    const place = places.get(e.id);
    if (level === undefined || !place || !e.title) continue;
    const entry: Entry = { ref: pdf.alloc(), title: e.title, place, children: [] };
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    (stack.length ? stack[stack.length - 1].entry.children : top).push(entry);
    stack.push({ level, entry });
  }
  if (top.length === 0) return undefined;
  const root = pdf.alloc();
  const count = (xs: Entry[]): number => xs.reduce((n, x) => n + 1 + count(x.children), 0);
  const write = (xs: Entry[], parent: PdfRef) => {
    xs.forEach((x, i) => {
      const dict: PdfDict = {
        Title: textString(x.title),
        Parent: parent,
        Prev: i > 0 ? xs[i - 1].ref : undefined,
        Next: i < xs.length - 1 ? xs[i + 1].ref : undefined,
        First: x.children[0]?.ref,
        Last: x.children[x.children.length - 1]?.ref,
        Count: x.children.length ? count(x.children) : undefined,
        Dest: [pageRefs[x.place.page], name('FitH'), Math.round(x.place.top * 100) / 100],
      };
      pdf.set(x.ref, dict);
      write(x.children, x.ref);
    });
  };
  write(top, root);
  pdf.set(root, { Type: name('Outlines'), First: top[0].ref, Last: top[top.length - 1].ref, Count: count(top) });
  return root;
}

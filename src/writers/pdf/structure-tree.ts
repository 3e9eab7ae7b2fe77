/**
 * The tagged-PDF part of a document (PDF 1.7 §14.7–14.8): structure elements with their
 * marked content, the parent tree that maps each page's marked content back to its
 * element, and the catalog entries that make a reader treat the file as tagged.
 */
import type { StructElement } from '../../layout/structure';
import { name, type PdfDict, type PdfFile, type PdfRef, type PdfValue } from './objects';

/** A marked-content sequence the painter wrote: element, page index and its MCID there. */
export interface MarkedContent {
  element: number;
  page: number;
  mcid: number;
}


/**
 * Writes the structure elements that have content (their own marked content or an
 * element below with some, and every table cell), in reading order, and the parent tree.
 * Other elements without content are left out, so no reader meets an empty paragraph. Returns the
 * `StructTreeRoot`; page i's `StructParents` must be i, its row in the parent tree.
 */
export function writeStructureTree(pdf: PdfFile, elements: readonly StructElement[], marks: readonly MarkedContent[], pageRefs: readonly PdfRef[]): PdfRef {
  const marksOf = new Map<number, MarkedContent[]>();
  for (const m of marks) {
    if (!elements[m.element]) throw new Error(`PDF 结构：标记内容指向不存在的结构元素 ${m.element}`);
    const list = marksOf.get(m.element);
    if (list) list.push(m);
    else marksOf.set(m.element, [m]);
  }
  const children = new Map<number, number[]>();
  for (const e of elements) {
    if (e.parent < 0) continue;
    const list = children.get(e.parent);
    if (list) list.push(e.id);
    else children.set(e.parent, [e.id]);
  }
  // Elements with content, children before parents (ids grow down the tree). An empty
  // table cell stays: without it a reader would shift the row's later cells one column left.
  const live = new Array<boolean>(elements.length).fill(false);
  for (let id = elements.length - 1; id >= 0; id--) {
    const role = elements[id].role;
    if (marksOf.has(id) || role === 'TH' || role === 'TD' || (children.get(id) ?? []).some((c) => live[c])) live[id] = true;
  }
  const refs = new Map<number, PdfRef>();
  for (const e of elements) if (live[e.id]) refs.set(e.id, pdf.alloc());

  const root = pdf.alloc();
  const rootElement = elements.find((e) => e.parent < 0);
  for (const e of elements) {
    const ref = refs.get(e.id);
    if (!ref) continue;
    // Content on one page (nearly every element) is written compactly: the page once on
    // the element and bare MCIDs; content across pages as marked-content references.
    const own = marksOf.get(e.id) ?? [];
    const onePage = own.length > 0 && own.every((m) => m.page === own[0].page);
    const kids: PdfValue[] = own.map((m): PdfValue => (onePage ? m.mcid : { Type: name('MCR'), Pg: pageRefs[m.page], MCID: m.mcid }));
    for (const c of children.get(e.id) ?? []) {
      const r = refs.get(c);
      if (r) kids.push(r);
    }
    pdf.set(ref, {
      S: name(e.role),
      P: e.parent < 0 ? root : refs.get(e.parent)!,
      Pg: onePage ? pageRefs[own[0].page] : undefined,
      K: kids.length === 1 ? kids[0] : kids,
      A: tableAttributes(e),
    });
  }

  // Parent tree: for page i, the element of each MCID in order.
  const perPage: PdfRef[][] = pageRefs.map(() => []);
  for (const m of marks) perPage[m.page][m.mcid] = refs.get(m.element)!;
  const nums: PdfValue[] = [];
  perPage.forEach((row, i) => nums.push(i, row));
  const parentTree = pdf.add({ Nums: nums });
  pdf.set(root, {
    Type: name('StructTreeRoot'),
    K: rootElement && refs.has(rootElement.id) ? refs.get(rootElement.id)! : [],
    ParentTree: parentTree,
    ParentTreeNextKey: pageRefs.length,
  });
  return root;
}

/** The table attribute object of a cell: its spans and, for a header cell, its scope. */
function tableAttributes(e: StructElement): PdfDict | undefined {
  if (e.role !== 'TH' && e.role !== 'TD') return undefined;
  if (!e.rowSpan && !e.colSpan && !e.scope) return undefined;
  return { O: name('Table'), RowSpan: e.rowSpan, ColSpan: e.colSpan, Scope: e.scope ? name(e.scope) : undefined };
}

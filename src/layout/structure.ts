/**
 * The logical structure of a laid-out document (PDF 1.7 §14.8 standard structure types):
 * what a tagged PDF's structure tree, its bookmarks and a screen reader are built from.
 * Layout makes one element per block, table row and cell; a group of items on a page
 * (`GroupItem.tag`) is the marked content of one element, and an element's content may
 * continue on later pages (a paragraph, a row-spanned cell's first part).
 */

/** Standard structure types a report uses (Part, TOC and TOCI: a compiled volume's reports and its 目录). */
export type StructRole = 'Document' | 'Part' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'TOC' | 'TOCI';

/** One structure element; `parent` is the id of its parent, −1 for the root. */
export interface StructElement {
  id: number;
  role: StructRole;
  parent: number;
  /** Plain text of a heading, for the bookmark that points at it. */
  title?: string;
  /** Table attributes of a TH or TD cell (only when above 1). */
  rowSpan?: number;
  colSpan?: number;
  /** What a header cell heads. */
  scope?: 'Column' | 'Row';
}

/** The id of the root `Document` element every builder starts with. */
export const DOCUMENT_ELEMENT = 0;

/** Collects structure elements in reading order (the order layout meets them). */
export class StructureBuilder {
  readonly elements: StructElement[] = [{ id: DOCUMENT_ELEMENT, role: 'Document', parent: -1 }];

  /** Adds an element under `parent` (default: the document) and returns its id. */
  add(role: StructRole, parent: number = DOCUMENT_ELEMENT, attrs: Partial<Pick<StructElement, 'title' | 'rowSpan' | 'colSpan' | 'scope'>> = {}): number {
    const id = this.elements.length;
    this.elements.push({ id, role, parent, ...attrs });
    return id;
  }
}

/** Heading role for a heading level below the title (H1): 一、 → H2, （一） → H3, 1. → H4. */
export function headingRole(level: 1 | 2 | 3): StructRole {
  return level === 1 ? 'H2' : level === 2 ? 'H3' : 'H4';
}

/**
 * Caps on what `xxgk import` reads (docs/IMPORT.md §6), checked before any parsing: a hostile
 * file is refused with a message, never allowed to exhaust memory or time.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the input file. */
  inputBytes: 64 * 1024 * 1024,
  /** Entries in a .docx (zip). */
  zipEntries: 2000,
  /** Declared inflated bytes of all entries read from a .docx, and of one entry. */
  inflatedBytes: 128 * 1024 * 1024,
  entryBytes: 64 * 1024 * 1024,
  /** Element nesting in XML and HTML. */
  depth: 256,
  /** Pages of a PDF, and the PDF worker's heap (MB). */
  pdfPages: 500,
  pdfHeapMb: 512,
  /** Ruled lines kept of a PDF page: a page drawing more is read by its text alone. */
  pdfRules: 5000,
} as const;

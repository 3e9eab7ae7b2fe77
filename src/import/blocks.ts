/**
 * The importer's intermediate form (docs/IMPORT.md §2): whatever the source format, a report
 * becomes a sequence of paragraphs (with bold runs) and tables (rows of cell texts with their
 * horizontal extent), and only then report data.
 */

/** A piece of a paragraph's text, bold where the source marks it. */
export interface Run {
  text: string;
  bold: boolean;
}

/** A paragraph of body text. */
export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
}

/**
 * A cell of a table row, listed in the row where it starts. `x0`..`x1` is its horizontal extent:
 * grid columns for real cells (Word, web page), points for PDF text, field positions for
 * flattened text.
 */
export interface TableCell {
  text: string;
  x0: number;
  x1: number;
  /** PDF text only: the baseline (points from the bottom) and the font size. */
  y?: number;
  size?: number;
}

/**
 * How far a table's cell positions can be trusted: `grid` (real cells with spans), `positioned`
 * (PDF text placed by its coordinates) or `sequence` (flattened text: a row's cells follow each
 * other and blank cells may be lost or doubled).
 */
export type TableLayout = 'grid' | 'positioned' | 'sequence';

/** A line drawn along one axis on a PDF page (a cell border), in points: `x0 === x1` or `y0 === y1`. */
export interface RuledLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A table as the source gives it. */
export interface TableBlock {
  kind: 'table';
  layout: TableLayout;
  rows: TableCell[][];
  /** PDF only: the lines drawn on the table's page, whose cell borders place its text in cells. */
  rules?: readonly RuledLine[];
}

/** One block of the source, in reading order. */
export type Block = ParagraphBlock | TableBlock;

/** The input kinds `xxgk import` reads. */
export type SourceKind = 'txt' | 'docx' | 'html' | 'pdf';

/** A source document as blocks. */
export interface SourceDocument {
  kind: SourceKind;
  blocks: Block[];
  /** Paragraphs may have been cut by page breaks (PDF text): a paragraph without closing punctuation continues in the next. */
  pageBroken: boolean;
  /** Pictures and embedded objects (a table pasted as a picture or a spreadsheet object has no cells to read). */
  pictures?: number;
}

/** The plain text of a paragraph. */
export function paragraphText(p: ParagraphBlock): string {
  return p.runs.map((r) => r.text).join('');
}

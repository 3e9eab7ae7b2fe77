/**
 * The document tree: a small closed set of node kinds that both writers read.
 * Templates produce markup; `parseMarkup` turns it into this tree.
 */

/** Inline content of a paragraph, heading, title or table cell. */
export type Inline = TextNode | StrongNode | RunInHeadingNode | LineBreakNode;

/** Plain text. */
export interface TextNode {
  kind: 'text';
  text: string;
}

/** Bold text (`**…**` in body text, `<b>` in markup). */
export interface StrongNode {
  kind: 'strong';
  children: Inline[];
}

/**
 * A run-in heading at the start of a paragraph, such as “（一）提高认识。” (level 2, 楷体)
 * or “1.加强领导。” (level 3, 仿宋 bold): it stays in the paragraph but takes the heading's font.
 */
export interface RunInHeadingNode {
  kind: 'runIn';
  level: 2 | 3;
  text: string;
}

/** A forced line break inside a block. */
export interface LineBreakNode {
  kind: 'lineBreak';
}

/** Block-level content, in reading order. */
export type Block = TitleNode | HeadingNode | ParagraphNode | TableNode | PageBreakNode | SignatureNode;

/** The report title (2号小标宋, centred, wrapped into balanced lines). */
export interface TitleNode {
  kind: 'title';
  children: Inline[];
}

/** Section headings: 1 = “一、” (黑体), 2 = “（一）” (楷体), 3 = “1.” (仿宋). */
export interface HeadingNode {
  kind: 'heading';
  level: 1 | 2 | 3;
  children: Inline[];
}

/** Paragraph alignment. */
export type Align = 'justify' | 'left' | 'center' | 'right';

/** A body paragraph: first line indented two characters unless `indent` is false. */
export interface ParagraphNode {
  kind: 'paragraph';
  indent: boolean;
  align: Align;
  children: Inline[];
}

/** A table cell, listed only at the top-left grid position of its span (as in HTML). */
export interface TableCell {
  rowSpan: number;
  colSpan: number;
  align: Align;
  children: Inline[];
}

/** A table row; header rows repeat at the top of every page the table continues on. */
export interface TableRow {
  header: boolean;
  cells: TableCell[];
}

/** A table with relative column widths (one per grid column). */
export interface TableNode {
  kind: 'table';
  /** Relative widths of the grid columns; writers scale them to the type area. */
  widths: number[];
  rows: TableRow[];
}

/** Start a new page. */
export interface PageBreakNode {
  kind: 'pageBreak';
}

/** The 落款: agency and date lines, right-aligned after the body. */
export interface SignatureNode {
  kind: 'signature';
  /**
   * Set in the submission edition (报送版), which is signed and sealed: GB/T 9704 §7.3.5.1
   * places the date four characters from the right, the agency centred over it, and
   * leaves room above for the seal. Without it, §7.3.5.2 (no seal).
   */
  sealed?: true;
  lines: string[];
}

/** Document metadata carried to both writers (document properties, PDF info). */
export interface DocMeta {
  title: string;
  author: string;
  /** ISO date (YYYY-MM-DD) used for created/modified dates; never the clock. */
  date: string;
  language: 'zh-CN';
}

/** A whole document: metadata and blocks. */
export interface DocTree {
  meta: DocMeta;
  blocks: Block[];
}

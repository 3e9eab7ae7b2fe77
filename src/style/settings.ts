/**
 * Page and type settings of the report, by default GB/T 9704-2012 (docs/FORMAT.md §D).
 * Both writers read these; a province's variant is a different settings object.
 */

/** Typographic roles; each maps to a font family and size. */
export type Role = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'table' | 'pageNumber';

/** All roles, in a stable order. */
export const ROLES: readonly Role[] = ['title', 'body', 'heading1', 'heading2', 'heading3', 'table', 'pageNumber'];

/** Chinese names of the roles, as messages and `--font` show them. */
export const ROLE_LABELS: Record<Role, string> = {
  title: '标题',
  body: '正文',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  table: '表格',
  pageNumber: '页码',
};

/** Per-role type settings. */
export interface RoleStyle {
  /** Font size in points. */
  size: number;
  /** Draw bold (real bold face where one exists, otherwise synthetic). */
  bold: boolean;
}

/** Page geometry and type settings; lengths in millimetres or points as named. */
export interface StyleSettings {
  page: { widthMm: number; heightMm: number };
  margins: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
  /** Baseline-to-baseline distance of body lines, points (579 twips = 28.95 pt). */
  linePitchPt: number;
  /** Lines per full body page (22). */
  linesPerPage: number;
  /** Characters per body line (28). */
  charsPerLine: number;
  /** First-line indent of body paragraphs, in characters. */
  indentChars: number;
  roles: Record<Role, RoleStyle>;
  /** Table cell padding, points. */
  tableCellPaddingPt: number;
  /** Line height inside table cells, as a multiple of the table font size. */
  tableLineHeight: number;
  /** Border width of table rules, points. */
  tableBorderPt: number;
  /** Distance from the bottom edge of the type area to the page number's dashes, mm. */
  pageNumberDropMm: number;
}

/** GB/T 9704-2012 defaults: A4, 37/35/28/26 mm, 22 lines × 28 characters of 3号仿宋. */
export const GBT9704: StyleSettings = {
  page: { widthMm: 210, heightMm: 297 },
  margins: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 },
  linePitchPt: 28.95,
  linesPerPage: 22,
  charsPerLine: 28,
  indentChars: 2,
  roles: {
    title: { size: 22, bold: false },
    body: { size: 16, bold: false },
    heading1: { size: 16, bold: false },
    heading2: { size: 16, bold: false },
    heading3: { size: 16, bold: true },
    table: { size: 12, bold: false },
    pageNumber: { size: 14, bold: false },
  },
  tableCellPaddingPt: 3,
  tableLineHeight: 1.25,
  tableBorderPt: 0.75,
  pageNumberDropMm: 7,
};

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres to points. */
export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** Width of the type area (版心) in points. */
export function typeAreaWidthPt(s: StyleSettings): number {
  return mmToPt(s.page.widthMm - s.margins.leftMm - s.margins.rightMm);
}

/** Height of the type area (版心) in points. */
export function typeAreaHeightPt(s: StyleSettings): number {
  return mmToPt(s.page.heightMm - s.margins.topMm - s.margins.bottomMm);
}

/** Character pitch on the body grid: type-area width / characters per line (15.79 pt). */
export function charPitchPt(s: StyleSettings): number {
  return typeAreaWidthPt(s) / s.charsPerLine;
}

/**
 * The shape of a national format's table catalogue: every row and column of 表二, 表三
 * and 表四, where each figure lives in the data, its official label, and the grid with
 * its merged cells (docs/FORMAT.md §B).
 */

/** What a figure cell holds. */
export type FigureKind = 'count' | 'amount';

/** The value printed for a not-applicable (不适用) cell, and accepted in the data where allowed. */
export const NOT_APPLICABLE = '/';

/** A figure cell of an official table. */
export interface FigureCell {
  /** Where the value is in the data, e.g. `proactive.rules.issued`, `applications.denied.stateSecret[1]`. */
  path: string;
  /** The cell as a reader of the printed table names it: `表二 第二十条第（一）项 规章 / 本年制发件数`. */
  place: string;
  /** A count of items (件, a non-negative integer) or an amount (万元, decimals allowed). */
  kind: FigureKind;
  /** Computed by xxgk (a 总计); a value stated in the data is checked, never trusted. */
  derived: boolean;
  /** May be “/” (不适用), e.g. 规章 for a unit without rule-making power. */
  notApplicable: boolean;
}

/** A cell of a table's grid, listed at the top-left position of its span (as in HTML). */
export interface GridCell {
  /** 0-based grid row and column of the top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The printed label of a label cell. */
  label?: string;
  /** The figure of a value cell. */
  figure?: FigureCell;
}

/** One of the three official tables. */
export interface OfficialTable {
  /** 表二, 表三, 表四. */
  name: string;
  /** The section it is printed in, e.g. 二、主动公开政府信息情况. */
  section: string;
  /** The key of its block in the data model. */
  key: 'proactive' | 'applications' | 'reviewLitigation';
  /** Grid size. */
  columns: number;
  rows: number;
  /** Leading rows that head the table (repeated when it continues on a new page). */
  headerRows: number;
  /** Every cell in row-major order of its top-left corner. */
  cells: readonly GridCell[];
}

/** The catalogue of one national format. */
export interface FormatCatalogue {
  /** The format's year, as written in the data (`format: 2021`). */
  format: number;
  /** The document that issued it, e.g. 国办公开办函〔2021〕30号. */
  issuedBy: string;
  /** The bundled template folder under `templates/`. */
  templateDir: string;
  tables: readonly [OfficialTable, OfficialTable, OfficialTable];
  /** Every figure cell of the three tables, in print order. */
  figures: readonly FigureCell[];
  /** Names of rows, groups and tables by data path, for messages (`applications.denied` → 表三 （三）不予公开). */
  places: ReadonlyMap<string, string>;
}

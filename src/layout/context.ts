import type { FontSet } from '../fonts/font-face';
import type { StyleSettings } from '../style/settings';
import type { LayoutDiagnostic } from './diagnostics';
import type { PageGeometry } from './geometry';
import type { StructureBuilder } from './structure';
import type { TableModel } from './table-model';

/** What every layout step reads, and where it reports. */
export interface LayoutContext {
  style: StyleSettings;
  fonts: FontSet;
  geo: PageGeometry;
  diags: LayoutDiagnostic[];
  /** The document's logical structure, built as blocks are laid out. */
  structure: StructureBuilder;
  /** The document's tables resolved beforehand (the k-th table block is `tables[k]`); else resolved as laid out. */
  tables?: readonly TableModel[];
}

import type { FontSet } from '../fonts/font-face';
import type { StyleSettings } from '../style/settings';
import type { LayoutDiagnostic } from './diagnostics';
import type { PageGeometry } from './geometry';

/** What every layout step reads, and where it reports. */
export interface LayoutContext {
  style: StyleSettings;
  fonts: FontSet;
  geo: PageGeometry;
  diags: LayoutDiagnostic[];
}

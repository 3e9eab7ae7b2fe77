import type { Edition } from '../template/view-model';
import type { RulesConfig } from '../validate/rules-config';
import type { StyleSettings } from '../style/settings';
import type { Diagnostic } from '../validate/diagnostic';

/** The documents xxgk writes: Word, PDF, and a web page for the site's 政府信息公开 column. */
export type OutputFormat = 'docx' | 'pdf' | 'html';

/** Every output format, in the order outputs are written. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf', 'html'];

/** How to render: formats, template, fonts and strictness. */
export interface RenderSettings {
  formats: OutputFormat[];
  /** A user's template folder (default: the bundled `templates/annual-report`). */
  templateDir?: string;
  /** Refuse to render when the data has errors. */
  strict?: boolean;
  /** Font names written into the .docx: the official fonts (default) or the bundled open fonts. */
  fontProfile?: 'official' | 'bundled';
  /** Latin and digits in the .docx: the body font (default) or Times New Roman. */
  latinFont?: 'body' | 'Times New Roman';
  /** `ROLE=FILE` font overrides for the PDF. */
  fonts?: string[];
  /** Look for the official fonts installed on this system (default true). */
  systemFonts?: boolean;
  /** Page and type settings (default GB/T 9704). */
  style?: StyleSettings;
  /** Thresholds and severities of a rules file (default: the catalogue's). */
  rules?: RulesConfig;
  /** 公开版 (default) or 报送版, the signed and sealed paper copy. */
  edition?: Edition;
}

/** A report rendered in memory. */
export interface RenderedReport {
  file: string;
  agency?: string;
  year?: number;
  /** `ok`: documents made; `failed`: unreadable data or a render failure; `refused`: strict mode and errors. */
  status: 'ok' | 'failed' | 'refused';
  diagnostics: Diagnostic[];
  docx?: Uint8Array;
  pdf?: Uint8Array;
  html?: Uint8Array;
  /** Pages of the PDF, when one was made (a report much shorter or longer than its peers is worth a look). */
  pdfPages?: number;
  /** Milliseconds spent, for summaries and the benchmark. */
  ms: number;
}

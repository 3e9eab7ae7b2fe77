import type { RenderedReport, RenderSettings } from '../pipeline/render-types';
import type { Diagnostic } from '../validate/diagnostic';
import type { ScheduleFn } from './render-loop';

/** Parses, validates and renders report bytes in memory; never throws for bad data. */
export type RenderFn = (file: string, bytes: Uint8Array, settings: RenderSettings) => Promise<RenderedReport>;

/** Where the preview writes its log lines (the terminal by default). */
export interface PreviewLogger {
  info(line: string): void;
  error(line: string): void;
}

/** How to start a preview. */
export interface PreviewOptions {
  /** The report data file (.yaml/.yml/.json). */
  input: string;
  /** Port on 127.0.0.1; 0 picks a free one. Default {@link DEFAULT_PORT}, or the next free port after it. */
  port?: number;
  /** A template folder to use and to watch (overrides `settings.templateDir`). */
  templateDir?: string;
  settings: RenderSettings;
  render: RenderFn;
  /** Quiet period after the last file change before rendering (ms, default 50). */
  debounceMs?: number;
  /** Times the quiet period (default: real timers); tests pass a timer they fire themselves. */
  schedule?: ScheduleFn;
  logger?: PreviewLogger;
  /** When the data file does not exist: create it as `xxgk init` would, for this agency and year, and open the editor. */
  create?: { agency: string; year: number };
}

/** The counts shown in the page's summary. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  hints: number;
  acknowledged: number;
}

/** What the preview currently shows: the latest render's findings and the last good documents. */
export interface PreviewSnapshot {
  /** Increases with every published render. */
  id: number;
  file: string;
  /** `pending` until the first render finishes. */
  status: 'pending' | 'ok' | 'failed' | 'refused';
  agency?: string;
  year?: number;
  diagnostics: Diagnostic[];
  counts: DiagnosticCounts;
  /** The update id that produced the PDF being served (0: none yet). */
  pdfId: number;
  /** True when the latest render failed and the PDF served is an earlier one. */
  stale: boolean;
  pdf?: Uint8Array;
  docx?: Uint8Array;
  html?: Uint8Array;
  /** Render time of the latest render (ms). */
  renderMs?: number;
  /** Time from the first file change of this update to the new PDF (ms). */
  saveToPdfMs?: number;
  /** When the latest render was published (ISO time). */
  updatedAt?: string;
}

/** The JSON body of `/diagnostics.json` and the summary pushed on `/events`. */
export type SnapshotSummary = Omit<PreviewSnapshot, 'pdf' | 'docx' | 'html' | 'diagnostics'> & { hasPdf: boolean; hasDocx: boolean; hasHtml: boolean };

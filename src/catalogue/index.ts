/**
 * The national formats xxgk knows, chosen by the data's `format` (docs/ARCHITECTURE.md,
 * “Adding a national table format”).
 */
import { FORMAT_2021 } from './format-2021';
import type { FormatCatalogue } from './types';

export type { FigureCell, FigureKind, FormatCatalogue, GridCell, OfficialTable } from './types';
export { NOT_APPLICABLE } from './types';

/** Every known format, newest last. */
export const FORMATS: readonly FormatCatalogue[] = [FORMAT_2021];

/** The format of data that names none. */
export const DEFAULT_FORMAT = 2021;

/** Formats that existed but xxgk does not render, with what to say about them. */
const RETIRED: Record<number, string> = {
  2019: '2019年的试行格式（国办公开办函〔2019〕60号）已于2021年停用',
};

/** The catalogue of a format, or undefined when xxgk does not know it. */
export function catalogueFor(format: number = DEFAULT_FORMAT): FormatCatalogue | undefined {
  return FORMATS.find((f) => f.format === format);
}

/** The formats that exist, in words: “2021（国办公开办函〔2021〕30号）”. */
export function knownFormats(): string {
  return FORMATS.map((f) => `${f.format}（${f.issuedBy}）`).join('、');
}

/** The Chinese message for a format xxgk does not know. */
export function unknownFormatMessage(format: unknown): string {
  const retired = typeof format === 'number' ? RETIRED[format] : undefined;
  return `没有 ${String(format)} 这种报告格式${retired ? `：${retired}` : ''}。现有的格式：${knownFormats()}`;
}

/** A problem found while laying out; messages are Chinese and name the place. */
export interface LayoutDiagnostic {
  severity: 'error' | 'warning';
  /** Stable code, e.g. `F-MISSING` (no face has the character), `L-OVERFULL`. */
  code: string;
  message: string;
  /** Where it happens, e.g. `正文“我局按照《自治区人民政…”`. */
  where?: string;
}

/** Code points shown when naming a block by its opening text. */
const WHERE_CHARS = 12;

/** Names a block by a Chinese label and its first 12 characters: `正文“我局按照《自治区人民政…”`. */
export function whereOf(label: string, text: string): string {
  let n = 0;
  let i = 0;
  while (i < text.length && n < WHERE_CHARS) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    n++;
  }
  const head = text.slice(0, i).replace(/\n/g, ' ');
  return `${label}“${head}${i < text.length ? '…' : ''}”`;
}

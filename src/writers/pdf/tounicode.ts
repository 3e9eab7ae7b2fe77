/**
 * ToUnicode CMap for a Type0 font with 2-byte CIDs: maps each CID back to the text it
 * was drawn for, so text extraction, search and copy work. Written in `beginbfrange`
 * blocks (runs of consecutive CIDs and code points) and `beginbfchar` blocks, each with
 * at most 100 entries as the CMap format requires (pdf-lib's own writer puts everything
 * in one block, which strict consumers drop).
 */

/** Entries per bfchar/bfrange block (the CMap limit). */
export const MAX_BLOCK = 100;

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** UTF-16BE hex of a code point (a surrogate pair above the BMP). */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

function blocks(kind: 'bfchar' | 'bfrange', lines: string[], out: string[]): void {
  for (let i = 0; i < lines.length; i += MAX_BLOCK) {
    const chunk = lines.slice(i, i + MAX_BLOCK);
    out.push(`${chunk.length} begin${kind}`, ...chunk, `end${kind}`);
  }
}

/**
 * The CMap text for `entries` = [cid, codePoint] pairs sorted by CID. Consecutive CIDs
 * mapping to consecutive BMP code points become one bfrange when neither side's last byte
 * wraps inside it; the rest are bfchar entries.
 */
export function buildToUnicode(entries: ReadonlyArray<readonly [number, number]>): string {
  const chars: string[] = [];
  const ranges: string[] = [];
  let i = 0;
  while (i < entries.length) {
    const [cid0, cp0] = entries[i];
    let j = i + 1;
    if (cp0 < 0x10000) {
      while (
        j < entries.length &&
        entries[j][0] === cid0 + (j - i) &&
        entries[j][1] === cp0 + (j - i) &&
        entries[j][1] < 0x10000 &&
        (entries[j][0] & 0xff) !== 0 &&
        (entries[j][1] & 0xff) !== 0
      ) {
        j++;
      }
    }
    if (j - i >= 2) ranges.push(`<${hex4(cid0)}> <${hex4(entries[j - 1][0])}> <${utf16Hex(cp0)}>`);
    else chars.push(`<${hex4(cid0)}> <${utf16Hex(cp0)}>`);
    i = j;
  }
  const out = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  blocks('bfchar', chars, out);
  blocks('bfrange', ranges, out);
  out.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end', '');
  return out.join('\n');
}

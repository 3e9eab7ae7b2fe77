/**
 * A GBK encoder for tests, built by inverting Node's own GB18030 decoder over every
 * two-byte GBK code: Node has no GBK encoder, and Excel on Chinese Windows saves CSV as GBK.
 */
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** Encodes text as GBK; throws on a character GBK lacks. */
export function encodeGbk(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = gbkTable().get(ch);
      if (!bytes) throw new Error(`GBK 中没有“${ch}”`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

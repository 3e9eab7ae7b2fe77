/** Bytes of a text file or web page as text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which covers GBK and GB2312). */

/** Decodes `bytes`; `declared` is a charset a web page names (`gb2312`, `gbk`, `utf-8`…). */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const label = declared?.trim().toLowerCase();
  // GB2312 pages routinely use GBK characters, and GB18030 is their superset: read all three as GB18030.
  if (label && /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(label)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

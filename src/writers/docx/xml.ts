/** Small helpers for writing WordprocessingML as strings. */

/** The WordprocessingML main namespace. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The relationships namespace (for `r:id`). */
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The XML declaration every part starts with. */
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escape text for XML character data and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);
}

/** ` name="value"` pairs, skipping undefined values. */
export function attrs(a: Record<string, string | number | undefined>): string {
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v !== undefined) out += ` ${k}="${typeof v === 'number' ? v : escapeXml(v)}"`;
  }
  return out;
}

/** An empty element `<name a="…"/>`. */
export function el(name: string, a: Record<string, string | number | undefined> = {}): string {
  return `<${name}${attrs(a)}/>`;
}

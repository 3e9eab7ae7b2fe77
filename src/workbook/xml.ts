/**
 * A small non-validating XML parser for the parts of a workbook: elements, attributes,
 * text, CDATA and the predefined and numeric entities. A DOCTYPE (and so any entity
 * definition) is refused; the parse is iterative, so deep nesting cannot overflow the stack.
 */

/** An element: its local name (prefix dropped), attributes by local name, and children. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

/** Raised for XML that is not well-formed or not allowed; the message is for the user. */
export class XmlError extends Error {}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** A start tag at exactly `lastIndex`: name, attributes, and `/` when it is empty. */
const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0x10ffff ? '\ufffd' : String.fromCodePoint(n);
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e as 'lt'];
  });
}

/** Parses XML text to its root element. */
export function parseXml(text: string, part: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError(`部件 ${part} 含有 DOCTYPE 声明，工作簿不应有，已拒绝（可能是恶意构造的文件）`);
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const fail = (why: string): never => {
    throw new XmlError(`部件 ${part} 不是有效的 XML（${why}）`);
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > i) {
      const t = text.slice(i, textEnd);
      if (stack.length > 1) stack[stack.length - 1].children.push(decodeEntities(t));
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end < 0) fail('处理指令未结束');
      i = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end < 0) fail('注释未结束');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end < 0) fail('CDATA 未结束');
      stack[stack.length - 1].children.push(text.slice(lt + 9, end));
      i = end + 3;
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt);
      if (end < 0) fail('结束标签未结束');
      const name = local(text.slice(lt + 2, end).trim());
      const top = stack.pop();
      if (!top || top === root || top.name !== name) fail(`结束标签 ${name} 不匹配`);
      i = end + 1;
    } else {
      START_TAG.lastIndex = lt;
      const tag = START_TAG.exec(text);
      if (!tag) fail('标签格式不正确');
      const attrs: Record<string, string> = {};
      for (const a of tag![2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[local(a[1])] = decodeEntities(a[2] ?? a[3]);
      const el: XmlElement = { name: local(tag![1]), attrs, children: [] };
      stack[stack.length - 1].children.push(el);
      if (!tag![3]) stack.push(el);
      if (stack.length > 256) fail('嵌套过深');
      i = lt + tag![0].length;
    }
  }
  if (stack.length !== 1) fail('标签未闭合');
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) fail('没有根元素');
  return top!;
}

/** Child elements of an element with the given local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The first child element with the given local name. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The text directly inside an element. */
export function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}

/** Decodes the `_xHHHH_` escapes OOXML uses in strings for characters XML cannot carry. */
export function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Escapes what XML cannot carry (control characters, CR) and literal `_xHHHH_` as OOXML does. */
export function encodeXstring(s: string): string {
  return s.replace(/_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g, (m) =>
    m.length > 1 ? `_x005F_${m.slice(1)}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

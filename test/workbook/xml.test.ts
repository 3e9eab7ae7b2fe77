/** The workbook XML parser: entities, CDATA, prefixes, escapes, and what it refuses. */
import { decodeXstring, encodeXstring, parseXml, textOf, childNamed, XmlError } from '../../src/workbook/xml';

test('entities, numeric references, CDATA, comments, prefixes dropped', () => {
  const el = parseXml('<?xml version="1.0"?><x:a xmlns:x="u" r:id="7"><!-- c --><b>&lt;&amp;&#20013;&#x6587;&quot;</b><c><![CDATA[<raw>]]></c></x:a>', 'p');
  expect(el.name).toBe('a');
  expect(el.attrs.id).toBe('7');
  expect(textOf(childNamed(el, 'b')!)).toBe('<&中文"');
  expect(textOf(childNamed(el, 'c')!)).toBe('<raw>');
});

test('malformed XML and DOCTYPE are refused with the part named', () => {
  expect(() => parseXml('<a><b></a>', 'xl/x.xml')).toThrow(XmlError);
  expect(() => parseXml('<a>', 'xl/x.xml')).toThrow(/xl\/x\.xml/);
  expect(() => parseXml('<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>', 'xl/x.xml')).toThrow(/DOCTYPE/);
});

test('_xHHHH_ escapes: control characters and CR survive a round trip, and so does a literal _x0041_', () => {
  for (const s of ['a\u0007b', 'line\r\nnext', '_x0041_ stays', 'tab\tkeeps', '\ufffe']) expect(decodeXstring(encodeXstring(s))).toBe(s);
  expect(encodeXstring('_x0041_')).toBe('_x005F_x0041_');
});

test('a large part parses in one pass', () => {
  const rows = Array.from({ length: 50000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
  const el = parseXml(`<worksheet><sheetData>${rows}</sheetData></worksheet>`, 'sheet');
  expect(childNamed(el, 'sheetData')!.children).toHaveLength(50000);
});

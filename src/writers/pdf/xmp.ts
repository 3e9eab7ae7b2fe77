/**
 * The document's XMP metadata packet (ISO 16684-1; PDF 1.7 §14.3.2): title, author,
 * language, dates and producer, the same values as the Info dictionary. Archiving and
 * accessibility checkers and PDF 2.0 readers take metadata from here, not from Info.
 */
import { name, type PdfFile, type PdfRef } from './objects';

/** What the packet says. */
export interface XmpFields {
  title: string;
  author: string;
  language: string;
  subject?: string;
  keywords?: string[];
  producer: string;
  date: Date;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XMP packet as text (UTF-8 when written). */
export function xmpPacket(f: XmpFields): string {
  const date = f.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escape(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:language><rdf:Bag><rdf:li>${escape(f.language)}</rdf:li></rdf:Bag></dc:language>`,
    f.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(f.subject)}</rdf:li></rdf:Alt></dc:description>` : '',
    f.keywords?.length ? `<pdf:Keywords>${escape(f.keywords.join(' '))}</pdf:Keywords>` : '',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escape(f.producer)}</xmp:CreatorTool>`,
    `<pdf:Producer>${escape(f.producer)}</pdf:Producer>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return lines.filter(Boolean).join('\n');
}

/** Adds the packet as an uncompressed metadata stream (readable without a PDF parser) and returns it. */
export function writeXmp(pdf: PdfFile, fields: XmpFields): PdfRef {
  return pdf.stream({ Type: name('Metadata'), Subtype: name('XML') }, Buffer.from(xmpPacket(fields), 'utf8'));
}

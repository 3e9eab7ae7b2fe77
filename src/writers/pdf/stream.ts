/** Flate-compressed PDF streams. */
import { deflateSync, type ZlibOptions } from 'node:zlib';
import { name, sizedZlib, type PdfDict, type PdfFile, type PdfRef } from './objects';

/** Adds bytes already zlib-compressed as a FlateDecode stream with the extra dictionary entries `dict`. */
export function compressedStream(pdf: PdfFile, deflated: Uint8Array, dict: PdfDict = {}): PdfRef {
  return pdf.stream({ ...dict, Filter: name('FlateDecode') }, deflated);
}

/** Adds `data` (a string is UTF-8) as a FlateDecode stream with the extra dictionary entries `dict`. */
export function flateStream(pdf: PdfFile, data: Uint8Array | string, dict: PdfDict = {}, zlib?: ZlibOptions): PdfRef {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return compressedStream(pdf, deflateSync(bytes, zlib ?? sizedZlib(bytes.length)), dict);
}

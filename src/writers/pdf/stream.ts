/**
 * A Flate-compressed PDF stream whose bytes are copied into the output with one
 * `Uint8Array.set`. pdf-lib's own streams copy their contents byte by byte in a JS loop,
 * which costs milliseconds for the font programs of every document.
 */
import { deflateSync, type ZlibOptions } from 'node:zlib';
import { PDFDict, PDFStream, type PDFContext, type PDFRef } from 'pdf-lib';

const STREAM = new Uint8Array([0x0a, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d, 0x0a]); // "\nstream\n"
const ENDSTREAM = new Uint8Array([0x0a, 0x65, 0x6e, 0x64, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]); // "\nendstream"

class BytesStream extends PDFStream {
  constructor(
    dict: PDFDict,
    readonly contents: Uint8Array,
  ) {
    super(dict);
  }
  override getContents(): Uint8Array {
    return this.contents;
  }
  override getContentsSize(): number {
    return this.contents.length;
  }
  override getContentsString(): string {
    return Buffer.from(this.contents).toString('latin1');
  }
  asUint8Array(): Uint8Array {
    return this.contents.slice();
  }
  override clone(context?: PDFContext): BytesStream {
    return new BytesStream(this.dict.clone(context), this.contents.slice());
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, offset);
    offset += STREAM.length;
    buffer.set(this.contents, offset);
    offset += this.contents.length;
    buffer.set(ENDSTREAM, offset);
    offset += ENDSTREAM.length;
    return offset - start;
  }
}

/** Registers `data` as a FlateDecode stream with the extra dictionary entries `dict`. */
export function flateStream(
  context: PDFContext,
  data: Uint8Array | string,
  dict: Record<string, number | string> = {},
  zlib: ZlibOptions = {},
): PDFRef {
  const d = context.obj({ ...dict, Filter: 'FlateDecode' }) as PDFDict;
  return context.register(new BytesStream(d, deflateSync(data, zlib)));
}

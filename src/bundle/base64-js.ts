/**
 * The bundle's stand-in for the `base64-js` package the line breaker loads its Unicode table
 * with (esbuild resolves it here; see scripts/bundle.js): Node's own decoder. A CommonJS
 * export, as the package's, which its user reads through an interop default.
 */

/** The bytes of base64 text, in an array of their own. */
function toByteArray(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** Base64 text of bytes. */
function fromByteArray(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export = { toByteArray, fromByteArray };

// Text of a PDF as pdf.js extracts it (pdf.js draws only embedded fonts), with pagination
// artifacts (marked /Artifact, e.g. page numbers) left out, and every warning pdf.js prints.
// pdfjs-dist is ESM-only, so tests run this with node:
//   node pdf-text.mjs FILE.pdf → {"pages": ["…", …], "warnings": […], "fonts": […],
//   "outline": [{"title", "page", "items": […]}, …], "marked": true|false,
//   "structure": [["Document", "H1", …] per page: roles of the structure tree, depth first]}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const warnings = [];
const log = console.log;
console.log = (...a) => warnings.push(a.join(' '));
console.warn = console.log;
console.error = console.log;
const require = createRequire(import.meta.url);
// pdf.js 6 is written for Node 22; Node 20 lacks these two (the browser preview has both).
Promise.withResolvers ??= function () {
  let resolve, reject;
  const promise = new this((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};
ArrayBuffer.prototype.transferToFixedLength ??= function (length = this.byteLength) {
  const moved = structuredClone(this, { transfer: [this] });
  if (length === moved.byteLength) return moved;
  const out = new ArrayBuffer(length);
  new Uint8Array(out).set(new Uint8Array(moved, 0, Math.min(length, moved.byteLength)));
  return out;
};
const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const data = new Uint8Array(readFileSync(process.argv[2]));
const task = pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.WARNINGS, useSystemFonts: false, disableFontFace: true, isEvalSupported: false });
const doc = await task.promise;
const pages = [];
const fonts = new Set();
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  await page.getOperatorList();
  const tc = await page.getTextContent({ includeMarkedContent: true });
  let artifact = 0;
  let text = '';
  for (const it of tc.items) {
    if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
      if (artifact || it.tag === 'Artifact') artifact++;
    } else if (it.type === 'endMarkedContent') {
      if (artifact) artifact--;
    } else if (!artifact && typeof it.str === 'string') {
      text += it.str + (it.hasEOL ? '\n' : '');
      if (it.fontName) fonts.add(it.fontName);
    }
  }
  pages.push(text);
}
// Bookmarks with the page each opens (1-based).
const outlineOf = async (items) =>
  Promise.all(
    (items ?? []).map(async (o) => {
      const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
      const page = dest ? (await doc.getPageIndex(dest[0])) + 1 : null;
      return { title: o.title, page, items: await outlineOf(o.items) };
    }),
  );
const outline = await outlineOf(await doc.getOutline());
const markInfo = await doc.getMarkInfo(); // a Map in pdf.js 6, an object before
const marked = (markInfo instanceof Map ? markInfo.get('Marked') : markInfo?.Marked) === true;
const structure = [];
for (let i = 1; i <= doc.numPages; i++) {
  const roles = [];
  const walk = (n) => {
    if (n.role && n.role !== 'Root') roles.push(n.role);
    for (const c of n.children ?? []) walk(c);
  };
  walk((await (await doc.getPage(i)).getStructTree()) ?? {});
  structure.push(roles);
}
await task.destroy();
console.log = log;
log(JSON.stringify({ pages, warnings, fonts: [...fonts], outline, marked, structure }));

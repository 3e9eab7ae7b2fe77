// What a compiled volume's test needs from a PDF, as pdf.js reads it: per page the content
// text and the artifact text (page numbers, leaders) apart, the bookmarks with the page each
// opens, and the page count. No rendering, so a volume of a thousand pages reads quickly.
//   node pdf-volume.mjs FILE.pdf → {"pages": [{"text", "artifacts"}], "outline": [...], "numPages"}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
Promise.withResolvers ??= function () {
  let resolve, reject;
  const promise = new this((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};
const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.ERRORS, useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const tc = await page.getTextContent({ includeMarkedContent: true });
  let artifact = 0;
  let text = '';
  let artifacts = '';
  for (const it of tc.items) {
    if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
      if (artifact || it.tag === 'Artifact') artifact++;
    } else if (it.type === 'endMarkedContent') {
      if (artifact) artifact--;
    } else if (typeof it.str === 'string') {
      if (artifact) artifacts += it.str;
      else text += it.str + (it.hasEOL ? '\n' : '');
    }
  }
  pages.push({ text, artifacts });
  page.cleanup();
}
const outlineOf = async (items) =>
  Promise.all(
    (items ?? []).map(async (o) => {
      const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
      const page = dest ? (await doc.getPageIndex(dest[0])) + 1 : null;
      return { title: o.title, page, items: await outlineOf(o.items) };
    }),
  );
const outline = await outlineOf(await doc.getOutline());
const tree = await (await doc.getPage(1)).getStructTree();
process.stdout.write(JSON.stringify({ numPages: doc.numPages, pages, outline, firstPageStructure: tree }));

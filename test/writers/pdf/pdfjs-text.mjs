// Extracts the text of a PDF with pdf.js (which draws only embedded fonts) and reports
// every warning pdf.js prints. pdfjs-dist is ESM-only, so the jest tests run this with node:
//   node pdfjs-text.mjs FILE.pdf  → {"pages": ["text of page 1", …], "warnings": [...], "fonts": [...]}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const warnings = [];
const log = console.log;
console.log = (...a) => warnings.push(a.join(' '));
console.warn = console.log;
console.error = console.log;
const require = createRequire(import.meta.url);
const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.WARNINGS, useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
const pages = [];
const fonts = new Set();
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  // Parse every glyph program: getOperatorList loads the fonts as the renderer would.
  await page.getOperatorList();
  const tc = await page.getTextContent();
  pages.push(tc.items.map((it) => it.str + (it.hasEOL ? '\n' : '')).join(''));
  for (const it of tc.items) if (it.fontName) fonts.add(it.fontName);
}
await doc.destroy();
console.log = log;
log(JSON.stringify({ pages, warnings, fonts: [...fonts] }));

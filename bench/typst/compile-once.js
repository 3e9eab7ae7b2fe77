#!/usr/bin/env node
'use strict';
// node bench/typst/compile-once.js [main.typ] [out.pdf]
// One fresh process doing what one `xxgk render -f pdf` does for Typst: load the compiler with
// the faces of fonts/, compile the document, write its PDF.
const { writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { createCompiler, compilePdf } = require('./typst-compiler');

const main = resolve(process.argv[2] ?? join(__dirname, 'report.typ'));
const out = resolve(process.argv[3] ?? main.replace(/\.typ$/, '') + '.pdf');
try {
  const { pdf, pages } = compilePdf(createCompiler(dirname(main)), main);
  writeFileSync(out, pdf);
  process.stderr.write(`${out} (${pages} pages)\n`);
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}

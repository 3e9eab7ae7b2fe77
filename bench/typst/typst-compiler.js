'use strict';
// The Typst compiler of the peer comparison, with the faces of fonts/ and no system fonts.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const FONTS = join(root, 'fonts');
const PACKAGE = '@myriaddreamin/typst-ts-node-compiler';

/**
 * The compiler's API always adds the system fonts (it has no switch like the CLI's
 * --ignore-system-fonts); on Linux its font search reads the fontconfig file that
 * FONTCONFIG_FILE names, so a file whose only font folder holds no fonts leaves just the faces
 * given by path, as `xxgk render --no-system-fonts` has (elsewhere the system fonts stay: the
 * documents name only the Fandol and Noto families and never fall back, so only the start-up
 * scan differs). Written once and renamed into place, so a process starting meanwhile never
 * reads half a file (and falls back to the system folders).
 */
function hideSystemFonts() {
  const dir = join(tmpdir(), 'xxgk-bench-typst-no-fonts');
  const file = join(dir, 'fonts.conf');
  const xml = dir.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = `<?xml version="1.0"?>\n<fontconfig><dir>${xml}</dir></fontconfig>\n`;
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    mkdirSync(dir, { recursive: true });
    const part = `${file}.${process.pid}`;
    writeFileSync(part, text);
    renameSync(part, file);
  }
  process.env.FONTCONFIG_FILE = file;
}

/** Loads the compiler package; a clear message when the optional native part is missing. */
function loadTypst() {
  try {
    return require(PACKAGE);
  } catch (e) {
    throw new Error(`cannot load ${PACKAGE} (a devDependency: run npm ci; its native part exists for common platforms only): ${e.message}`);
  }
}

/** A compiler whose fonts are the files in fonts/; a main file given by path must lie in `workspace`. */
function createCompiler(workspace = __dirname) {
  hideSystemFonts();
  const { NodeCompiler } = loadTypst();
  return NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [FONTS] }] });
}

/** Compiles the main file (a path in the workspace, or its text) to PDF bytes; throws with Typst's diagnostics. */
function compilePdf(compiler, main) {
  const args = typeof main === 'string' ? { mainFilePath: main } : { mainFileContent: main.content };
  const r = compiler.compile(args);
  const doc = r.result;
  if (!doc || r.hasError()) {
    const err = r.takeError() ?? r.takeDiagnostics();
    throw new Error(`typst compile failed: ${JSON.stringify(err ? err.shortDiagnostics : []).slice(0, 2000)}`);
  }
  return { pdf: compiler.pdf(doc), pages: doc.numOfPages };
}

/** The version of Typst inside the compiler package (Typst's own `sys.version`). */
function typstVersion(compiler) {
  const r = compiler.compile({ mainFileContent: '#metadata(str(sys.version)) <v>' });
  return compiler.query(r.result, { selector: '<v>', field: 'value' })[0];
}

module.exports = { createCompiler, compilePdf, typstVersion, FONTS, PACKAGE };

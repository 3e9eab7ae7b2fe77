import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../support/cli';

const SRC = join(ROOT, 'src');
/** Layers below the command line: they serve the library too, so they must not reach up into it. */
const LOWER_LAYERS = ['pipeline', 'batch', 'preview'];

/** Every module specifier a source file names: import/export … from, import(), require(), bare import. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]);
  return found;
}

/** The specifiers of `file` (a path under src/) that resolve into src/cli. */
function cliImports(file: string, source: string): string[] {
  const cli = join(SRC, 'cli');
  return specifiers(source).filter((s) => {
    if (!s.startsWith('.')) return false;
    const target = resolve(dirname(file), s);
    return target === cli || target.startsWith(cli + sep);
  });
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('layering', () => {
  it('finds an import of src/cli in every form a module can take (so the scan below is not vacuous)', () => {
    const file = join(SRC, 'batch', 'example.ts');
    const source = [
      "import { UsageError } from '../cli/exit-codes';",
      "export { EXIT } from '../cli/exit-codes';",
      "const m = require('../cli/main') as typeof import('../cli/main');",
      "import '../cli';",
      "import { x } from '../errors/usage-error';",
    ].join('\n');
    expect(cliImports(file, source)).toEqual(['../cli/exit-codes', '../cli/exit-codes', '../cli/main', '../cli/main', '../cli']);
  });

  it.each(LOWER_LAYERS)('nothing under src/%s imports from src/cli', (layer) => {
    const offending = tsFiles(join(SRC, layer)).flatMap((f) => cliImports(f, readFileSync(f, 'utf8')).map((s) => `${relative(ROOT, f)}: ${s}`));
    expect(offending).toEqual([]);
  });
});

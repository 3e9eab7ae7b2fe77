import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/cli';

const SCANNED = ['src', 'bin', 'scripts', 'test', 'templates', 'bench'];
const TEXT = /\.(ts|js|mjs|cjs|hbs|md|py|json|ya?ml)$/;

/** Documents outside the repository (a clone has none of them), cited by name. */
const OUTSIDE = /DESIGN\.md|format\.md|tech[ -]notes|\.\.\/shared\b/;
/** A citation of the repository's own design documents, with an optional section. */
const CITATION = /docs\/(ARCHITECTURE|FORMAT|TECH-NOTES)\.md(?: §([A-Z0-9]+(?:\.[0-9]+)?))?/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return TEXT.test(e.name) && p !== __filename ? [p] : [];
  });
}

const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)));

describe('citations in the sources', () => {
  it('point into docs/, never to design notes that are not in the repository', () => {
    expect(files.length).toBeGreaterThan(100);
    const bad = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [`${relative(ROOT, f)}:${i + 1}`, line] as const)
        .filter(([, line]) => OUTSIDE.test(line))
        .map(([where, line]) => `${where}: ${line.trim()}`),
    );
    expect(bad).toEqual([]);
  });

  it('name sections that exist in the cited document', () => {
    const docs = new Map(['ARCHITECTURE', 'FORMAT', 'TECH-NOTES'].map((d) => [d, readFileSync(join(ROOT, 'docs', `${d}.md`), 'utf8')]));
    const cited = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(CITATION)].map((m) => ({ file: relative(ROOT, f), doc: m[1], section: m[2] })));
    expect(cited.length).toBeGreaterThan(10);
    const missing = cited.filter(({ doc, section }) => section && !new RegExp(`^#{2,3} ${section.replace(/\./g, '\\.')}[. ]`, 'm').test(docs.get(doc)!));
    expect(missing).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocument, type ImportResult } from '../../src/import/import-report';
import { readSource } from '../../src/import/read-source';

const DIR = join(__dirname, '..', 'fixtures', 'import');
const FIXTURES = ['blank-zeros', 'typed-casually'];
const KINDS = ['docx', 'html', 'pdf'] as const;

/** Per fixture: cells read exactly, derived correctly, unread, and wrong (read or derived ≠ the truth). */
export function score(result: ImportResult, truth: Record<string, number | string>): { exact: number; derived: number; unread: number; wrong: string[] } {
  const s = { exact: 0, derived: 0, unread: 0, wrong: [] as string[] };
  for (const [path, f] of result.figures.byPath) {
    if (f.state === 'unread') s.unread++;
    else if (String(f.value) !== String(truth[path])) s.wrong.push(`${path}: ${f.value} ≠ ${truth[path]}`);
    else if (f.state === 'derived') s.derived++;
    else s.exact++;
  }
  return s;
}

describe('import: reports made by other tools (python-docx, saved by LibreOffice as PDF and HTML)', () => {
  const cases = FIXTURES.flatMap((name) => KINDS.map((kind) => [name, kind] as const));
  test.each(cases)('%s.%s: every number is read or listed as unread, none wrong', async (name, kind) => {
    const truth = JSON.parse(readFileSync(join(DIR, `${name}.truth.json`), 'utf8'));
    const result = importDocument(await readSource(`${name}.${kind}`, readFileSync(join(DIR, `${name}.${kind}`))));
    const s = score(result, truth.figures);
    if (process.env.IMPORT_SCORES) process.stdout.write(`${name}.${kind}: exact ${s.exact}, derived ${s.derived}, unread ${s.unread}, wrong ${s.wrong.length}; ${result.summary}\n`);
    expect(s.wrong).toEqual([]);
    expect(result.data.agency).toBe(truth.agency);
    expect(result.data.year).toBe(truth.year);
    expect(result.sections).toBe(6);
  }, 60_000);
});

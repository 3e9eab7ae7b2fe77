/**
 * The suite must give the same verdict on a loaded machine as on an idle one and on every run:
 * randomness comes from the one seed (test/support/fuzz.ts), and no test sleeps for a fixed time
 * or times itself (timing goals belong to `npm run bench`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/cli';

const TEST = join(ROOT, 'test');
/** Not tests: prints timings when run by hand (see its header). */
const TIMING_SCRIPTS = new Set(['test/layout/timing.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|mjs|js)$/.test(e.name) ? [p] : [];
  });
}

const files = sourceFiles(TEST)
  .map((p) => ({ name: relative(ROOT, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }))
  .filter((f) => f.name !== 'test/architecture/test-hygiene.test.ts');
const count = (text: string, re: RegExp) => [...text.matchAll(re)].length;

/** Where a pattern occurs, as `file:line: text`. */
function occurrences(re: RegExp, skip: (name: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const f of files) {
    if (skip(f.name)) continue;
    f.text.split('\n').forEach((line, i) => {
      if (re.test(line)) found.push(`${f.name}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

const SLEEP = /\bsleep\s*\(|setTimeout\(\s*(r|res|resolve)\s*,|waitForTimeout\(/;
const CLOCK = /performance\.now\(|process\.hrtime|Date\.now\(\)\s*-/;

describe('test hygiene', () => {
  test('the scans find what they look for (so the checks below are not vacuous)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(SLEEP.test('await sleep(600);')).toBe(true);
    expect(SLEEP.test('await new Promise((res) => setTimeout(res, 10));')).toBe(true);
    expect(SLEEP.test('const t = setTimeout(() => reject(new Error(what)), WAIT_MS);')).toBe(false);
    expect(CLOCK.test('const ms = performance.now() - t0;')).toBe(true);
    expect(CLOCK.test('const elapsed = Date.now() - start;')).toBe(true);
    expect(CLOCK.test('const later = new Date(Date.now() + 5000);')).toBe(false);
    expect(files.some((f) => count(f.text, /\bfc\.assert\(/g) > 0)).toBe(true);
  });

  test('every fast-check property runs with the suite seed (fuzzParams), so FUZZ_SEED replays it', () => {
    const unseeded = files
      .map((f) => ({ file: f.name, asserts: count(f.text, /\bfc\.assert\(/g), seeded: count(f.text, /\bfuzzParams\(/g) }))
      .filter((f) => f.asserts > f.seeded);
    expect(unseeded).toEqual([]);
  });

  test('no other randomness than the seeded one', () => {
    expect(occurrences(/Math\.random\(|FC_SEED/)).toEqual([]);
  });

  test('no fixed sleeps: tests wait for the event itself', () => {
    expect(occurrences(SLEEP)).toEqual([]);
  });

  test('no test reads a clock to time itself', () => {
    expect(occurrences(CLOCK, (name) => TIMING_SCRIPTS.has(name))).toEqual([]);
  });
});

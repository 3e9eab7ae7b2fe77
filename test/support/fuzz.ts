/**
 * The one seed of every randomised test (fast-check properties and seeded generators), its run
 * counts, and the command a failure prints to replay it.
 *
 *   FUZZ_SEED=123 npx jest test/reliability        other cases than the fixed ones
 *   FUZZ_RUNS=3000 npx jest test/reliability       a long run
 */
import { relative } from 'node:path';
import fc from 'fast-check';
import { seeded } from './county-reports';

/** The fixed seed: without FUZZ_SEED every run checks the same cases. */
export const DEFAULT_FUZZ_SEED = 20261207;

/** The seed: FUZZ_SEED (an integer) when set, else {@link DEFAULT_FUZZ_SEED}. */
export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_FUZZ_SEED;
  const s = Number(raw);
  // fast-check takes a 32-bit integer; a typo must not silently run the default cases.
  if (!Number.isSafeInteger(s)) throw new Error(`FUZZ_SEED should be an integer, not ${JSON.stringify(raw)}`);
  return s | 0;
}

/**
 * Runs of a property: `FUZZ_RUNS=3000 npx jest test/reliability` for a long run; the
 * default keeps the folder fast. `share` scales properties that are slower per case.
 */
export function fuzzRuns(defaultRuns: number, share = 1): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.max(1, Math.round(n * share)) : defaultRuns;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The command that runs the current test again with `seed` (and FUZZ_RUNS, when set). */
export function replayCommand(seed = fuzzSeed()): string {
  const { testPath, currentTestName } = expect.getState();
  const file = testPath ? relative(process.cwd(), testPath) : '<test file>';
  const runs = process.env.FUZZ_RUNS ? `FUZZ_RUNS=${process.env.FUZZ_RUNS} ` : '';
  const only = currentTestName ? ` -t ${shellQuote(`^${regexEscape(currentTestName)}$`)}` : '';
  return `FUZZ_SEED=${seed} ${runs}npx jest ${file}${only}`;
}

/**
 * fast-check parameters with the suite's seed: a failure reports fast-check's counterexample,
 * seed and path, then the command that replays it.
 */
export function fuzzParams<Ts>(numRuns: number, extra: Omit<fc.Parameters<Ts>, 'seed' | 'numRuns' | 'reporter' | 'asyncReporter'> = {}): fc.Parameters<Ts> {
  const seed = fuzzSeed();
  return {
    ...extra,
    seed,
    numRuns,
    reporter: (details) => {
      if (!details.failed) return;
      throw new Error(`${fc.defaultReportMessage(details)}\n\nReplay: ${replayCommand(seed)}`, { cause: details.errorInstance });
    },
  };
}

/** A generator of numbers in [0, 1) from the suite's seed (for randomness outside fast-check). */
export function seededRandom(seed = fuzzSeed()): () => number {
  return seeded(seed);
}

/** Runs `check`; a failure's message gains the seed's replay command. */
export async function withReplay<T>(check: () => T | Promise<T>, seed = fuzzSeed()): Promise<T> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof Error) {
      const hint = `\n\nReplay (seed ${seed}): ${replayCommand(seed)}`;
      // jest prints the stack, which begins with the message as it was when the error was made
      if (e.stack?.includes(e.message)) e.stack = e.stack.replace(e.message, () => e.message + hint);
      else e.message += hint;
    }
    throw e;
  }
}

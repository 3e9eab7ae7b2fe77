import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '..', '..');
/** The real example report. */
export const EXAMPLE = join(ROOT, 'examples', 'pingluo-kejiju-2021.yaml');

/** Runs the built CLI (`npm test` builds first) and returns its exit code and output. */
export function xxgk(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'xxgk.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    maxBuffer: 64 << 20,
  });
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'xxgk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

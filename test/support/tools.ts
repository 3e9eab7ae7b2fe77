/**
 * Outside tools some tests drive (LibreOffice, poppler, qpdf, Ghostscript, xmllint): CI installs
 * them (.ci/run); elsewhere the tests that need one are skipped, and the run says which and why.
 */
import { spawnSync } from 'node:child_process';

/** Whether every command is on the PATH. */
export function hasCommands(...commands: string[]): boolean {
  return commands.every((c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0);
}

/**
 * `it` where every command is installed, else `it.skip` after one console line naming what is
 * skipped and the commands (with `hint`, where to get them).
 */
export function whereInstalled(what: string, commands: string[], hint = ''): { available: boolean; maybe: jest.It } {
  const available = hasCommands(...commands);
  if (!available) {
    // eslint-disable-next-line no-console
    console.warn(`skipping ${what}: ${commands.join(', ')} not all installed${hint ? ` (${hint})` : ''}`);
  }
  return { available, maybe: available ? it : it.skip };
}

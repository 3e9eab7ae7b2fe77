/**
 * Outside tools some tests drive (LibreOffice, poppler, qpdf, Ghostscript, xmllint): CI installs
 * them (.ci/run); elsewhere the tests that need one are skipped, and the run says which and why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

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

/**
 * Converts `files` to PDF with LibreOffice, headless, into `dir`, with a profile of its own
 * in `dir` (two runs never share one); `env` sets, say, the fontconfig file. Throws when it fails.
 */
export function libreOfficeToPdf(dir: string, files: readonly string[], env?: NodeJS.ProcessEnv): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'ignore',
    timeout: 170_000,
    env,
  });
}

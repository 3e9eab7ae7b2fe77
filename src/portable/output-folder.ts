import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** The folder a dropped folder's documents go to inside it. */
export const OUTPUT_NAME = '输出';

/**
 * The user's documents folder (文档 in a Chinese Windows or UOS): %USERPROFILE%\Documents on
 * Windows, else XDG_DOCUMENTS_DIR or ~/文档 when it exists or ~/Documents.
 */
export function documentsFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.USERPROFILE || home, 'Documents');
  if (env.XDG_DOCUMENTS_DIR) return env.XDG_DOCUMENTS_DIR;
  const zh = join(home, '文档');
  return existsSync(zh) ? zh : join(home, 'Documents');
}

/** True when files can be created in `dir` (made if missing); tried by writing, as Windows' read-only flags and shares answer only that. */
function writable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.xxgk-${process.pid}.probe`);
    writeFileSync(probe, '');
    unlinkSync(probe);
    return true;
  } catch {
    return false;
  }
}

/** Where a dropped folder's documents go: its 输出, or 文档\xxgk输出\<folder> when it cannot be written. */
export function dropOutputFolder(folder: string, documents = documentsFolder()): { dir: string; fallback: boolean } {
  const inside = join(folder, OUTPUT_NAME);
  if (writable(inside)) return { dir: inside, fallback: false };
  return { dir: join(documents, 'xxgk输出', basename(folder) || 'xxgk'), fallback: true };
}

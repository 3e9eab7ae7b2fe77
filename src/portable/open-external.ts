import { spawn } from 'node:child_process';

/**
 * Opens a web address in the default browser or a folder in Explorer (xdg-open elsewhere),
 * without waiting and without failing: where nothing opens, the console still shows it.
 */
export function openExternal(target: string, platform: NodeJS.Platform = process.platform): void {
  // Explorer opens both a folder and an http address (in the default browser); `start` would need cmd's quoting.
  const [cmd, args] = platform === 'win32' ? ['explorer.exe', [target]] : platform === 'darwin' ? ['open', [target]] : ['xdg-open', [target]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: false });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // nothing to open it with
  }
}

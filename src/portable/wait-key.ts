/**
 * Shows 按任意键退出 and waits for one key, so the console window Explorer opened for a drop
 * stays until the result is read. Returns at once when input is not a console (tests, pipes).
 */
export function waitForKey(stdin: NodeJS.ReadStream = process.stdin, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (!stdin.isTTY) return Promise.resolve();
  out.write('按任意键退出……');
  return new Promise((resolve) => {
    stdin.setRawMode(true);
    stdin.resume();
    stdin.once('data', () => {
      stdin.setRawMode(false);
      stdin.pause();
      out.write('\n');
      resolve();
    });
  });
}

/**
 * How the command line's process ends: quietly when its reader goes away, and at once when
 * the command is done and nothing is left to wait for.
 */

/** Ends the process quietly when a reader closes the pipe early (`xxgk rules | head -1`): that ends the output, it is no error. */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
}

const STANDARD_STREAMS = new Set(['PipeWrap', 'TTYWrap']);

/**
 * True when nothing but the standard streams keeps the process alive and they have written
 * everything (on Windows a pipe is written asynchronously).
 */
function nothingPending(): boolean {
  if (typeof process.getActiveResourcesInfo !== 'function') return false;
  return process.getActiveResourcesInfo().every((r) => STANDARD_STREAMS.has(r)) && process.stdout.writableLength === 0 && process.stderr.writableLength === 0;
}

/**
 * Sets the exit code, and leaves at once when nothing is pending: that skips the wind-down of
 * a natural exit (the heap's last collection and teardown), 10–16 ms of a fresh render here.
 * A command that left anything running (a server, a worker, a file being written) ends
 * naturally, after it.
 */
export function finish(code: number): void {
  process.exitCode = code;
  if (nothingPending()) process.exit(code);
}

/** Exit codes of every command (docs/ARCHITECTURE.md §3). */
export const EXIT = { ok: 0, dataError: 1, usage: 2 } as const;

// The command line's modules take the usage error from here, beside its exit code; it is
// defined below the CLI so that the library layers can raise it too.
export { UsageError } from '../errors/usage-error';

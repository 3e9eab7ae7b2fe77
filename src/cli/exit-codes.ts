/** Exit codes of every command (docs/ARCHITECTURE.md §3). */
export const EXIT = { ok: 0, dataError: 1, usage: 2 } as const;

/** A usage mistake (unknown flag, missing file): printed without a stack trace, exit 2. */
export class UsageError extends Error {}

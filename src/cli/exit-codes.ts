/** Exit codes of every command (DESIGN.md §3). */
export const EXIT = { ok: 0, dataError: 1, usage: 2 } as const;

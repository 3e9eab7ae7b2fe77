/** Exit codes of every command: 0 done, 1 data errors or a failed render, 2 a usage mistake. */
export const EXIT = { ok: 0, dataError: 1, usage: 2 } as const;

/** Raised when an input file cannot be read at all (a usage error, exit code 2). */
export class InputFileError extends Error {}

/**
 * A usage mistake (unknown flag, missing file, unwritable output folder): the command line
 * prints its Chinese message without a stack trace and exits 2. It lives below the CLI so
 * the library layers (pipeline, batch) can raise it without depending on the command line.
 */
export class UsageError extends Error {}

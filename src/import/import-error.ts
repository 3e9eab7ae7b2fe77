/**
 * A file `xxgk import` cannot turn into a report (not a report, no text, encrypted, a kind it
 * does not read, over a size cap): the message says what was found; the command line exits 1.
 */
export class ImportError extends Error {}

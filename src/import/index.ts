/**
 * `xxgk import`: an existing report (.docx, .pdf, .html, .txt) becomes report data
 * (docs/IMPORT.md). Loaded only by the import command and by `validate --previous` with such a file.
 */
import { readFileSync } from 'node:fs';
import { importDocument, type ImportResult } from './import-report';
import { ImportError } from './import-error';
import { readSource } from './read-source';

export { ImportError, type ImportResult };
export { isImportable } from './read-source';
export { toJson, toYaml } from './write-data';

/** Imports the report in `file`; throws `ImportError` for a file that is not a readable report. */
export async function importFile(file: string, bytes: Uint8Array = readFileSync(file)): Promise<ImportResult> {
  return importDocument(await readSource(file, bytes));
}

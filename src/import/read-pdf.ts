/** Placeholder until the PDF reader lands. */
import type { SourceDocument } from './blocks';
import { ImportError } from './import-error';

/** Reads a PDF's bytes as blocks. */
export async function readPdf(_bytes: Uint8Array): Promise<SourceDocument> {
  throw new ImportError('暂不支持导入 PDF');
}

/**
 * Reads an importable file into blocks, choosing the reader by the file's name and checking
 * its first bytes, so a file of another kind gets a message saying what it is.
 */
import { extname } from 'node:path';
import type { SourceDocument } from './blocks';
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './limits';

/** The extensions `xxgk import` reads. */
export const IMPORTABLE = ['.txt', '.docx', '.html', '.htm', '.pdf'] as const;

const OTHER_KINDS: Record<string, string> = {
  '.doc': '旧版 Word 文件（.doc）',
  '.wps': 'WPS 文字文件（.wps）',
  '.et': 'WPS 表格文件（.et）',
  '.xls': 'Excel 文件（.xls）',
  '.xlsx': 'Excel 工作簿（.xlsx）',
  '.ppt': '演示文稿（.ppt）',
  '.pptx': '演示文稿（.pptx）',
  '.odt': 'OpenDocument 文字文件（.odt）',
  '.rtf': 'RTF 文件（.rtf）',
  '.mht': '网页档案（.mht）',
  '.mhtml': '网页档案（.mhtml）',
};

/** Whether a file name is one `xxgk import` reads (by extension). */
export function isImportable(file: string): boolean {
  return (IMPORTABLE as readonly string[]).includes(extname(file).toLowerCase());
}

function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | 'other' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return 'other';
}

const SAVE_AS = '请用 Word 或 WPS 打开后“另存为” .docx，再导入';

/** Reads `bytes` of `file` as a source document; throws `ImportError` with a Chinese message. */
export async function readSource(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  const ext = extname(file).toLowerCase();
  if (bytes.length > IMPORT_LIMITS.inputBytes) {
    throw new ImportError(`文件有 ${(bytes.length / 1048576).toFixed(0)} MB，超过了导入的上限 ${IMPORT_LIMITS.inputBytes / 1048576} MB`);
  }
  if (bytes.length === 0) throw new ImportError('文件是空的');
  const kind = sniff(bytes);
  if (OTHER_KINDS[ext]) {
    const hint = ext === '.xlsx' || ext === '.xls' || ext === '.et' ? '表格文件不是报告全文：请导入报告的 Word、PDF 或网页文件' : SAVE_AS;
    throw new ImportError(`这是${OTHER_KINDS[ext]}，xxgk import 不能直接读取：${hint}`);
  }
  if (kind === 'ole') throw new ImportError(`文件内容是旧版 Word/WPS 格式（.doc/.wps），虽然名为 ${ext || '无扩展名'}：${SAVE_AS}`);
  switch (ext) {
    case '.txt':
      if (kind === 'zip' || kind === 'pdf') throw new ImportError(`文件名是 .txt，但内容是 ${kind === 'zip' ? 'Word 或其他压缩格式' : 'PDF'}：请改正扩展名后再导入`);
      return (require('./read-txt') as typeof import('./read-txt')).readTxt(bytes);
    case '.docx':
      if (kind !== 'zip') throw new ImportError('文件名是 .docx，但内容不是 Word 文件（.docx 是 zip 压缩包）');
      return (require('./read-docx') as typeof import('./read-docx')).readDocx(bytes);
    case '.html':
    case '.htm':
      if (kind !== 'other') throw new ImportError('文件名是网页（.html），但内容不是网页');
      return (require('./read-html') as typeof import('./read-html')).readHtml(bytes);
    case '.pdf':
      if (kind !== 'pdf') throw new ImportError('文件名是 .pdf，但内容不是 PDF 文件');
      return (require('./read-pdf') as typeof import('./read-pdf')).readPdf(bytes);
    default:
      throw new ImportError(`不能导入 ${ext || '没有扩展名的'} 文件：xxgk import 读取 .docx、.pdf、.html/.htm 和 .txt 格式的报告`);
  }
}

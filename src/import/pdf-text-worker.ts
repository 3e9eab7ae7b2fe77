/**
 * Text of a PDF with coordinates, extracted by pdf.js in a worker thread with `resourceLimits`
 * (docs/IMPORT.md §6): a hostile PDF can exhaust only the worker. pdf.js is ESM-only, so the
 * worker is a small CommonJS script (a string, run with `eval`) that imports it; it uses the
 * bundled character maps (`cMapUrl`, for the predefined Chinese CMaps), no system fonts, no eval.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './limits';

/** A piece of text on a page: its string and box in points (origin bottom left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page's size and text. */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// pdf.js 6 is written for Node 22; Node 20 lacks these two.
Promise.withResolvers ??= function () {
  let resolve, reject;
  const promise = new this((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};
ArrayBuffer.prototype.transferToFixedLength ??= function (length = this.byteLength) {
  const moved = structuredClone(this, { transfer: [this] });
  if (length === moved.byteLength) return moved;
  const out = new ArrayBuffer(length);
  new Uint8Array(out).set(new Uint8Array(moved, 0, Math.min(length, moved.byteLength)));
  return out;
};
for (const k of ['log', 'warn', 'error', 'info']) console[k] = () => {};
(async () => {
  const pdfjs = await import(workerData.pdfjs);
  const task = pdfjs.getDocument({
    data: workerData.bytes,
    cMapUrl: workerData.cmaps,
    cMapPacked: true,
    standardFontDataUrl: workerData.fonts,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
    password: '',
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    parentPort.postMessage({ error: e && e.name === 'PasswordException' ? 'password' : 'broken', message: String(e && e.message) });
    return;
  }
  if (doc.numPages > workerData.maxPages) {
    parentPort.postMessage({ error: 'pages', message: String(doc.numPages) });
    return;
  }
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    const tc = await page.getTextContent({ includeMarkedContent: true });
    let artifact = 0;
    const items = [];
    for (const it of tc.items) {
      if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
        if (artifact || it.tag === 'Artifact') artifact++;
      } else if (it.type === 'endMarkedContent') {
        if (artifact) artifact--;
      } else if (!artifact && typeof it.str === 'string' && it.str !== '') {
        const t = it.transform;
        items.push({ str: it.str, x: t[4] - x0, y: t[5] - y0, width: it.width, height: it.height || Math.hypot(t[2], t[3]) });
      }
    }
    pages.push({ width: x1 - x0, height: y1 - y0, items });
    page.cleanup();
  }
  await task.destroy();
  parentPort.postMessage({ pages });
})().catch((e) => parentPort.postMessage({ error: 'broken', message: String(e && e.message) }));
`;

/** Extracts the text items of every page; throws `ImportError` for a PDF that cannot be read. */
export function extractPdfText(bytes: Uint8Array): Promise<PdfPage[]> {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const workerData = {
    bytes: new Uint8Array(bytes),
    pdfjs: pathToFileURL(join(root, 'legacy', 'build', 'pdf.mjs')).href,
    cmaps: join(root, 'cmaps') + '/',
    fonts: join(root, 'standard_fonts') + '/',
    maxPages: IMPORT_LIMITS.pdfPages,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.pdfHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.on('message', (m: { pages?: PdfPage[]; error?: string; message?: string }) =>
      done(() => {
        if (m.pages) resolve(m.pages);
        else if (m.error === 'password') reject(new ImportError('PDF 文件有密码保护，无法读取：请用不加密的 PDF，或导入报告的 Word 文件'));
        else if (m.error === 'pages') reject(new ImportError(`PDF 文件有 ${m.message} 页，超过了导入的上限 ${IMPORT_LIMITS.pdfPages} 页`));
        else reject(new ImportError(`PDF 文件已损坏，无法读取（${m.message}）`));
      }),
    );
    worker.on('error', (e) =>
      done(() => reject(new ImportError(/memory|heap/i.test(String(e?.message)) ? 'PDF 文件读取时超出内存上限，拒绝读取' : `PDF 文件无法读取（${e?.message}）`))),
    );
    worker.on('exit', (code) => done(() => reject(new ImportError(`PDF 文件读取中断（${code}）`))));
  });
}

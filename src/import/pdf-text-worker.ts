/**
 * Text of a PDF with coordinates, and the straight lines drawn along its axes (table rules),
 * extracted by pdf.js in a worker thread with `resourceLimits` (docs/IMPORT.md §6): a hostile
 * PDF can exhaust only the worker. pdf.js is ESM-only, so the
 * worker is a small CommonJS script (a string, run with `eval`) that imports it; it uses the
 * bundled character maps (`cMapUrl`, for the predefined Chinese CMaps), no system fonts, no eval.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RuledLine } from './blocks';
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

/** A page's size, text and ruled lines (none when the page draws more than `IMPORT_LIMITS.pdfRules`). */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: RuledLine[];
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
// Stroked segments and thin filled rectangles along the axes, through the current transform
// (save/restore, cm, form XObjects). Paths are pdf.js's constructPath data: 0 moveTo, 1 lineTo,
// 2 curveTo, 3 quadraticCurveTo, 4 closePath.
function rulesOf(list, OPS, ox, oy) {
  const rules = [];
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const times = (a, b) => [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]];
  let m = [1, 0, 0, 1, 0, 0];
  const saved = [];
  const at = (x, y) => [m[0] * x + m[2] * y + m[4] - ox, m[1] * x + m[3] * y + m[5] - oy];
  const add = (p, q) => {
    const [x0, x1] = p[0] <= q[0] ? [p[0], q[0]] : [q[0], p[0]];
    const [y0, y1] = p[1] <= q[1] ? [p[1], q[1]] : [q[1], p[1]];
    if (x1 - x0 < 0.5 && y1 - y0 > 2) rules.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
    else if (y1 - y0 < 0.5 && x1 - x0 > 2) rules.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  };
  // A filled rectangle thinner than 2.5 points is a rule along its length.
  const bar = (pts) => {
    if (pts.length < 4 || pts.length > 5) return;
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (!pts.every((p) => (Math.abs(p[0] - x0) < 0.1 || Math.abs(p[0] - x1) < 0.1) && (Math.abs(p[1] - y0) < 0.1 || Math.abs(p[1] - y1) < 0.1))) return;
    if (x1 - x0 < 2.5 && y1 - y0 > 2) add([(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]);
    else if (y1 - y0 < 2.5 && x1 - x0 > 2) add([x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2]);
  };
  for (let i = 0; i < list.fnArray.length && rules.length <= workerData.maxRules; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save) saved.push(m);
    else if (fn === OPS.restore) m = saved.pop() ?? m;
    else if (fn === OPS.transform) m = times(args, m);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push(m);
      if (Array.isArray(args[0]) && args[0].length === 6) m = times(args[0], m);
    } else if (fn === OPS.paintFormXObjectEnd) m = saved.pop() ?? m;
    else if (fn === OPS.constructPath && (stroke.has(args[0]) || fill.has(args[0]))) {
      const d = args[1] && args[1][0];
      if (!d || typeof d.length !== 'number') continue;
      const stroked = stroke.has(args[0]);
      let cur, start, pts = [];
      const close = () => {
        if (fill.has(args[0])) bar(pts);
        pts = [];
      };
      for (let k = 0; k < d.length; ) {
        const op = d[k++];
        if (op === 0) {
          close();
          cur = start = at(d[k], d[k + 1]);
          pts.push(cur);
          k += 2;
        } else if (op === 1) {
          const p = at(d[k], d[k + 1]);
          if (stroked && cur) add(cur, p);
          cur = p;
          pts.push(p);
          k += 2;
        } else if (op === 2 || op === 3) {
          k += op === 2 ? 6 : 4;
          cur = at(d[k - 2], d[k - 1]);
          pts.push([NaN, NaN]);
        } else if (op === 4) {
          if (stroked && cur && start) add(cur, start);
          cur = start;
        } else break;
      }
      close();
    }
  }
  return rules.length > workerData.maxRules ? [] : rules;
}
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
    // Rules only help to read tables: a page whose drawing pdf.js cannot list is read by its text alone.
    const rules = await page.getOperatorList().then((list) => rulesOf(list, pdfjs.OPS, x0, y0), () => []);
    pages.push({ width: x1 - x0, height: y1 - y0, items, rules });
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
    maxRules: IMPORT_LIMITS.pdfRules,
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

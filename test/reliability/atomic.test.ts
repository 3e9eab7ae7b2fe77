/**
 * Outputs are written to a temporary file in the same folder and renamed: a render
 * killed with SIGKILL at any moment leaves, at the final path, either nothing (or the
 * previous complete file) or the new complete file, never a truncated one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { EXAMPLE, ROOT, tempDir, xxgk } from '../support/cli';
import { writeFileAtomic } from '../../src/util/atomic-write';
import { seededRandom, withReplay } from '../support/fuzz';
import { fuzzRuns, isCompletePdf, qpdfCheck } from './support';

const tmp = tempDir('xxgk-atomic-');
afterAll(tmp.cleanup);
const input = join(tmp.dir, 'report.yaml');
copyFileSync(EXAMPLE, input);

/** Starts a render into `out`; kills it with SIGKILL after `delayMs`, or as soon as a temporary file appears in `out`. */
function killedRender(out: string, when: { delayMs: number } | 'at-first-temporary-file'): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'xxgk.js'), 'render', input, '-o', out, '--no-system-fonts'], { stdio: 'ignore' });
  return new Promise((resolve) => {
    let poll: NodeJS.Timeout | undefined;
    let timer: NodeJS.Timeout | undefined;
    child.on('exit', (_code, signal) => {
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve(signal);
    });
    if (when === 'at-first-temporary-file') {
      const before = new Set(existsSync(out) ? readdirSync(out) : []);
      poll = setInterval(() => {
        if (existsSync(out) && readdirSync(out).some((f) => f.endsWith('.tmp') && !before.has(f))) child.kill('SIGKILL');
      }, 0);
    } else {
      timer = setTimeout(() => child.kill('SIGKILL'), when.delayMs);
    }
  });
}

/** What is at the final paths: each either absent or complete (`previous` bytes allowed too). */
async function expectNoPartialFile(out: string, previous?: { pdf: Buffer; docx: Buffer }): Promise<string> {
  const files = readdirSync(out);
  // Only the outputs and, after SIGKILL, hidden temporary files may be there.
  expect(files.filter((f) => !['report.pdf', 'report.docx'].includes(f) && !/^\.report\.(pdf|docx)\.\d+\.tmp$/.test(f))).toEqual([]);
  const pdfPath = join(out, 'report.pdf');
  const docxPath = join(out, 'report.docx');
  let state = '';
  if (existsSync(pdfPath)) {
    const pdf = readFileSync(pdfPath);
    expect(isCompletePdf(pdf)).toEqual({ ok: true });
    const q = qpdfCheck(pdfPath);
    if (q) expect({ ok: q.ok, output: q.ok ? '' : q.output }).toEqual({ ok: true, output: '' });
    state += previous && pdf.equals(previous.pdf) ? 'old-pdf ' : 'pdf ';
  }
  if (existsSync(docxPath)) {
    const docx = readFileSync(docxPath);
    const zip = await JSZip.loadAsync(docx); // throws on a truncated zip
    expect(zip.file('word/document.xml')).not.toBeNull();
    state += previous && docx.equals(previous.docx) ? 'old-docx' : 'docx';
  }
  return state.trim() || 'nothing';
}

describe('a render killed with SIGKILL never leaves a partial file', () => {
  test('at moments spread over the whole render (fresh folder each time)', async () => {
    // A render of the example takes about 0.7 s here; kill times cover 0–1.3 s evenly, jittered
    // from the suite's seed. Where a kill lands still depends on the machine's speed: any moment must do.
    const n = fuzzRuns(10, 0.01);
    const random = seededRandom();
    const delays = Array.from({ length: n }, (_, i) => Math.round(((i + random()) * 1300) / n));
    const seen: string[] = [];
    for (const delayMs of delays) {
      const out = join(tmp.dir, `random-${delayMs}`);
      mkdirSync(out, { recursive: true });
      await killedRender(out, { delayMs });
      seen.push(await withReplay(() => expectNoPartialFile(out)));
      rmSync(out, { recursive: true, force: true });
    }
    expect(seen).toHaveLength(n);
  });

  test('while writing (killed as soon as a temporary file exists), over an earlier complete render', async () => {
    const out = join(tmp.dir, 'while-writing');
    expect(xxgk(['render', input, '-o', out, '--no-system-fonts']).status).toBe(0);
    const previous = { pdf: readFileSync(join(out, 'report.pdf')), docx: readFileSync(join(out, 'report.docx')) };
    for (let i = 0; i < 2; i++) {
      const signal = await killedRender(out, 'at-first-temporary-file');
      const state = await expectNoPartialFile(out, previous);
      // SIGKILL arrived during the writes (or the render finished first on a fast machine)
      expect(signal === 'SIGKILL' || signal === null).toBe(true);
      expect(state).toMatch(/pdf/);
    }
  });

  test('the next run removes the temporary files of a killed one; a clean run leaves none', () => {
    const out = join(tmp.dir, 'while-writing');
    // What SIGKILL leaves (the kills above may or may not have hit a write): a process that is gone.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(out, `.report.pdf.${dead}.tmp`), '%PDF-1.7 partial');
    writeFileSync(join(out, `.report.docx.${dead}.tmp`), 'PK partial');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp')).length).toBeGreaterThanOrEqual(2);
    expect(xxgk(['render', input, '-o', out, '--no-system-fonts']).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report.docx', 'report.pdf']);
  });

  test('the temporary file is created exclusively: a symbolic link planted at its name is not written through', () => {
    const dir = join(tmp.dir, 'planted');
    mkdirSync(dir);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, `.out.pdf.${process.pid}.tmp`));
    writeFileAtomic(join(dir, 'out.pdf'), '%PDF-new');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'out.pdf'), 'utf8')).toBe('%PDF-new');
    expect(readdirSync(dir).sort()).toEqual(['out.pdf', 'victim.txt']);
  });
});

/**
 * PDFs made by another tool from wide figures: generated reports rendered by xxgk as .docx, laid
 * out again by LibreOffice (its own fonts and line breaks: numbers of adjacent cells may run
 * together) and imported. Skipped, with a message, where `soffice` is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FULL_RANGE } from './generated-report';
import { importBytes, printedFigures, renderTo } from './support';
import { fuzzSeed } from '../reliability/support';
import { libreOfficeToPdf, whereInstalled } from '../support/tools';

const ROOT = join(__dirname, '..', '..');

const { maybe } = whereInstalled('the LibreOffice PDF import', ['soffice'], 'Debian libreoffice-writer');

/** LibreOffice sees the bundled Fandol faces under the official names the .docx gives, so its PDF has Chinese text. */
const FONTS_CONF = `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${join(ROOT, 'fonts')}</dir>
${[
  ['仿宋_GB2312', 'FandolFang'],
  ['黑体', 'FandolHei'],
  ['楷体_GB2312', 'FandolKai'],
  ['方正小标宋简体', 'FandolSong'],
]
  .map(([name, face]) => `<alias><family>${name}</family><prefer><family>${face}</family></prefer></alias>`)
  .join('\n')}</fontconfig>`;

describe('import: generated reports as .docx, saved by LibreOffice as PDF (fixed seed; FUZZ_SEED replays)', () => {
  maybe(
    'no figure comes back wrong, and nearly all come back',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'xxgk-import-lo-'));
      try {
        const seed = fuzzSeed();
        const reports = fc.sample(FULL_RANGE, { seed, numRuns: 6 });
        const files = await Promise.all(
          reports.map(async (data, i) => {
            const file = join(dir, `r${i}.docx`);
            writeFileSync(file, await renderTo(data, 'docx'));
            return file;
          }),
        );
        writeFileSync(join(dir, 'fonts.conf'), FONTS_CONF);
        libreOfficeToPdf(dir, files, { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') });
        for (const [i, data] of reports.entries()) {
          const result = await importBytes(readFileSync(join(dir, `r${i}.pdf`)), 'pdf');
          const expected = printedFigures(data);
          const wrong: string[] = [];
          let read = 0;
          for (const [path, f] of result.figures.byPath) {
            if (f.state === 'unread') continue;
            read++;
            if (String(f.value) !== String(expected.get(path))) wrong.push(`${path}: ${f.value} ≠ ${expected.get(path)}`);
          }
          if (process.env.IMPORT_SCORES) process.stdout.write(`r${i}: read ${read}, wrong ${wrong.length}; ${result.summary}\n`);
          expect({ report: i, seed, wrong }).toEqual({ report: i, seed, wrong: [] });
          expect(read).toBeGreaterThanOrEqual(150);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

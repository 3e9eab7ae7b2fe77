/**
 * End to end: LibreOffice opens the .docx and renders the tables (skipped, with a message, where
 * `soffice` or `pdftotext` is not installed; CI installs both).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { GBT9704 } from '../../../src/style/settings';
import { writeDocx } from '../../../src/writers/docx';
import { exampleTree } from './example';
import { libreOfficeToPdf, whereInstalled } from '../../support/tools';

const { maybe } = whereInstalled('the LibreOffice round trip', ['soffice', 'pdftotext'], 'Debian libreoffice-writer, poppler-utils');

describe('LibreOffice', () => {
  maybe(
    'converts the example to PDF showing the tables',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'xxgk-docx-'));
      try {
        writeFileSync(join(dir, 'report.docx'), await writeDocx(exampleTree(), GBT9704));
        libreOfficeToPdf(dir, [join(dir, 'report.docx')]);
        readFileSync(join(dir, 'report.pdf'));
        const text = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
        for (const label of [
          '第二十条第（一）项',
          '行政事业性收费',
          '三、本年度办理结果',
          '申请人情况',
          '四、结转下年度继续办理',
          '行政复议',
          '未经复议直接起诉',
          '一、总体情况',
        ]) {
          expect(text).toContain(label);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  maybe(
    'draws a bundled-profile document with its embedded Fandol subsets where no Fandol font is installed',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'xxgk-docx-embed-'));
      try {
        // Only DejaVu (or nothing) is visible to fontconfig: any Fandol glyph must come from the .docx.
        const conf = join(dir, 'fonts.conf');
        writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/fc</cachedir></fontconfig>`);
        const env = { ...process.env, FONTCONFIG_FILE: conf };
        writeFileSync(join(dir, 'report.docx'), await writeDocx(exampleTree(), GBT9704, { fontProfile: 'bundled' }));
        libreOfficeToPdf(dir, [join(dir, 'report.docx')], env);
        const fonts = execFileSync('pdffonts', [join(dir, 'report.pdf')], { encoding: 'utf8', env });
        for (const face of ['FandolSong-Bold', 'FandolFang-Regular', 'FandolHei-Regular', 'FandolKai-Regular']) expect(fonts).toContain(face);
        const text = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
        expect(text).toContain('一、总体情况');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

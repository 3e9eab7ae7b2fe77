import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell, summarize, summaryCsv, type ReportOutcome } from '../../src/batch/summary';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

const outcome = (o: Partial<ReportOutcome>): ReportOutcome => ({ file: 'a.yaml', status: 'ok', errors: 0, warnings: 0, acknowledged: 0, diagnostics: [], outputs: [], ms: 1, ...o });

/** Splits summary.csv into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = csv.charCodeAt(0) === 0xfeff ? 1 : 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('summary.csv against formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点此")', `"'=HYPERLINK(""http://evil.example"",""点此"")"`],
    ['+1+cmd|\' /C calc\'!A0', `'+1+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
    ['-', `'-`],
  ])('prefixes a quote to %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([['-5'], ['+7'], ['-0.5'], ['3.25'], ['2021'], ['平罗县科学技术局'], ['a=b'], ['']])('leaves %j as it is', (value) => {
    expect(csvCell(value)).toBe(value);
  });

  it('neutralises hostile agency names, file names and messages in every column', () => {
    const hostile = '=HYPERLINK("http://evil.example","点此")';
    const csv = summaryCsv(
      summarize([
        outcome({ file: '@evil.yaml', agency: hostile, year: 2021, status: 'errors', errors: 1, diagnostics: [{ severity: 'error', code: 'T3-R1', path: '', message: '=1+1' }], outputs: ['-out.docx'] }),
        outcome({ file: '+x.json', status: 'skipped', diagnostics: [{ severity: 'hint', code: 'SKIP', path: '', message: '-' }], ms: -3 }),
      ]),
    );
    const rows = parseCsv(csv);
    expect(rows[1].slice(0, 4)).toEqual(["'@evil.yaml", `'${hostile}`, '2021', '有错误']);
    expect(rows[1][7]).toBe('错误 T3-R1：=1+1');
    expect(rows[1][8]).toBe("'-out.docx");
    expect(rows[2][0]).toBe("'+x.json");
    expect(rows[2][3]).toBe('已跳过');
    expect(rows[2][10]).toBe('-3');
    for (const row of rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell)).toBe(false);
  });

  it('in a real batch, an agency named as a formula reaches summary.csv as text', () => {
    const tmp = tempDir();
    try {
      const dir = join(tmp.dir, 'in');
      mkdirSync(dir);
      const agency = '=HYPERLINK("http://evil.example","平罗县科学技术局")';
      writeFileSync(join(dir, 'evil.yaml'), readFileSync(EXAMPLE, 'utf8').replace(/^agency: .*$/m, `agency: '${agency}'`));
      const out = join(tmp.dir, 'out');
      xxgk(['batch', dir, '-o', out, '-j', '1', '-f', 'docx', '--no-system-fonts']);
      const rows = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
      expect(rows[1][1]).toBe(`'${agency}`);
      // summary.json keeps the data as it is: only the spreadsheet needs the guard.
      expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).results[0].agency).toBe(agency);
    } finally {
      tmp.cleanup();
    }
  });
});

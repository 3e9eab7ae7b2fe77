/** Workbooks written by other programs (test/fixtures/xlsx/make-fixtures.py) and by hand-editing: what xxgk reads from them. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportBytes } from '../../src/pipeline/check-report';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { ROOT, tempDir } from '../support/cli';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'xlsx');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
type Data = Record<string, any>;

describe.each(['openpyxl-filled.xlsx', 'libreoffice-resaved.xlsx'])('%s', (name) => {
  const loaded = readReportWorkbook(fixture(name));
  const data = loaded.data as Data;
  const found = (code: string, cell: string) => loaded.diagnostics.find((d) => d.code === code && d.cell === cell);

  test('inline and shared strings, numeric character references, rich runs without their phonetic runs, _x000D_', () => {
    expect(data.agency).toBe('某某县统计局');
    expect(data.problems).toBe('一是公开不够及时。\n二是培训不足。');
    expect(data.contact).toBe('09526663655');
  });

  test('numbers stored as text and full-width digits are read as numbers, with a warning naming the cell', () => {
    expect(data.applications.newlyReceived.slice(0, 6)).toEqual([5, 0, 0, 0, 0, 0]);
    expect(data.applications.granted).toEqual([3, 0, 0, 0, 0, 0]);
    expect(found('XLSX-CONVERTED', '表三!D6')?.message).toContain('“５”');
    expect(found('XLSX-CONVERTED', '表三!D8')?.message).toContain('“3”');
  });

  test('a constant typed over a 总计 formula is a stated total; formulas left alone are not', () => {
    expect(data.applications.newlyReceived).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(data.applications.carriedOver).toHaveLength(6);
    expect(data.applications.total).toBeUndefined();
    expect(data.reviewLitigation.litigationDirect.total).toBeUndefined();
  });

  test('a formula in an input cell: its cached value, with a warning', () => {
    expect(data.proactive.licensing).toBe(2);
    expect(found('XLSX-CONVERTED', '表二!B9')?.message).toContain('公式');
  });

  test('an error cell (#N/A) is unreadable: null, and an error naming the cell', () => {
    expect(data.reviewLitigation.review.upheld).toBeNull();
    expect(found('XLSX-CELL', '表四!A6')).toMatchObject({ severity: 'error' });
  });

  test('“/”, an amount kept as typed, a date typed as a date', () => {
    expect(data.proactive.rules).toEqual({ issued: '/', repealed: '/', inForce: '/' });
    expect(data.proactive.fees).toBe('0.50');
    expect(data.signature.date).toBe('2024-01-20');
    expect(found('XLSX-CONVERTED', '基本信息与正文!B21')?.message).toContain('2024-01-20');
  });

  test('notes typed beside the table are ignored', () => {
    expect(JSON.stringify(data)).not.toContain('备注');
    expect(JSON.stringify(data)).not.toContain('99');
  });
});

test('LibreOffice re-save reads the same as the file it was made from', () => {
  expect(readReportWorkbook(fixture('libreoffice-resaved.xlsx')).data).toEqual(readReportWorkbook(fixture('openpyxl-filled.xlsx')).data);
});

const soffice = spawnSync('soffice', ['--version']).status === 0;
if (!soffice) console.warn('skipping the live LibreOffice re-save: soffice is not installed');
(soffice ? test : test.skip)('a workbook re-saved by LibreOffice now reads the same (live)', () => {
  const { dir, cleanup } = tempDir();
  try {
    copyFileSync(join(FIXTURES, 'openpyxl-filled.xlsx'), join(dir, 'in.xlsx'));
    const out = join(dir, 'out');
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', out, join(dir, 'in.xlsx')], { encoding: 'utf8', timeout: 120000 });
    expect(r.status).toBe(0);
    expect(readReportWorkbook(readFileSync(join(out, 'in.xlsx'))).data).toEqual(readReportWorkbook(fixture('openpyxl-filled.xlsx')).data);
  } finally {
    cleanup();
  }
});

test('without defined names, cells are found at the layout positions once the labels there are checked', () => {
  const loaded = readReportWorkbook(fixture('no-defined-names.xlsx'));
  expect(loaded.diagnostics).toEqual([]);
  expect((loaded.data as Data).applications.newlyReceived).toEqual([0, 4, 0, 0, 0, 0]);
});

test('without defined names and with a row inserted: a Chinese message naming the cell and the label expected there', () => {
  const loaded = readReportWorkbook(fixture('moved-rows.xlsx'));
  expect(loaded.data).toBeUndefined();
  expect(loaded.diagnostics).toHaveLength(1);
  expect(loaded.diagnostics[0].message).toMatch(/^表三!A7 应为“二、上年结转政府信息公开申请数量”，实际是空白/);
});

test('a workbook of another shape: the missing sheets named', () => {
  const loaded = readReportWorkbook(fixture('other-shape.xlsx'));
  expect(loaded.data).toBeUndefined();
  expect(loaded.diagnostics.map((d) => d.message).join('\n')).toMatch(/没有工作表“基本信息与正文”[\s\S]*没有工作表 表二、表三、表四[\s\S]*现有工作表：Sheet1/);
});

test('validation names cells in Excel notation, with the official labels', () => {
  const checked = checkReportBytes('报告.xlsx', fixture('openpyxl-filled.xlsx'));
  const blank = checked.diagnostics.find((d) => d.path === 'reviewLitigation.review.upheld' && d.code !== 'XLSX-CELL');
  expect(blank?.cell).toBe('表四!A6');
  expect(blank?.message).toContain('表四 行政复议 / 结果维持');
});

/** The workbook `xxgk init 报告.xlsx` writes, read back with exceljs: the official grid, locks, validation, formulas, names, print setup. */
import ExcelJS from 'exceljs';
import { FORMAT_2021 } from '../../src/catalogue/format-2021';
import { loadReportText } from '../../src/load/load-report';
import { starterReport } from '../../src/init/starter-report';
import { openWorkbook } from '../../src/workbook/open-workbook';
import { ACK_SHEET, LAYOUT_NAME, LAYOUT_VERSION, TABLE_SHEETS, TABLE_TOP_ROWS, TEXT_FIELDS, TEXT_SHEET, columnLetters, definedNameOf } from '../../src/workbook/layout';
import { writeReportWorkbook } from '../../src/workbook/write-workbook';

let bytes: Buffer;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const data = loadReportText(starterReport('某某县统计局', 2024)).data as Record<string, unknown>;
  bytes = await writeReportWorkbook(data);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

test('the sheets, in order', () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual([TEXT_SHEET, '表二', '表三', '表四', ACK_SHEET]);
});

test.each(FORMAT_2021.tables.map((t) => [t.name, t] as const))('%s: every label, merge and figure of the catalogue grid', (name, table) => {
  const ws = wb.getWorksheet(name)!;
  const merges = new Set((ws.model as { merges: string[] }).merges);
  for (const c of table.cells) {
    const row = c.row + TABLE_TOP_ROWS + 1, col = c.col + 1;
    const cell = ws.getCell(row, col);
    if (c.rowSpan > 1 || c.colSpan > 1) expect(merges).toContain(`${columnLetters(col)}${row}:${columnLetters(col + c.colSpan - 1)}${row + c.rowSpan - 1}`);
    if (c.label !== undefined) {
      expect(cell.value).toBe(c.label);
      expect(cell.protection?.locked).not.toBe(false);
      continue;
    }
    const f = c.figure!;
    expect(cell.protection?.locked).toBe(false);
    expect(cell.dataValidation?.showErrorMessage).toBe(true);
    if (f.derived) {
      expect((cell.value as { formula?: string }).formula).toMatch(/^SUM\(/);
    } else if (f.kind === 'amount') {
      expect(cell.value).toBe('0');
      expect(cell.numFmt).toBe('@');
      expect(cell.dataValidation.formulae[0]).toContain('"/"');
    } else {
      expect(cell.value).toBe(0);
      if (f.notApplicable) expect(cell.dataValidation).toMatchObject({ type: 'custom' });
      else expect(cell.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    }
  }
});

test('the table sheets are protected without a password; the text sheet is not', () => {
  for (const name of ['表二', '表三', '表四']) {
    const p = (wb.getWorksheet(name) as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(p).toMatchObject({ sheet: true });
    expect(p.hashValue).toBeUndefined();
  }
  expect((wb.getWorksheet(TEXT_SHEET) as unknown as { sheetProtection: unknown }).sheetProtection ?? null).toBeNull();
});

test('totals are SUM formulas over the right cells', () => {
  const t3 = wb.getWorksheet('表三')!;
  const s3 = TABLE_SHEETS[1];
  const newly = s3.figures.get('applications.newlyReceived[6]')!;
  expect((t3.getCell(newly.row, newly.col).value as { formula: string }).formula).toBe(`SUM(D${newly.row}:I${newly.row})`);
  const total0 = s3.figures.get('applications.total[0]')!;
  const granted = s3.figures.get('applications.granted[0]')!;
  const other = s3.figures.get('applications.otherDisposal.other[0]')!;
  expect((t3.getCell(total0.row, total0.col).value as { formula: string }).formula).toBe(`SUM(D${granted.row}:D${other.row})`);
  const t4 = wb.getWorksheet('表四')!;
  const review = TABLE_SHEETS[2].figures.get('reviewLitigation.review.total')!;
  expect((t4.getCell(review.row, review.col).value as { formula: string }).formula).toBe(`SUM(A${review.row}:D${review.row})`);
});

test('defined names: the layout version and one per figure cell, pointing at it', () => {
  const stored = openWorkbook(bytes, []);
  expect(stored.definedNames.get(LAYOUT_NAME)).toBe(`"${LAYOUT_VERSION}"`);
  for (const s of TABLE_SHEETS) {
    for (const [path, c] of s.figures) expect(stored.definedNames.get(definedNameOf(path))).toBe(`'${s.name}'!$${columnLetters(c.col)}$${c.row}`);
  }
});

test('the text sheet: a row per field, text cells formatted as text, the starter texts, the conventions', () => {
  const ws = wb.getWorksheet(TEXT_SHEET)!;
  const labels: string[] = [];
  ws.eachRow((row) => labels.push(String(row.getCell(1).value ?? '')));
  for (const f of TEXT_FIELDS) expect(labels).toContain(f.label);
  expect(labels.filter((l) => l === '一、总体情况（分项）')).toHaveLength(5);
  const rowOf = (label: string) => labels.indexOf(label) + 1;
  for (const label of ['联系方式', '发布日期', '成文日期']) expect(ws.getCell(rowOf(label), 2).numFmt).toBe('@');
  expect(ws.getCell(rowOf('成文日期'), 2).value).toBe('2025-01-20');
  expect(ws.getCell(rowOf('机关层级'), 2).value).toBe('政府部门');
  expect(String(ws.getCell(rowOf('五、存在的主要问题及改进情况'), 2).value)).toContain('\n\n下一步');
  expect(labels.join('\n')).toContain('{{applications.newlyReceived.total}}');
  expect(labels.join('\n')).toContain('**文字**');
});

test('a table row is as tall as its longest label wraps: 表三 （六）1. takes two lines, 1.属于国家秘密 one', () => {
  const ws = wb.getWorksheet('表三')!;
  const rowOf = (label: string) => FORMAT_2021.tables[1].cells.find((c) => c.label === label)!.row + TABLE_TOP_ROWS + 1;
  const long = ws.getRow(rowOf('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).height;
  const short = ws.getRow(rowOf('1.属于国家秘密')).height;
  expect(long).toBeGreaterThanOrEqual(2 * short - 6);
  expect(short).toBe(20);
});

test('A4 print setup, landscape for 表三 and 表四, the header rows repeated', () => {
  for (const ws of wb.worksheets.slice(0, 4)) expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
  expect(wb.getWorksheet('表三')!.pageSetup.orientation).toBe('landscape');
  expect(wb.getWorksheet('表四')!.pageSetup.orientation).toBe('landscape');
  expect(wb.getWorksheet('表三')!.pageSetup.printTitlesRow).toBe('3:5');
  // Each table prints on one page, as the official form does.
  for (const name of ['表二', '表三', '表四']) expect(wb.getWorksheet(name)!.pageSetup.fitToHeight).toBe(1);
});

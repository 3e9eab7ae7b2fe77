/** What people do to the workbook in a spreadsheet program (simulated with exceljs load/edit/save): the reading that follows. */
import ExcelJS from 'exceljs';
import { loadReportText } from '../../src/load/load-report';
import { starterReport } from '../../src/init/starter-report';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { TABLE_SHEETS, TEXT_SHEET } from '../../src/workbook/layout';
import { writeReportWorkbook } from '../../src/workbook/write-workbook';

async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<ReturnType<typeof readReportWorkbook>> {
  const data = loadReportText(starterReport('某某县统计局', 2023)).data as Record<string, unknown>;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeReportWorkbook(data)) as unknown as ArrayBuffer);
  edit(wb);
  return readReportWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const at = (path: string) => {
  for (const s of TABLE_SHEETS) {
    const c = s.figures.get(path);
    if (c) return { sheet: s.name, row: c.row, col: c.col };
  }
  throw new Error(path);
};

test('a row inserted among the 一、总体情况 rows, column A left empty, is a sub-section in its place', async () => {
  const loaded = await edited((wb) => {
    const ws = wb.getWorksheet(TEXT_SHEET)!;
    let first = 0;
    ws.eachRow((row, n) => {
      if (!first && row.getCell(1).value === '一、总体情况（分项）') first = n;
    });
    ws.insertRow(first + 1, [null, '新增方面', '新增正文\n\n第二段']);
  });
  const overview = (loaded.data as any).overview as { heading: string; body?: string }[];
  expect(overview.map((o) => o.heading)).toEqual(['主动公开', '新增方面', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']);
  expect(overview[1].body).toBe('新增正文\n\n第二段');
  expect(loaded.sourceMap.cellOf!('overview[1].heading')).toMatch(/^基本信息与正文!B\d+$/);
});

test('a constant typed over one cell of the （七）总计 row states the row; its formula cells count as the sums they compute', async () => {
  const loaded = await edited((wb) => {
    const g = at('applications.granted[1]');
    wb.getWorksheet(g.sheet)!.getCell(g.row, g.col).value = 2;
    const t = at('applications.total[0]');
    wb.getWorksheet(t.sheet)!.getCell(t.row, t.col).value = 7;
  });
  const a = (loaded.data as any).applications;
  expect(a.total).toEqual([7, 2, 0, 0, 0, 0]);
  expect(a.granted).toEqual([0, 2, 0, 0, 0, 0]);
});

test('a 表四 总计 typed as a number is a stated total; a cell cleared is null, never 0', async () => {
  const loaded = await edited((wb) => {
    const t = at('reviewLitigation.litigationDirect.total');
    wb.getWorksheet(t.sheet)!.getCell(t.row, t.col).value = 3;
    const c = at('reviewLitigation.review.pending');
    wb.getWorksheet(c.sheet)!.getCell(c.row, c.col).value = null;
  });
  const rl = (loaded.data as any).reviewLitigation;
  expect(rl.litigationDirect.total).toBe(3);
  expect(rl.review.pending).toBeNull();
  expect(loaded.sourceMap.cellOf!('reviewLitigation.review.pending')).toBe('表四!D6');
});

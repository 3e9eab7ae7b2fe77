/** Cells are found through the workbook's defined names, which Excel/WPS/LibreOffice move with inserted rows; the layout version is checked. */
import { loadReportText } from '../../src/load/load-report';
import { starterReport } from '../../src/init/starter-report';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { writeReportWorkbook } from '../../src/workbook/write-workbook';
import { readZipDirectory, readZipEntry, writeZip } from '../../src/workbook/zip';

async function workbook(edit: (workbookXml: string) => string): Promise<Buffer> {
  const data = loadReportText(starterReport('某某县统计局', 2023)).data as Record<string, any>;
  data.applications.newlyReceived = [5, 0, 0, 0, 0, 0];
  data.applications.granted = [3, 0, 0, 0, 0, 0];
  const bytes = await writeReportWorkbook(data);
  return writeZip(
    readZipDirectory(bytes).map((e) => {
      const d = readZipEntry(bytes, e);
      return { name: e.name, data: e.name === 'xl/workbook.xml' ? Buffer.from(edit(d.toString('utf8'))) : d };
    }),
  );
}

test('a defined name moved to another cell (as after inserting rows) is followed, and the finding names that cell', async () => {
  const swapped = await workbook((xml) =>
    xml
      .replace(`name="xxgk_applications_newlyReceived_0">'表三'!$D$6<`, `name="xxgk_applications_newlyReceived_0">'表三'!$D$8<`)
      .replace(`name="xxgk_applications_granted_0">'表三'!$D$8<`, `name="xxgk_applications_granted_0">'表三'!$D$6<`),
  );
  const loaded = readReportWorkbook(swapped);
  const data = loaded.data as Record<string, any>;
  expect(data.applications.newlyReceived[0]).toBe(3);
  expect(data.applications.granted[0]).toBe(5);
  expect(loaded.sourceMap.cellOf!('applications.newlyReceived[0]')).toBe('表三!D8');
});

test('a workbook of another layout version is refused, naming both versions', async () => {
  const other = await workbook((xml) => xml.replace('&quot;2021-1&quot;', '&quot;2031-1&quot;'));
  const loaded = readReportWorkbook(other);
  expect(loaded.data).toBeUndefined();
  expect(loaded.diagnostics[0].message).toContain('版式版本是 2031-1，这个版本的 xxgk 只认识 2021-1');
});

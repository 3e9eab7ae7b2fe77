import JSZip from 'jszip';
import { starterReport } from '../../src/init/starter-report';
import { loadReportText } from '../../src/load/load-report';
import { checkEdits } from '../../src/preview/edit-paths';
import { patchWorkbook } from '../../src/preview/edit-workbook';
import { EditApplyError } from '../../src/preview/edit-yaml';
import { cellKey, openWorkbook } from '../../src/workbook/open-workbook';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { writeReportWorkbook } from '../../src/workbook/write-workbook';
import { readZipDirectory, readZipEntry, writeZip } from '../../src/workbook/zip';

let original: Buffer;
beforeAll(async () => {
  original = await writeReportWorkbook(loadReportText(starterReport('某某县教育局', 2024)).data as Record<string, unknown>);
});

/** Each entry's stored bytes (local header, name and compressed data), by name. */
function storedSpans(bytes: Buffer): Map<string, Buffer> {
  const entries = readZipDirectory(bytes);
  const starts = entries.map((e) => e.localOffset).sort((a, b) => a - b);
  const dirStart = bytes.readUInt32LE(bytes.length - 22 + 16);
  return new Map(entries.map((e) => [e.name, bytes.subarray(e.localOffset, starts.find((s) => s > e.localOffset) ?? dirStart)]));
}
const inflated = (bytes: Buffer, name: string) => readZipEntry(bytes, readZipDirectory(bytes).find((e) => e.name === name)!).toString('utf8');

describe('saving into a workbook', () => {
  test('only the changed cells change; every other entry is byte-identical; formulas recalculate on opening', async () => {
    const edits = checkEdits([
      { path: 'applications.newlyReceived[1]', value: 3 },
      { path: 'proactive.rules.issued', value: '/' },
      { path: 'proactive.fees', value: '1.50' },
      { path: 'agency', value: '某某县教育局 & <机关>' },
      { path: 'contact', value: '地址：某某路1号\n电话：0952-1234567' },
      { path: 'level', value: 'government' },
    ]);
    const out = patchWorkbook(original, edits);
    const read = readReportWorkbook(out);
    const data = read.data as any;
    expect(data.applications.newlyReceived.slice(0, 6)).toEqual([0, 3, 0, 0, 0, 0]);
    expect(data.proactive.rules.issued).toBe('/');
    expect(String(data.proactive.fees)).toBe('1.5');
    expect(data.agency).toBe('某某县教育局 & <机关>');
    expect(data.contact).toBe('地址：某某路1号\n电话：0952-1234567');
    expect(data.level).toBe('government');
    const before = storedSpans(original);
    const after = storedSpans(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after.keys()].filter((n) => !after.get(n)!.equals(before.get(n)!)).sort();
    const sheetOf = (cell: string) => cell.split('!')[0];
    expect(sheetOf(read.sourceMap.cellOf!('agency')!)).toBe('基本信息与正文');
    expect(changed.length).toBeLessThanOrEqual(4); // the text sheet, 表二, 表三, and workbook.xml only if it lacked the flag
    for (const n of changed) expect(n).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|workbook\.xml)$/);
    expect(inflated(out, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // in the changed sheet, only the edited cell's element differs
    const sheet = changed.find((n) => inflated(original, n).includes('r="E6"') && inflated(out, n).includes('<c r="E6"') && inflated(out, n) !== inflated(original, n) && /<c r="E6"[^>]*><v>3<\/v>/.test(inflated(out, n)))!;
    expect(sheet).toBeDefined();
    // (and the stored results of the 总计 formulas, which are brought up to date)
    const strip = (x: string) => x.replace(/<c r="E6"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '').replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1');
    expect(strip(inflated(out, sheet))).toBe(strip(inflated(original, sheet)));
    const t3 = openWorkbook(out, ['表三']).sheets.get('表三')!;
    expect(t3.cells.get(cellKey(6, 10))).toEqual({ kind: 'number', value: 3, formula: true }); // J6: 一's 总计
    // another zip reader opens it
    const zip = await JSZip.loadAsync(out);
    expect(Object.keys(zip.files).length).toBe(before.size);
    // same edits, same bytes
    expect(patchWorkbook(original, edits).equals(out)).toBe(true);
  });

  test('a workbook without the recalculation flag gets it; list edits are refused with a message', () => {
    // as if saved by a program that dropped the flag
    const parts = readZipDirectory(original).map((e) => {
      const data = readZipEntry(original, e);
      return { name: e.name, data: e.name === 'xl/workbook.xml' ? Buffer.from(data.toString('utf8').replace(/<calcPr\b[^>]*\/>/, '')) : data };
    });
    const plain = writeZip(parts);
    expect(inflated(plain, 'xl/workbook.xml')).not.toContain('calcPr');
    const out = patchWorkbook(plain, checkEdits([{ path: 'reviewLitigation.review.upheld', value: 2 }]));
    expect(inflated(out, 'xl/workbook.xml')).toMatch(/<\/definedNames><calcPr fullCalcOnLoad="1"\/>/);
    expect((readReportWorkbook(out).data as any).reviewLitigation.review.upheld).toBe(2);
    expect(() => patchWorkbook(original, checkEdits([{ path: 'overview', value: [{ heading: '新' }] }]))).toThrow(EditApplyError);
    expect(() => patchWorkbook(original, checkEdits([{ path: 'overview', value: [{ heading: '新' }] }]))).toThrow('Excel/WPS');
  });
});

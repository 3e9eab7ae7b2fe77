import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip } from '../../src/workbook/zip';
import { UsageError } from '../../src/errors/usage-error';
import { matchRoster } from '../../src/roster/match-names';
import { editDistance, normalizeName } from '../../src/roster/normalize-name';
import { decodeCsv, parseCsv, readRoster } from '../../src/roster/read-roster';
import { formFileName } from '../../src/roster/form-file-name';
import { encodeGbk } from '../support/gbk';
import { tempDir } from '../support/cli';

const tmp = tempDir();
afterAll(tmp.cleanup);
const write = (name: string, bytes: string | Buffer) => {
  const f = join(tmp.dir, name);
  writeFileSync(f, bytes);
  return f;
};
const names = (file: string) => readRoster(file).entries.map((e) => e.name);

/** A minimal .xlsx with one sheet of inline strings (as LibreOffice and other tools may write). */
function xlsx(rows: (string | number)[][]): Buffer {
  const col = (i: number) => String.fromCharCode(65 + i);
  const cells = rows
    .map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => (typeof v === 'number' ? `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>` : `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`)
    .join('');
  const enc = (s: string) => Buffer.from(s, 'utf8');
  return writeZip([
    { name: '[Content_Types].xml', data: enc('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>') },
    { name: '_rels/.rels', data: enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: enc('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: enc(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`) },
  ]);
}

describe('roster reading', () => {
  it('reads a GBK CSV (as Excel on Chinese Windows saves it) with 级别 and 排序, sorted by 排序', () => {
    const text = '序号,单位,级别,排序\r\n1,某某县教育局,政府部门,3\r\n2,某某县人民政府,人民政府,1\r\n3,"某某县卫生健康委员会（县疾控局）",,2\r\n';
    const bytes = encodeGbk(text);
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(false);
    const r = readRoster(write('gbk.csv', bytes));
    expect(r.entries.map((e) => [e.name, e.level])).toEqual([
      ['某某县人民政府', 'government'],
      ['某某县卫生健康委员会（县疾控局）', undefined],
      ['某某县教育局', 'department'],
    ]);
    expect(r.entries[2].where).toBe('gbk.csv 第2行');
  });

  it('reads UTF-8 with and without BOM, and a headerless CSV by its first column', () => {
    expect(names(write('bom.csv', '\ufeff单位\n甲局\n乙局\n'))).toEqual(['甲局', '乙局']);
    expect(names(write('plain.csv', '单位名称,备注\n甲局,x\n'))).toEqual(['甲局']);
    expect(names(write('nohead.csv', '甲局,1\n乙局,2\n'))).toEqual(['甲局', '乙局']);
    expect(decodeCsv(encodeGbk('平罗县科学技术局'))).toBe('平罗县科学技术局');
    // Excel's “Unicode 文本”: UTF-16LE with BOM, tab-separated.
    expect(names(write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('单位\t级别\r\n甲局\t政府部门\r\n', 'utf16le')])))).toEqual(['甲局']);
    expect(parseCsv('a,"b,""c"""\r\nd\n')).toEqual([['a', 'b,"c"'], ['d']]);
  });

  it('reads YAML lists of names or of { 单位, 级别, 排序 }', () => {
    expect(names(write('r.yaml', '- 甲局\n- { 单位: 乙政府, 级别: 人民政府, 排序: 0 }\n'))).toEqual(['乙政府', '甲局']);
  });

  it('reads the first sheet of a workbook', () => {
    const r = readRoster(write('r.xlsx', xlsx([['单位', '排序'], ['甲局', 2], ['乙局', 1]])));
    expect(r.entries.map((e) => e.name)).toEqual(['乙局', '甲局']);
    expect(r.entries[0].where).toBe('r.xlsx 名单!第3行');
  });

  it('refuses duplicates, unknown levels and a non-number 排序, naming the file and row', () => {
    expect(() => readRoster(write('dup.csv', '单位\n甲局\n甲 局\n'))).toThrow(new UsageError('dup.csv 第3行：单位“甲 局”与 dup.csv 第2行 重复'));
    expect(() => readRoster(write('lvl.csv', '单位,级别\n甲局,乡镇\n'))).toThrow('lvl.csv 第2行：级别“乡镇”应为“政府部门”或“人民政府”');
    expect(() => readRoster(write('ord.csv', '单位,排序\n甲局,第一\n'))).toThrow('ord.csv 第2行：排序“第一”应为数字');
    expect(() => readRoster(write('empty.csv', '单位\n'))).toThrow(UsageError);
    expect(() => readRoster(join(tmp.dir, 'none.csv'))).toThrow(/不存在/);
    expect(() => readRoster(write('r.docx', 'x'))).toThrow(/只读取/);
  });
});

describe('roster matching', () => {
  it('normalises NFKC, spaces and full/half-width brackets', () => {
    expect(normalizeName('某某县 卫健委（疾控局）')).toBe(normalizeName('某某县卫健委(疾控局)'));
    expect(normalizeName('某某县第１中学')).toBe('某某县第1中学');
    expect(normalizeName('某某县【档案馆】')).toBe(normalizeName('某某县(档案馆)'));
  });

  it('computes edit distance with a cut-off', () => {
    expect(editDistance('教育局', '教育局', 2)).toBe(0);
    expect(editDistance('某县教育局', '某县教体局', 2)).toBe(1);
    expect(editDistance('某县教育局', '某县体育局局', 2)).toBe(2);
    expect(editDistance('甲', '乙丙丁戊', 2)).toBe(3);
  });

  it('matches exact names after normalising, suggests near misses without matching them, lists the missing', () => {
    const entries = ['某某县教育局', '某某县卫健委（疾控局）', '某某县财政局', '某某县统计局'].map((name, i) => ({ name, where: `第${i + 2}行` }));
    const m = matchRoster(entries, ['某某县卫健委(疾控局)', '某某县教体局', '某某县 统计局', '外县公安局', undefined, '某某县统计局']);
    expect(m.entryOf.map((e) => e?.name)).toEqual(['某某县卫健委（疾控局）', undefined, '某某县统计局', undefined, undefined, undefined]);
    expect(m.missing.map((e) => e.name)).toEqual(['某某县教育局', '某某县财政局']);
    expect(m.suggestions[1]).toEqual(['某某县教育局', '某某县财政局']); // nearest first: 教体/教育 is 1 apart, 教体/财政 2
    expect(m.suggestions[3]).toBeUndefined();
    // The second report of a unit already matched stays outside; its name is on the roster, not near it.
    expect(m.suggestions[5]).toBeUndefined();
  });

  it('names form files safely', () => {
    expect(formFileName('某某县/市 教育局: "一"', '.xlsx')).toBe('某某县_市 教育局_ _一_.xlsx');
    expect(formFileName('..', '.yaml')).toBe('_.yaml');
  });
});

/** The workbook workflow through the built CLI: init 报告.xlsx, validate, render, convert; exceljs stays off the YAML path. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReportText } from '../../src/load/load-report';
import { writeReportWorkbook } from '../../src/workbook/write-workbook';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';
import { hasStackTrace } from '../reliability/support';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

test('init 报告.xlsx writes a workbook that validates clean; it will not overwrite without --force', () => {
  const r = xxgk(['init', '报告.xlsx', '--agency', '某某县统计局', '--year', '2024'], { cwd: dir });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('xxgk preview 报告.xlsx');
  const v = xxgk(['validate', '报告.xlsx'], { cwd: dir });
  expect(v.stdout).toContain('报告.xlsx: 通过（错误 0 个');
  expect(v.status).toBe(0);
  const again = xxgk(['init', '报告.xlsx'], { cwd: dir });
  expect(again.status).toBe(2);
  expect(again.stderr).toContain('已存在');
});

test('a blank cell is an error naming the sheet and cell in Excel notation and the official label; exit 1', async () => {
  const data = loadReportText(readFileSync(EXAMPLE, 'utf8')).data as Record<string, any>;
  data.applications.newlyReceived[1] = null;
  writeFileSync(join(dir, '空白.xlsx'), await writeReportWorkbook(data));
  const r = xxgk(['validate', '空白.xlsx'], { cwd: dir });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^空白\.xlsx 表三!E6: T3-R4 错误：表三 一、本年新收政府信息公开申请数量 \/ 商业企业：为空/m);
  expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
});

test('render reads a workbook like a YAML file', () => {
  const out = join(dir, 'out');
  const r = xxgk(['render', '报告.xlsx', '-o', out], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(existsSync(join(out, '报告.docx'))).toBe(true);
  expect(readFileSync(join(out, '报告.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('convert YAML → xlsx → YAML → xlsx: the second workbook is byte-identical, the YAML validates the same as the example', () => {
  expect(xxgk(['convert', EXAMPLE, join(dir, 'a.xlsx')]).status).toBe(0);
  expect(xxgk(['convert', join(dir, 'a.xlsx'), join(dir, 'b.yaml')]).status).toBe(0);
  expect(xxgk(['convert', join(dir, 'b.yaml'), join(dir, 'c.xlsx')]).status).toBe(0);
  expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'c.xlsx')))).toBe(true);
  expect(xxgk(['convert', join(dir, 'b.yaml'), join(dir, 'b.json')]).status).toBe(0);
  expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'))).toEqual(loadReportText(readFileSync(join(dir, 'b.yaml'), 'utf8')).data);
  const verdict = (f: string) => xxgk(['validate', f]).stdout.split('\n').filter(Boolean).pop()!.replace(/^.*?: /, '');
  expect(verdict(join(dir, 'b.yaml'))).toBe(verdict(EXAMPLE));
});

test('the example converted to a workbook renders the same PDF, byte for byte, as the YAML', () => {
  const xlsx = join(dir, 'example.xlsx');
  expect(xxgk(['convert', EXAMPLE, xlsx]).status).toBe(0);
  expect(xxgk(['render', xlsx, '-f', 'pdf', '-o', join(dir, 'from-xlsx'), '--no-system-fonts']).status).toBe(0);
  expect(xxgk(['render', EXAMPLE, '-f', 'pdf', '-o', join(dir, 'from-yaml'), '--no-system-fonts']).status).toBe(0);
  const pdf = (sub: string, name: string) => readFileSync(join(dir, sub, name));
  expect(pdf('from-xlsx', 'example.pdf').equals(pdf('from-yaml', 'pingluo-kejiju-2021.pdf'))).toBe(true);
});

test('convert: an unknown output extension and an existing output are usage errors; nothing is written', () => {
  const r = xxgk(['convert', EXAMPLE, join(dir, 'x.txt')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('.xlsx');
  expect(existsSync(join(dir, 'x.txt'))).toBe(false);
  writeFileSync(join(dir, 'exists.xlsx'), 'keep');
  expect(xxgk(['convert', EXAMPLE, join(dir, 'exists.xlsx')]).status).toBe(2);
  expect(readFileSync(join(dir, 'exists.xlsx'), 'utf8')).toBe('keep');
});

test('convert refuses data whose shape has no place in a workbook, naming the problem', () => {
  writeFileSync(join(dir, 'bad.yaml'), 'agency: 某局\nyear: 2023\napplications:\n  newlyReceived: 五件\n');
  const r = xxgk(['convert', join(dir, 'bad.yaml'), join(dir, 'bad.xlsx')]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('SCHEMA-TYPE');
  expect(existsSync(join(dir, 'bad.xlsx'))).toBe(false);
});

test('an .xls file: a Chinese message asking for a plain .xlsx, exit 1, no stack trace', () => {
  writeFileSync(join(dir, '旧.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const r = xxgk(['validate', '旧.xls'], { cwd: dir });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('另存为”Excel 工作簿（.xlsx）');
  expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
});

test('rendering YAML never loads exceljs; writing a workbook does (so the probe works)', () => {
  const hook = join(dir, 'hook.js');
  writeFileSync(hook, "process.on('exit', () => process.stderr.write(`EXCELJS ${Object.keys(require.cache).filter((p) => /[\\\\/]exceljs[\\\\/]/.test(p)).length}\\n`));\n");
  const render = xxgk(['render', EXAMPLE, '-o', join(dir, 'yaml-out'), '--json'], { env: { NODE_OPTIONS: `--require ${hook}` } });
  expect(render.status).toBe(0);
  expect(render.stderr).toContain('EXCELJS 0');
  const init = xxgk(['init', join(dir, 'probe.xlsx')], { env: { NODE_OPTIONS: `--require ${hook}` } });
  expect(init.stderr).toMatch(/EXCELJS [1-9]/);
});

test('validate --previous reads last year’s workbook; the cross-year finding names this year’s cell', async () => {
  const data = loadReportText(readFileSync(EXAMPLE, 'utf8')).data as Record<string, any>;
  const previous = structuredClone(data);
  previous.applications.carriedForward = [1, 0, 0, 0, 0, 0];
  writeFileSync(join(dir, '上年.xlsx'), await writeReportWorkbook(previous));
  const current = structuredClone(data);
  current.year = data.year + 1;
  writeFileSync(join(dir, '本年.xlsx'), await writeReportWorkbook(current));
  const r = xxgk(['validate', '本年.xlsx', '--previous', '上年.xlsx'], { cwd: dir });
  expect(r.stdout).toMatch(/^本年\.xlsx 表三!D7: X1 错误：/m);
  expect(r.status).toBe(1);
});

test('fonts --check reads a workbook', () => {
  const r = xxgk(['fonts', '--check', '报告.xlsx', '--json'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(() => JSON.parse(r.stdout)).not.toThrow();
});

test('batch picks up .xlsx files in a folder', () => {
  const folder = join(dir, '各单位');
  require('node:fs').mkdirSync(folder);
  require('node:fs').copyFileSync(join(dir, '报告.xlsx'), join(folder, '统计局.xlsx'));
  const r = xxgk(['batch', folder, '-o', join(dir, 'batch-out'), '-f', 'pdf']);
  expect(r.status).toBe(0);
  expect(existsSync(join(dir, 'batch-out', '统计局.pdf'))).toBe(true);
});

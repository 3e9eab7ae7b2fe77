import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalogueFor, DEFAULT_FORMAT, FORMATS, unknownFormatMessage, type OfficialTable } from '../../src/catalogue/index';
import { FORMAT_2021 } from '../../src/catalogue/format-2021';
import { placeRows } from '../../src/catalogue/grid';
import type { Inline, TableNode } from '../../src/doc/tree';
import { deriveTables, type DerivedTables } from '../../src/model/derive';
import type { Report } from '../../src/model/schema';
import { buildDocTree, DEFAULT_TEMPLATE_DIR, TemplateError } from '../../src/template';
import { loadExample } from '../template/helpers';

const text = (inlines: readonly Inline[]): string =>
  inlines.map((n) => (n.kind === 'text' || n.kind === 'runIn' ? n.text : n.kind === 'strong' ? text(n.children) : '')).join('');

describe('the 2021 catalogue', () => {
  const [t2, t3, t4] = FORMAT_2021.tables;

  test('grid sizes, figure counts and header rows as the national format has them', () => {
    expect([t2, t3, t4].map((t) => [t.name, t.columns, t.rows, t.headerRows])).toEqual([
      ['表二', 4, 14, 0],
      ['表三', 10, 28, 3],
      ['表四', 15, 4, 3],
    ]);
    const figures = (t: OfficialTable) => t.cells.filter((c) => c.figure);
    expect(figures(t2)).toHaveLength(10);
    expect(figures(t3)).toHaveLength(175);
    expect(figures(t4)).toHaveLength(15);
    expect(FORMAT_2021.figures).toHaveLength(200);
    expect(new Set(FORMAT_2021.figures.map((f) => f.path)).size).toBe(200);
  });

  test('merged cells (written out from the official blank form)', () => {
    const at = (t: OfficialTable, row: number, col: number) => t.cells.find((c) => c.row === row - 1 && c.col === col - 1);
    expect(at(t3, 1, 1)).toMatchObject({ rowSpan: 3, colSpan: 3, label: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' });
    expect(at(t3, 6, 1)).toMatchObject({ rowSpan: 22, colSpan: 1, label: '三、本年度办理结果' });
    expect(at(t3, 8, 2)).toMatchObject({ rowSpan: 8, label: '（三）不予公开' });
    expect(at(t3, 16, 2)).toMatchObject({ rowSpan: 3, label: '（四）无法提供' });
    expect(at(t3, 19, 2)).toMatchObject({ rowSpan: 5, label: '（五）不予处理' });
    expect(at(t3, 24, 2)).toMatchObject({ rowSpan: 3, label: '（六）其他处理' });
    expect(at(t3, 27, 2)).toMatchObject({ colSpan: 2, label: '（七）总计' });
    expect(at(t3, 28, 1)).toMatchObject({ colSpan: 3, label: '四、结转下年度继续办理' });
    expect(at(t3, 10, 4)?.figure).toMatchObject({ path: 'applications.denied.endangersSecurity[0]', place: '表三 （三）不予公开 3.危及“三安全一稳定” / 自然人', derived: false });
    expect(at(t3, 27, 10)?.figure).toMatchObject({ path: 'applications.total[6]', derived: true });
    expect(at(t2, 14, 2)).toMatchObject({ colSpan: 3, figure: { path: 'proactive.fees', kind: 'amount', notApplicable: true } });
    expect(at(t2, 3, 2)?.figure).toMatchObject({ path: 'proactive.rules.issued', kind: 'count', notApplicable: true, place: '表二 第二十条第（一）项 规章 / 本年制发件数' });
    expect(at(t4, 1, 6)).toMatchObject({ colSpan: 10, label: '行政诉讼' });
    expect(at(t4, 2, 5)).toMatchObject({ rowSpan: 2, label: '总计' });
    expect(at(t4, 4, 15)?.figure).toMatchObject({ path: 'reviewLitigation.litigationAfterReview.total', derived: true, place: '表四 行政诉讼 复议后起诉 / 总计' });
  });

  test('only table 二 may be not applicable; only 总计 cells are derived; only 行政事业性收费 is an amount', () => {
    for (const f of FORMAT_2021.figures) {
      expect([f.path, f.notApplicable]).toEqual([f.path, f.path.startsWith('proactive.')]);
      expect([f.path, f.kind]).toEqual([f.path, f.path === 'proactive.fees' ? 'amount' : 'count']);
      expect([f.path, f.derived]).toEqual([f.path, /\[6\]$|^applications\.total|\.total$/.test(f.path)]);
    }
  });

  test('placeRows refuses a row that leaves a gap or overflows', () => {
    expect(() => placeRows([[{ label: 'a' }]], 2)).toThrow(/gap/);
    expect(() => placeRows([[{ label: 'a', colSpan: 3 }]], 2)).toThrow(/overflows/);
  });
});

describe('format versions', () => {
  test('2021 is the default and the only format; an unknown one is named with those that exist', () => {
    expect(DEFAULT_FORMAT).toBe(2021);
    expect(FORMATS.map((f) => f.format)).toEqual([2021]);
    expect(catalogueFor()).toBe(FORMAT_2021);
    expect(catalogueFor(2030)).toBeUndefined();
    expect(unknownFormatMessage(2030)).toBe('没有 2030 这种报告格式。现有的格式：2021（国办公开办函〔2021〕30号）');
    expect(unknownFormatMessage(2019)).toMatch(/国办公开办函〔2019〕60号.*停用.*现有的格式：2021/);
  });
});

/** The value printed for a figure path, from the derived tables. */
function printed(d: DerivedTables, p: string): string {
  let m = /^applications\.(.+)\[(\d)\]$/.exec(p);
  if (m) return String(d.applications[m[1]][Number(m[2])]);
  m = /^reviewLitigation\.(\w+)\.(\w+)$/.exec(p);
  if (m) return String((d.reviewLitigation as unknown as Record<string, Record<string, number>>)[m[1]][m[2]]);
  const v = p.slice('proactive.'.length).split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], d.proactive);
  return String(v);
}

/** A report whose every input cell holds a different number, so a misplaced cell shows. */
function distinctReport(): Report {
  let n = 1;
  const next = () => n++;
  const report = { ...loadExample(), applications: {} as Record<string, unknown>, reviewLitigation: {} as Record<string, unknown> } as Report;
  report.proactive = {
    rules: { issued: next(), repealed: next(), inForce: next() },
    normativeDocuments: { issued: next(), repealed: next(), inForce: next() },
    licensing: next(), penalty: next(), coercion: next(), fees: '12.5',
  };
  for (const f of FORMAT_2021.figures) {
    const m = /^applications\.(.+)\[(\d)\]$/.exec(f.path);
    if (!m || f.derived) continue;
    const keys = m[1].split('.');
    let node = report.applications as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    ((node[keys[keys.length - 1]] ??= []) as number[]).push(next() * 1000);
  }
  for (const part of ['review', 'litigationDirect', 'litigationAfterReview'] as const) {
    (report.reviewLitigation as Record<string, unknown>)[part] = { upheld: next(), corrected: next(), other: next(), pending: next() };
  }
  return report;
}

describe('the bundled templates print the catalogue', () => {
  const report = distinctReport();
  const derived = deriveTables(report);
  const built = buildDocTree(report);
  const tables = built.tree.blocks.filter((b): b is TableNode => b.kind === 'table');

  test('no TPL-LABEL warning for the bundled templates', () => {
    expect(built.diagnostics).toEqual([]);
  });

  test.each([0, 1, 2])('table %#: every cell, label, merge, figure and header row', (i) => {
    const official = FORMAT_2021.tables[i];
    const node = tables[i];
    const grid = placeRows(
      node.rows.map((r) => r.cells.map((c) => ({ label: text(c.children), rowSpan: c.rowSpan, colSpan: c.colSpan }))),
      node.widths.length,
    );
    const expected = official.cells.map((c) => ({
      row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan,
      label: c.label ?? printed(derived, c.figure!.path),
    }));
    expect(grid).toEqual(expected);
    expect(node.rows.map((r) => r.header)).toEqual(node.rows.map((_, r) => r < official.headerRows));
  });
});

describe('user templates', () => {
  const temporary: string[] = [];
  afterAll(() => temporary.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const copy = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-catalogue-'));
    temporary.push(dir);
    for (const f of fs.readdirSync(DEFAULT_TEMPLATE_DIR)) fs.copyFileSync(path.join(DEFAULT_TEMPLATE_DIR, f), path.join(dir, f));
    return dir;
  };

  test('a template that drops a row and renames another gets one TPL-LABEL warning naming both', () => {
    const dir = copy();
    const file = path.join(dir, 'table-3.hbs');
    const source = fs.readFileSync(file, 'utf8')
      .replace(/<tr>\s*<td>8\.属于行政查询事项<\/td>[\s\S]*?<\/tr>/, '')
      .replace('<td rowspan="8">（三）不予公开</td>', '<td rowspan="7">（三）不予公开</td>')
      .replace('<td rowspan="22">', '<td rowspan="21">')
      .replace('2.重复申请', '2.重复的申请');
    fs.writeFileSync(file, source);
    const { diagnostics } = buildDocTree(loadExample(), { templateDir: dir });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'TPL-LABEL' });
    expect(diagnostics[0].message).toContain('表三缺少国家格式（国办公开办函〔2021〕30号）规定的2个标签：“8.属于行政查询事项”“2.重复申请”');
  });

  test('a copied folder without template.json is the 2021 format', () => {
    const dir = copy();
    fs.rmSync(path.join(dir, 'template.json'));
    expect(buildDocTree(loadExample(), { templateDir: dir }).diagnostics).toEqual([]);
  });

  test('a template of another format, or an unreadable declaration, is a template error that says so', () => {
    const dir = copy();
    fs.writeFileSync(path.join(dir, 'template.json'), '{ "format": 2019 }');
    expect(() => buildDocTree(loadExample(), { templateDir: dir })).toThrow(TemplateError);
    expect(() => buildDocTree(loadExample(), { templateDir: dir })).toThrow(/“format”应为已有的报告格式（2021（国办公开办函〔2021〕30号））/);
    fs.writeFileSync(path.join(dir, 'template.json'), '{ format: 2021');
    expect(() => buildDocTree(loadExample(), { templateDir: dir })).toThrow(/格式声明应为 JSON/);
  });
});

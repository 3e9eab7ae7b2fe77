import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { printTree } from '../../src/doc/print-tree';
import type { Block, DocTree, Inline, TableNode } from '../../src/doc/tree';
import type { Report } from '../../src/model/schema';
import { buildDocTree, DEFAULT_TEMPLATE_DIR, TemplateError } from '../../src/template';
import { loadExample, ROOT } from './helpers';

const GOLDEN = path.join(__dirname, '__golden__', 'pingluo-kejiju-2021.tree.txt');
const SEED = path.join(ROOT, 'test', 'fixtures', 'seed-report-2021.txt');

const text = (inlines: readonly Inline[]): string =>
  inlines.map((n) => (n.kind === 'text' ? n.text : n.kind === 'strong' ? text(n.children) : n.kind === 'runIn' ? n.text : '\n')).join('');

const blocksOf = (tree: DocTree, kind: Block['kind']) => tree.blocks.filter((b) => b.kind === kind);
const headings = (tree: DocTree, level: number) =>
  tree.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [text(b.children)] : []));
const paragraphs = (tree: DocTree) => tree.blocks.flatMap((b) => (b.kind === 'paragraph' ? [text(b.children)] : []));
const tables = (tree: DocTree) => tree.blocks.filter((b): b is TableNode => b.kind === 'table');

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the default template folder in a temporary directory. */
function copyTemplates(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-template-'));
  temporary.push(dir);
  for (const f of fs.readdirSync(DEFAULT_TEMPLATE_DIR)) fs.copyFileSync(path.join(DEFAULT_TEMPLATE_DIR, f), path.join(dir, f));
  return dir;
}

function templateError(report: Report, dir: string): TemplateError {
  try {
    buildDocTree(report, { templateDir: dir });
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

/** A copied template folder with one file replaced. */
function withFile(name: string, content: string): string {
  const dir = copyTemplates();
  fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const example = loadExample();
const minimal: Report = { agency: '某局', year: 2023 };

describe('the example report', () => {
  const { tree, diagnostics } = buildDocTree(example);

  test('printed tree matches the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const printed = printTree(tree);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, printed);
    }
    expect(printed).toBe(fs.readFileSync(GOLDEN, 'utf8'));
    expect(diagnostics).toEqual([]);
  });

  test('meta', () => {
    expect(tree.meta).toEqual({
      title: '平罗县科学技术局2021年政府信息公开工作年度报告',
      author: '平罗县科学技术局',
      date: '2022-01-01',
      language: 'zh-CN',
    });
  });

  test('title and the opening paragraph reproduce the seed report', () => {
    expect(tree.blocks[0]).toEqual({ kind: 'title', children: [{ kind: 'text', text: '平罗县科学技术局2021年政府信息公开工作年度报告' }] });
    const opening =
      '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定和《国务院办公厅政府信息与政务公开办公室关于印发' +
      '〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）的要求，现发布《平罗县科学技术局' +
      '2021年政府信息公开工作年度报告》，本报告统计数据从2021年1月1日至2021年12月31日。联系方式6663655。';
    expect(paragraphs(tree)[0]).toBe(opening);
    // the seed is text extracted from a PDF: spaces around numbers and page-break line breaks are artefacts
    const seed = fs.readFileSync(SEED, 'utf8').replace(/[ \n]/g, '');
    expect(seed).toContain(opening);
    // every paragraph, with bold as the seed transcript marks it
    const marked = (inlines: readonly Inline[]): string =>
      inlines.map((n) => (n.kind === 'strong' ? `**${marked(n.children)}**` : text([n]))).join('');
    for (const b of tree.blocks) {
      if (b.kind === 'paragraph' && text(b.children) !== '无。') expect(seed).toContain(marked(b.children));
    }
  });

  test('section headings exactly as docs/FORMAT.md §A; overview items as （一）… h2', () => {
    expect(headings(tree, 1)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(headings(tree, 2)).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
  });

  test('**二是** is bold and the （一）提高认识。 headings are run-in', () => {
    const printed = printTree(tree);
    expect(printed).toContain('**二是**重点领域公开情况');
    expect(printed).toContain('p: ⟦2:（四）明确责任。⟧综合管理岗');
    expect(printed).not.toContain('**一是**');
  });

  test('no signature when the data has none', () => {
    expect(blocksOf(tree, 'signature')).toEqual([]);
  });
});

// ---- the three tables, against docs/FORMAT.md §B (written out independently of the template) ----

interface Spec {
  r: number;
  c: number;
  rs?: number;
  cs?: number;
  label: string;
}
/** `#` marks a numeric cell. */
const N = '#';

const TABLE_2: Spec[] = [
  { r: 1, c: 1, cs: 4, label: '第二十条第（一）项' },
  { r: 2, c: 1, label: '信息内容' }, { r: 2, c: 2, label: '本年制发件数' }, { r: 2, c: 3, label: '本年废止件数' }, { r: 2, c: 4, label: '现行有效件数' },
  { r: 3, c: 1, label: '规章' }, { r: 3, c: 2, label: N }, { r: 3, c: 3, label: N }, { r: 3, c: 4, label: N },
  { r: 4, c: 1, label: '行政规范性文件' }, { r: 4, c: 2, label: N }, { r: 4, c: 3, label: N }, { r: 4, c: 4, label: N },
  { r: 5, c: 1, cs: 4, label: '第二十条第（五）项' },
  { r: 6, c: 1, label: '信息内容' }, { r: 6, c: 2, cs: 3, label: '本年处理决定数量' },
  { r: 7, c: 1, label: '行政许可' }, { r: 7, c: 2, cs: 3, label: N },
  { r: 8, c: 1, cs: 4, label: '第二十条第（六）项' },
  { r: 9, c: 1, label: '信息内容' }, { r: 9, c: 2, cs: 3, label: '本年处理决定数量' },
  { r: 10, c: 1, label: '行政处罚' }, { r: 10, c: 2, cs: 3, label: N },
  { r: 11, c: 1, label: '行政强制' }, { r: 11, c: 2, cs: 3, label: N },
  { r: 12, c: 1, cs: 4, label: '第二十条第（八）项' },
  { r: 13, c: 1, label: '信息内容' }, { r: 13, c: 2, cs: 3, label: '本年收费金额（单位：万元）' },
  { r: 14, c: 1, label: '行政事业性收费' }, { r: 14, c: 2, cs: 3, label: N },
];

function table3(): Spec[] {
  const s: Spec[] = [
    { r: 1, c: 1, rs: 3, cs: 3, label: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' },
    { r: 1, c: 4, cs: 7, label: '申请人情况' },
    { r: 2, c: 4, rs: 2, label: '自然人' }, { r: 2, c: 5, cs: 5, label: '法人或其他组织' }, { r: 2, c: 10, rs: 2, label: '总计' },
    { r: 3, c: 5, label: '商业企业' }, { r: 3, c: 6, label: '科研机构' }, { r: 3, c: 7, label: '社会公益组织' },
    { r: 3, c: 8, label: '法律服务机构' }, { r: 3, c: 9, label: '其他' },
    { r: 4, c: 1, cs: 3, label: '一、本年新收政府信息公开申请数量' },
    { r: 5, c: 1, cs: 3, label: '二、上年结转政府信息公开申请数量' },
    { r: 6, c: 1, rs: 22, label: '三、本年度办理结果' },
    { r: 6, c: 2, cs: 2, label: '（一）予以公开' },
    { r: 7, c: 2, cs: 2, label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
    { r: 8, c: 2, rs: 8, label: '（三）不予公开' },
    { r: 16, c: 2, rs: 3, label: '（四）无法提供' },
    { r: 19, c: 2, rs: 5, label: '（五）不予处理' },
    { r: 24, c: 2, rs: 3, label: '（六）其他处理' },
    { r: 27, c: 2, cs: 2, label: '（七）总计' },
    { r: 28, c: 1, cs: 3, label: '四、结转下年度继续办理' },
  ];
  const c3 = [
    '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
    '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
    '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
    '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
  ];
  c3.forEach((label, i) => s.push({ r: 8 + i, c: 3, label }));
  for (let r = 4; r <= 28; r++) for (let c = 4; c <= 10; c++) s.push({ r, c, label: N });
  return s;
}

function table4(): Spec[] {
  const s: Spec[] = [
    { r: 1, c: 1, cs: 5, label: '行政复议' }, { r: 1, c: 6, cs: 10, label: '行政诉讼' },
    { r: 2, c: 1, rs: 2, label: '结果维持' }, { r: 2, c: 2, rs: 2, label: '结果纠正' }, { r: 2, c: 3, rs: 2, label: '其他结果' },
    { r: 2, c: 4, rs: 2, label: '尚未审结' }, { r: 2, c: 5, rs: 2, label: '总计' },
    { r: 2, c: 6, cs: 5, label: '未经复议直接起诉' }, { r: 2, c: 11, cs: 5, label: '复议后起诉' },
  ];
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].forEach((label, i) => {
    s.push({ r: 3, c: 6 + i, label }, { r: 3, c: 11 + i, label });
  });
  for (let c = 1; c <= 15; c++) s.push({ r: 4, c, label: N });
  return s;
}

/** The table's cells as specs: grid position, spans, label (numbers become #). */
function gridOf(t: TableNode, numbers = true): Spec[] {
  const occupied: boolean[][] = t.rows.map(() => []);
  const out: Spec[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (occupied[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) occupied[r + dr][c + dc] = true;
      const label = text(cell.children);
      const spec: Spec = { r: r + 1, c: c + 1, label: numbers && /^\d+(\.\d+)?$/.test(label) ? N : label };
      if (cell.rowSpan > 1) spec.rs = cell.rowSpan;
      if (cell.colSpan > 1) spec.cs = cell.colSpan;
      out.push(spec);
      c += cell.colSpan;
    }
  });
  return out;
}

const byPosition = (a: Spec, b: Spec) => a.r - b.r || a.c - b.c;

describe('the three tables equal docs/FORMAT.md §B', () => {
  const [t2, t3, t4] = tables(buildDocTree(example).tree);

  test.each([
    ['表二', () => t2, 4, 14, TABLE_2, 0],
    ['表三', () => t3, 10, 28, table3(), 3],
    ['表四', () => t4, 15, 4, table4(), 3],
  ] as const)('%s', (_name, get, columns, rows, spec, headerRows) => {
    const t = get();
    expect(t.widths).toHaveLength(columns);
    expect(t.rows).toHaveLength(rows);
    expect(gridOf(t).sort(byPosition)).toEqual([...spec].sort(byPosition));
    expect(t.rows.map((r) => r.header)).toEqual(t.rows.map((_, i) => i < headerRows));
    // every grid position covered exactly once
    const covered = new Map<string, number>();
    for (const s of spec) for (let dr = 0; dr < (s.rs ?? 1); dr++) for (let dc = 0; dc < (s.cs ?? 1); dc++) {
      const k = `${s.r + dr},${s.c + dc}`;
      covered.set(k, (covered.get(k) ?? 0) + 1);
    }
    expect(covered.size).toBe(rows * columns);
    expect([...covered.values()].every((v) => v === 1)).toBe(true);
  });

  test('column widths: table 三 has a narrow c1, a wide c3 and narrow data columns', () => {
    const [c1, c2, c3, ...data] = t3.widths;
    expect(c1).toBeLessThan(c2);
    expect(c3).toBeGreaterThan(2 * c2);
    expect(Math.max(...data)).toBeLessThan(c2);
    expect(new Set(t4.widths).size).toBe(1);
  });

  test('figures come from the derived tables (totals are never template arithmetic)', () => {
    const report: Report = {
      ...example,
      proactive: { ...example.proactive, normativeDocuments: { issued: 3, repealed: 1, inForce: 12 }, fees: '0.300000' },
      applications: { newlyReceived: [1, 2, 0, 0, 0, 3], granted: [1, 1, 0, 0, 0, 0], denied: { stateSecret: [0, 1, 0, 0, 0, 2] } },
      reviewLitigation: { review: { upheld: 1, corrected: 2, other: 0, pending: 1 }, litigationAfterReview: { upheld: 0, corrected: 0, other: 5, pending: 0 } },
    };
    const [a, b, c] = tables(buildDocTree(report).tree).map((t) => gridOf(t, false));
    const at = (g: Spec[], r: number, col: number) => g.find((s) => s.r === r && s.c === col)?.label;
    expect([at(a, 4, 2), at(a, 4, 3), at(a, 4, 4), at(a, 14, 2)]).toEqual(['3', '1', '12', '0.300000']);
    expect([4, 5, 6, 7, 8, 9, 10].map((col) => at(b, 4, col))).toEqual(['1', '2', '0', '0', '0', '3', '6']);
    expect([4, 5, 6, 7, 8, 9, 10].map((col) => at(b, 27, col))).toEqual(['1', '2', '0', '0', '0', '2', '5']);
    expect(c.filter((s) => s.r === 4).map((s) => s.label)).toEqual(['1', '2', '0', '1', '4', '0', '0', '0', '0', '0', '0', '0', '5', '0', '5']);
  });
});

describe('report options', () => {
  test('minimal report: default title, no contact sentence, headings present, bodies empty', () => {
    const { tree } = buildDocTree(minimal);
    expect(tree.meta).toEqual({ title: '某局2023年政府信息公开工作年度报告', author: '某局', date: '2024-01-01', language: 'zh-CN' });
    const opening = paragraphs(tree)[0];
    expect(opening.endsWith('本报告统计数据从2023年1月1日至2023年12月31日。')).toBe(true);
    expect(opening).not.toContain('联系方式');
    expect(headings(tree, 1)).toHaveLength(6);
    expect(tables(tree)).toHaveLength(3);
  });

  test('title overrides the default; preamble replaces the opening paragraph', () => {
    const { tree } = buildDocTree({ ...minimal, title: '某局2023年度信息公开报告', contact: '电话 1234', preamble: '自定开头。\n\n第二段。' });
    expect(text((tree.blocks[0] as Extract<Block, { kind: 'title' }>).children)).toBe('某局2023年度信息公开报告');
    expect(tree.meta.title).toBe('某局2023年度信息公开报告');
    expect(paragraphs(tree).slice(0, 2)).toEqual(['自定开头。', '第二段。']);
  });

  test('signature: agency and date as 2022年1月20日; meta date from it', () => {
    const { tree } = buildDocTree({ ...minimal, signature: { date: '2024-1-17' } });
    expect(tree.blocks[tree.blocks.length - 1]).toEqual({ kind: 'signature', lines: ['某局', '2024年1月17日'] });
    expect(tree.meta.date).toBe('2024-01-17');
    const other = buildDocTree({ ...minimal, signature: { agency: '某县某局' } }).tree;
    expect(other.blocks[other.blocks.length - 1]).toEqual({ kind: 'signature', lines: ['某县某局'] });
  });

  test('narrative placeholders are replaced by the derived figures', () => {
    const { tree } = buildDocTree({
      ...minimal,
      applications: { newlyReceived: [2, 1, 0, 0, 0, 0] },
      overview: [{ heading: '依申请公开', body: '共收到申请{{applications.newlyReceived.total}}件。' }],
    });
    expect(paragraphs(tree)).toContain('共收到申请3件。');
  });

  test('data cannot inject markup', () => {
    const evil = '<b>某</b>局 & </title><page-break/>';
    const report: Report = {
      ...minimal,
      agency: evil,
      contact: '"><br/>',
      overview: [{ heading: '</h2><h1>假标题</h1>', body: '<table><tr><td>x</td></tr></table> &amp;' }],
      problems: '**</b><p>**',
      otherMatters: '{{constructor}} {{> table-3}} {{#each overview}}x{{/each}}',
      signature: { date: '2022-01-20' },
    };
    const { tree } = buildDocTree(report);
    expect(tree.blocks[0]).toEqual({ kind: 'title', children: [{ kind: 'text', text: `${evil}2023年政府信息公开工作年度报告` }] });
    expect(tree.meta.author).toBe(evil);
    expect(blocksOf(tree, 'pageBreak')).toEqual([]);
    expect(tables(tree)).toHaveLength(3);
    expect(headings(tree, 1)).toHaveLength(6);
    expect(headings(tree, 2)).toEqual(['（一）</h2><h1>假标题</h1>']);
    expect(paragraphs(tree)).toContain('<table><tr><td>x</td></tr></table> &amp;');
    expect(paragraphs(tree)[0]).toContain('联系方式"><br/>。');
    // narrative text is never run as a template: unknown placeholders stay as written
    expect(paragraphs(tree)).toContain('{{constructor}} {{> table-3}} {{#each overview}}x{{/each}}');
    const problems = tree.blocks.find((b) => b.kind === 'paragraph' && text(b.children) === '</b><p>');
    expect(problems).toMatchObject({ children: [{ kind: 'strong', children: [{ kind: 'text', text: '</b><p>' }] }] });
    expect(tree.blocks[tree.blocks.length - 1]).toEqual({ kind: 'signature', lines: [evil, '2022年1月20日'] });
  });
});

describe('user template folders (-t DIR)', () => {
  test('a copied folder with a changed heading renders the change', () => {
    const dir = copyTemplates();
    const file = path.join(dir, 'section-5-problems.hbs');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'));
    const { tree } = buildDocTree(example, { templateDir: dir });
    expect(headings(tree, 1)[4]).toBe('五、存在的主要问题及整改措施');
    expect(headings(buildDocTree(example).tree, 1)[4]).toBe('五、存在的主要问题及改进情况');
  });

  test('an edited file is picked up (cache keyed by mtime and size)', () => {
    const dir = copyTemplates();
    const file = path.join(dir, 'section-6-other.hbs');
    expect(headings(buildDocTree(minimal, { templateDir: dir }).tree, 1)[5]).toBe('六、其他需要报告的事项');
    fs.writeFileSync(file, '<h1>六、其他</h1>\n');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    expect(headings(buildDocTree(minimal, { templateDir: dir }).tree, 1)[5]).toBe('六、其他');
  });

  test('a missing folder or main template is a TemplateError', () => {
    expect(templateError(minimal, path.join(os.tmpdir(), 'no-such-xxgk-template')).reason).toMatch(/找不到模板文件夹/);
    const dir = copyTemplates();
    fs.unlinkSync(path.join(dir, 'report.hbs'));
    expect(templateError(minimal, dir).reason).toMatch(/report\.hbs/);
  });
});

describe('broken or hostile templates give a Chinese error with file and line', () => {
  const expectError = (name: string, content: string, line: number | undefined, reason: RegExp, report: Report = minimal) => {
    const dir = withFile(name, content);
    const e = templateError(report, dir);
    expect(e.file).toBe(path.join(dir, name));
    expect(e.line).toBe(line);
    expect(e.reason).toMatch(reason);
    expect(e.message).toContain(`${name}${line ? `:${line}` : ''}: 模板错误：`);
    expect(e.message).not.toMatch(/\n\s+at /);
    expect(e.toDiagnostic()).toMatchObject({ severity: 'error', code: 'TEMPLATE', line });
    return e;
  };

  test.each([
    ['{{constructor}}', /constructor/],
    ['{{this.constructor.name}}', /constructor/],
    ['{{__proto__}}', /__proto__/],
    ['{{#with agency}}{{toString}}{{/with}}', /toString/],
    ['{{@root.constructor}}', /constructor/],
    ['{{lookup this "constructor"}}', /未知的辅助函数“lookup”/],
    ['{{log agency}}', /未知的辅助函数“log”/],
  ])('prototype access %s is refused', (src, reason) => {
    expectError('section-6-other.hbs', `<h1>六、其他需要报告的事项</h1>\n<p>${src}</p>\n`, 2, reason);
  });

  test('unescaped output, decorators and inline partials are refused', () => {
    expectError('title.hbs', '<title>{{{title}}}</title>', 1, /不转义/);
    expectError('title.hbs', '<title>{{& title}}</title>', 1, /不转义/);
    expectError('title.hbs', '\n{{* foo}}<title>{{title}}</title>', 2, /修饰器/);
    expectError('title.hbs', '{{#*inline "x"}}y{{/inline}}<title>{{title}}</title>', 1, /内联片段/);
  });

  test('unknown element: found in the template text, even in a branch not rendered', () => {
    expectError('section-5-problems.hbs', '<h1>五、问题</h1>\n{{#if problems}}\n<section>{{problems}}</section>\n{{/if}}\n', 3, /未知的元素 <section>/);
  });

  test('unknown attribute and bad nesting: found in the output, reported at the template line', () => {
    expectError('section-6-other.hbs', '<h1>六、其他需要报告的事项</h1>\n\n<p style="x">{{otherMatters}}</p>\n', 3, /<p> 不能有属性 style/);
    expectError('signature.hbs', '<p>\n  <h2>x</h2>\n</p>', 2, /<h2> 不能出现在<p> 之内/);
    expectError('table-4.hbs', '<table>\n  <tr><td>a</td></tr>\n  <tr><td>a</td><td>b</td></tr>\n</table>', 1, /第2行占2列/);
  });

  test('a misspelt field is an error even as a helper argument (strict mode does not check those)', () => {
    expectError('section-5-problems.hbs', '<h1>五</h1>\n\n{{paragraphs problemz}}\n', 3, /paragraphs 的参数引用了数据中不存在的字段/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n{{#if problemz}}x{{/if}}\n', 2, /\{\{#if\}\} 引用了数据中不存在的字段/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n{{#each overveiw}}x{{/each}}\n', 2, /\{\{#each\}\}/);
    // null (an absent value in the data) is fine
    const dir = withFile('section-5-problems.hbs', '<h1>五</h1>\n{{#if problems}}x{{/if}}{{paragraphs problems}}{{#with signature}}y{{/with}}\n');
    expect(headings(buildDocTree(minimal, { templateDir: dir }).tree, 1)[4]).toBe('五');
  });

  test('a row of table 三 with a cell too many names table-3.hbs', () => {
    const dir = copyTemplates();
    const file = path.join(dir, 'table-3.hbs');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('<td>2.重复申请</td>', '<td>2.重复申请</td><td>多</td>'));
    const e = templateError(minimal, dir);
    expect(path.basename(e.file)).toBe('table-3.hbs');
    expect(e.reason).toMatch(/占11列/);
  });

  test('syntax errors, unknown fields, unknown helpers, missing partials', () => {
    expectError('section-5-problems.hbs', '<h1>五</h1>\n{{#if problems}}\n{{paragraphs problems}}\n', 4, /语法错误/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n{{#if problems}}x{{/each}}\n', 2, /块标签不匹配/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n<p>{{problem}}</p>\n', 2, /不存在的字段“problem”/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n\n{{upper problems}}\n', 3, /未知的辅助函数“upper”/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n{{> nothing-here}}\n', 2, /找不到模板片段“nothing-here”/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n<p>{{ordinal problems}}</p>\n', 2, /ordinal 需要一个整数/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n<p>{{date problems}}</p>\n', 2, /date 需要/);
    expectError('section-5-problems.hbs', '<h1>五</h1>\n<p>A&B</p>\n', 2, /&amp;/);
  });
});

/**
 * Template confinement (what test/template does not already cover): a user template
 * cannot read files outside its folder (partials by path, symbolic links), the
 * environment or globals, or methods of the data's prototypes; and no data, however
 * markup-like, changes the document's structure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Block, DocTree, Inline } from '../../src/doc/tree';
import type { Report } from '../../src/model/schema';
import { buildDocTree, DEFAULT_TEMPLATE_DIR, TemplateError } from '../../src/template';
import { validateReport } from '../../src/validate/validate';
import { fuzzParams, fuzzRuns, hasStackTrace, minimalReport } from './support';

const SECRET = 'SECRET-OUTSIDE-THE-TEMPLATE-FOLDER';
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-tpl-sec-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
fs.mkdirSync(path.join(base, 'outside'));
fs.writeFileSync(path.join(base, 'outside', 'secret.hbs'), `<p>${SECRET}</p>\n`);
fs.writeFileSync(path.join(base, 'secret.hbs'), `<p>${SECRET}</p>\n`);

let counter = 0;
/** A copy of the default templates in `base/tN`, with section 6 replaced by `section6`. */
function templates(section6: string, extra: (dir: string) => void = () => {}): string {
  const dir = path.join(base, `t${counter++}`);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(DEFAULT_TEMPLATE_DIR)) fs.copyFileSync(path.join(DEFAULT_TEMPLATE_DIR, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'section-6-other.hbs'), `<h1>六、其他需要报告的事项</h1>\n${section6}\n`);
  extra(dir);
  return dir;
}

const report = minimalReport() as Report;

/** Builds with the folder: the TemplateError, or the tree when it builds. */
function build(dir: string): { error?: TemplateError; tree?: DocTree } {
  try {
    return { tree: buildDocTree(report, { templateDir: dir }).tree };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return { error: e };
  }
}

/** Refused with a Chinese message that names the template file, never showing the secret. */
function expectRefused(dir: string, reason: RegExp): void {
  const { error, tree } = build(dir);
  expect(tree).toBeUndefined();
  expect(error!.message).toContain(path.join(dir, 'section-6-other.hbs'));
  expect(error!.message).toMatch(/模板错误：/);
  expect(error!.message).toMatch(reason);
  expect(error!.message).not.toContain(SECRET);
  expect(hasStackTrace(error!.message)).toBe(false);
}

describe('files beyond the template folder', () => {
  test.each([
    ['{{> ../secret}}', /找不到模板片段“\.\.\/secret”/],
    ['{{> ../outside/secret}}', /找不到模板片段/],
    ['{{> ../../etc/passwd}}', /找不到模板片段“\.\.\/\.\.\/etc\/passwd”/],
    ['{{> [../outside/secret]}}', /找不到模板片段/],
    ['{{> /etc/passwd}}', /语法错误/],
    ['{{> "../secret"}}', /模板片段名必须直接写出/],
    ['{{> (concat "../" "secret")}}', /模板片段名必须直接写出/],
  ])('partial %s is refused', (src, reason) => {
    expectRefused(templates(`<p>${src}</p>`), reason);
  });

  test('a symbolic link in the template folder is not a template: only regular files in the folder are read', () => {
    const dir = templates('<p>{{> leak}}</p>', (d) => fs.symlinkSync(path.join(base, 'outside', 'secret.hbs'), path.join(d, 'leak.hbs')));
    expectRefused(dir, /找不到模板片段“leak”/);
    // the same folder without the reference builds, and nothing of the link's target is read
    fs.writeFileSync(path.join(dir, 'section-6-other.hbs'), '<h1>六、其他需要报告的事项</h1>\n');
    const later = new Date(Date.now() + 10_000);
    fs.utimesSync(path.join(dir, 'section-6-other.hbs'), later, later);
    expect(JSON.stringify(build(dir).tree)).not.toContain(SECRET);
  });

  test('a symbolic link replacing the main template does not count as one', () => {
    const dir = templates('', (d) => {
      fs.unlinkSync(path.join(d, 'report.hbs'));
      fs.symlinkSync(path.join(base, 'secret.hbs'), path.join(d, 'report.hbs'));
    });
    const { error } = build(dir);
    expect(error?.message).toMatch(/模板文件夹中没有主模板 report\.hbs/);
  });

  test('the template folder itself may be reached through a link (the user names it)', () => {
    const link = path.join(base, 'linked-folder');
    fs.symlinkSync(DEFAULT_TEMPLATE_DIR, link);
    expect(build(link).tree?.blocks.length).toBeGreaterThan(10);
  });
});

describe('the environment, globals and prototypes', () => {
  test.each([
    ['{{process.env.HOME}}', /.+/],
    ['{{@root.process}}', /不存在的字段“process”/],
    ['{{global}}', /不存在的字段“global”/],
    ['{{globalThis.process}}', /.+/],
    ['{{require}}', /不存在的字段“require”/],
    ['{{agency.toUpperCase}}', /.+/],
    ['{{agency.length}}', /不能读取“length”/],
    ['{{year.toFixed}}', /.+/],
    ['{{@root.__lookupGetter__}}', /不能读取“__lookupGetter__”/],
    ['{{#with agency}}{{constructor}}{{/with}}', /不能读取“constructor”/],
    ['{{#each overview}}{{this.constructor.constructor}}{{/each}}', /不能读取“constructor”/],
    ['{{#each overview}}{{__proto__.polluted}}{{/each}}', /__proto__/],
  ])('%s is refused', (src, reason) => {
    expectRefused(templates(`<p>${src}</p>`), reason);
  });

  test('a partial that includes itself fails with a template error, not a crash', () => {
    expectRefused(templates('<p>{{> section-6-other}}</p>'), /.+/);
  });

  test('nothing leaks into Object.prototype', () => {
    build(templates('<p>{{#each overview}}{{heading}}{{/each}}</p>'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const text = (inlines: readonly Inline[]): string =>
  inlines.map((n) => (n.kind === 'text' ? n.text : n.kind === 'strong' ? text(n.children) : n.kind === 'runIn' ? n.text : '\n')).join('');

/** The document's structure: block kinds, heading levels, table shapes (not the text). */
function shape(tree: DocTree): string[] {
  return tree.blocks
    .filter((b) => b.kind !== 'paragraph')
    .map((b: Block) => (b.kind === 'heading' ? `h${b.level}` : b.kind === 'table' ? `table ${b.rows.length}×${b.widths.length}` : b.kind === 'signature' ? `signature ${b.lines.length}` : b.kind));
}

function allText(tree: DocTree): string {
  return tree.blocks
    .map((b) =>
      b.kind === 'title' || b.kind === 'heading' || b.kind === 'paragraph'
        ? text(b.children)
        : b.kind === 'table'
          ? b.rows.map((r) => r.cells.map((c) => text(c.children)).join('|')).join('\n')
          : b.kind === 'signature'
            ? b.lines.join('\n')
            : '',
    )
    .join('\n');
}

describe('property: markup-like data never changes the structure of the document', () => {
  const PIECES = ['<', '>', '</', '/>', '&', '&amp;', '&lt;', '&#x3c;', '"', "'", '=', 'h1', 'p', 'b', 'table', 'tr', 'td', 'page-break', 'title', 'run-in', 'signature', '**', '{{', '}}', '{{> table-3}}', '#each', '<!--', '-->', '<![CDATA[', '\u0001', '0:1', '\u0002', '\n', '\n\n', '（一）', '1.', '一是', ' ', '甲'];
  const markupish = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 25 }).map((p) => `乙${p.join('')}`);
  const FIELDS = ['agency', 'title', 'contact', 'preamble', 'overviewIntro', 'problems', 'otherMatters'] as const;

  test('every text field full of markup, entities, handlebars and location markers', () => {
    const baseline = shape(buildDocTree(validateReport({ ...minimalReport(), title: '标题', contact: '电话', preamble: '开头。', signature: { date: '2024-01-20' } }).report!).tree);
    fc.assert(
      fc.property(fc.array(markupish, { minLength: FIELDS.length + 2, maxLength: FIELDS.length + 2 }), (values) => {
        const data: Record<string, unknown> = { ...minimalReport(), signature: { date: '2024-01-20' } };
        FIELDS.forEach((f, i) => (data[f] = values[i]));
        data.overview = [{ heading: values[FIELDS.length], body: values[FIELDS.length + 1] }];
        const v = validateReport(data);
        expect(v.report).toBeDefined();
        const tree = buildDocTree(v.report!).tree;
        expect(shape(tree)).toEqual(baseline);
        const printed = allText(tree);
        // Markup characters of the data are text: all there, none swallowed as tags.
        for (const ch of ['<', '>', '&']) {
          const inData = [v.report!.problems!, v.report!.otherMatters!].join('').split(ch).length - 1;
          expect(printed.split(ch).length - 1).toBeGreaterThanOrEqual(inData);
        }
        expect(printed).not.toMatch(/[\u0001\u0002]/);
        expect(tree.meta.author).toBe(v.report!.agency.trim());
      }),
      fuzzParams(fuzzRuns(40, 0.3)),
    );
  });
});

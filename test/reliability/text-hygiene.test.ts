/**
 * Control and zero-width characters in text (TXT-CTRL, TXT-ZW): found in every text
 * field and key, named with the field and position, removed from the validated
 * report, and so absent from every output.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { buildDocTree } from '../../src/template';
import { renderReportBytes } from '../../src/pipeline/render-report';
import type { Report } from '../../src/model/schema';
import { loadReportText } from '../../src/load/load-report';
import { ruleInfo } from '../../src/validate/rules';
import { cleanText } from '../../src/validate/text-hygiene';
import { validateReport, type Diagnostic } from '../../src/validate/validate';
import { tempDir, xxgk } from '../support/cli';
import { fuzzParams, fuzzRuns, hasStackTrace, minimalReport, toYaml, xmlProblem } from './support';

const NO_LINES = { lineOf: () => undefined };

/** Zero-width and other invisible format characters: removed with a warning. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u00ad', '\u202e', '\u2066'];
/** Control characters and broken text: an error (and removed). */
const CONTROL = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\n' && c !== '\t' && c !== '\r'),
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009b',
  '\u009f',
  '\ud800',
  '\udfff',
  '\ufffe',
  '\uffff',
];
const ANY_BAD = new RegExp(
  `[${[...INVISIBLE, ...CONTROL]
    .filter((c) => !/[\ud800-\udfff]/.test(c))
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]|\\p{Cs}`,
  'u',
);

/** Every string of a value (keys included). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), strings(x, out));
  return out;
}

const validate = (data: unknown) => validateReport(data, NO_LINES);
const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('cleanText', () => {
  test('keeps tab and line feed; CR LF and CR become LF; U+2028 a line, U+2029 a paragraph break', () => {
    expect(cleanText('a\tb\nc')).toEqual({ text: 'a\tb\nc', findings: [] });
    expect(cleanText('a\r\nb\rc\u2028d\u2029e').text).toBe('a\nb\nc\nd\n\ne');
    expect(cleanText('a\r\nb\rc').findings).toEqual([]);
  });

  test('classifies each character', () => {
    for (const c of INVISIBLE) expect(cleanText(`甲${c}乙`).findings.map((f) => f.kind)).toEqual(['invisible']);
    for (const c of CONTROL) expect(cleanText(`甲${c}乙`).findings.map((f) => f.kind)).toEqual(['control']);
    // a valid surrogate pair (𠮷, 😀) is text, not a lone surrogate
    expect(cleanText('𠮷😀')).toEqual({ text: '𠮷😀', findings: [] });
  });

  test('positions count characters as people see them (a character outside the BMP is one)', () => {
    const r = cleanText('𠮷a\u200bb\u0007');
    expect(r.text).toBe('𠮷ab');
    expect(r.findings.map((f) => [f.position, f.before])).toEqual([
      [3, '𠮷a'],
      [5, '𠮷ab'],
    ]);
  });
});

describe('TXT-ZW and TXT-CTRL in validation', () => {
  test('both codes are in the rule catalogue', () => {
    expect(ruleInfo('TXT-ZW')).toMatchObject({ severity: 'warning' });
    expect(ruleInfo('TXT-CTRL')).toMatchObject({ severity: 'error' });
  });

  test('a zero-width space in the agency: a warning naming the field and the position; the report has clean text', () => {
    const r = validate({ ...minimalReport(), agency: '某某县\u200b统计局' });
    const [w] = byCode(r.diagnostics, 'TXT-ZW');
    expect(w).toMatchObject({ severity: 'warning', path: 'agency' });
    expect(w.message).toBe('机关名称（agency）中有不可见的零宽空格（U+200B），在第 4 个字符处（“某某县”之后），已删除（常见于从网页或 Word 复制的文字）');
    expect(r.report?.agency).toBe('某某县统计局');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('a control character in an overview body: an error naming the item, the position and the character', () => {
    const data = minimalReport();
    data.overview = [{ heading: '主动公开', body: '第一段。\n\n第二\u000b段。' }];
    const r = validate(data);
    const [e] = byCode(r.diagnostics, 'TXT-CTRL');
    expect(e).toMatchObject({ severity: 'error', path: 'overview[0].body' });
    expect(e.message).toMatch(/^一、总体情况 （一）主动公开 正文（overview\[0\]\.body）中有垂直制表符（常见于从 Word 复制的手动换行符）（U\+000B），在第 9 个字符处（“第一段。↵↵第二”之后）/);
    expect(r.report?.overview?.[0].body).toBe('第一段。\n\n第二段。');
  });

  test('several in one field: counted, first positions listed', () => {
    const r = validate({ ...minimalReport(), problems: `a${'\u200b'.repeat(7)}b\ufeff` });
    const [w] = byCode(r.diagnostics, 'TXT-ZW');
    expect(w.message).toMatch(/零宽空格（U\+200B） ×7、字节顺序标记（BOM）（U\+FEFF），在第 2、3、4、5、6 等 个字符处（第一个在“a”之后）/);
  });

  test('keys: a zero-width character in a key is removed, so the key is known; a control character is an error', () => {
    const data: Record<string, unknown> = { year: 2023, ['agen\u200bcy']: '某局', problems: '一是培训不足，将加强培训。', ['otherMatters\u0000']: '无。' };
    const v = validate(data);
    expect(byCode(v.diagnostics, 'TXT-ZW')).toMatchObject([{ path: 'agency', message: expect.stringMatching(/^报告中的键名“agency”有不可见的零宽空格/) }]);
    expect(byCode(v.diagnostics, 'TXT-CTRL')).toMatchObject([{ path: 'otherMatters' }]);
    expect(byCode(v.diagnostics, 'SCHEMA-UNKNOWN-KEY')).toEqual([]);
    expect(v.report).toMatchObject({ agency: '某局', otherMatters: '无。' });
  });

  test('a cleaned key that collides with an existing key keeps its name and is reported as unknown', () => {
    const v = validate({ ...minimalReport(), ['agency\u200b']: '另一个局' });
    expect(byCode(v.diagnostics, 'TXT-ZW')).toHaveLength(1);
    expect(byCode(v.diagnostics, 'SCHEMA-UNKNOWN-KEY')).toHaveLength(1);
    expect(v.report).toBeUndefined();
  });

  test('lines: the finding is on the line of the field, a renamed key keeps its line', () => {
    const text = 'agency: 某局\nyear: 2023\nproblems: "一是\\u200b培训不足"\n"other\\u200bMatters": 无。\n';
    const loaded = loadReportText(text);
    const v = validateReport(loaded.data, loaded.sourceMap);
    expect(byCode(v.diagnostics, 'TXT-ZW').map((d) => [d.path, d.line])).toEqual([
      ['problems', 3],
      ['otherMatters', 4],
    ]);
  });

  test('a text made only of invisible characters is empty after cleaning: required fields say so', () => {
    const v = validate({ ...minimalReport(), agency: '\u200b\ufeff' });
    expect(byCode(v.diagnostics, 'SCHEMA-REQUIRED')).toMatchObject([{ path: 'agency' }]);
  });
});

/** The text fields of a report and a value for each (some are checked by pattern). */
const TEXT_FIELDS: [path: (string | number)[], value: string][] = [
  [['agency'], '某某县统计局'],
  [['title'], '某某县统计局2023年政府信息公开工作年度报告'],
  [['contact'], '0952-1234567'],
  [['preamble'], '根据条例规定，编制本报告。'],
  [['overviewIntro'], '本局认真贯彻落实。'],
  [['overview', 0, 'heading'], '主动公开'],
  [['overview', 0, 'body'], '一是加强领导。\n\n二是完善制度。'],
  [['applicationsIntro'], '本年度收到申请情况如下。'],
  [['problems'], '一是公开内容不够全面。下一步将加强培训，完善制度。'],
  [['otherMatters'], '本年度未收取信息处理费。'],
  [['signature', 'agency'], '某某县统计局'],
  [['signature', 'date'], '2024-01-20'],
  [['proactive', 'fees'], '12.5'],
  [['acknowledged', 0, 'reason'], '已核实'],
];

function reportWith(values: Map<string, string>): Record<string, unknown> {
  const data: Record<string, any> = { ...minimalReport(), overview: [{}], signature: {}, proactive: {}, acknowledged: [{ code: 'N2' }] };
  for (const [p, value] of TEXT_FIELDS) {
    let node = data;
    for (const k of p.slice(0, -1)) node = node[k];
    node[p[p.length - 1]] = values.get(p.join('.')) ?? value;
  }
  return data;
}

/** Fields with a pattern (a date, an amount). */
const PATTERNED = ['signature.date', 'proactive.fees'];

const pathString = (p: (string | number)[]) => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

describe('property: inserted characters are reported where they are and never survive', () => {
  test('random characters of both classes at random places of random text fields', () => {
    const insertion = fc.record({
      field: fc.nat({ max: TEXT_FIELDS.length - 1 }),
      chars: fc.array(fc.constantFrom(...INVISIBLE, ...CONTROL), { minLength: 1, maxLength: 4 }),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(insertion, { maxLength: 5 }), (insertions) => {
        const values = new Map<string, string>();
        const expected = new Map<string, { zw: boolean; ctrl: boolean }>();
        for (const { field, chars, at } of insertions) {
          const [p, original] = TEXT_FIELDS[field];
          const key = p.join('.');
          const current = values.get(key) ?? original;
          const cut = at % (current.length + 1);
          values.set(key, current.slice(0, cut) + chars.join('') + current.slice(cut));
          const e = expected.get(pathString(p)) ?? { zw: false, ctrl: false };
          for (const c of chars) (INVISIBLE.includes(c) ? (e.zw = true) : (e.ctrl = true));
          expected.set(pathString(p), e);
        }
        // A lone high and a lone low surrogate side by side make a valid character: not this test's subject.
        fc.pre(![...values.values()].some((t) => /[\ud800-\udbff][\udc00-\udfff]/.test(t)));
        const v = validate(reportWith(values));
        for (const [path, e] of expected) {
          expect({ path, zw: byCode(v.diagnostics, 'TXT-ZW').some((d) => d.path === path) }).toEqual({ path, zw: e.zw });
          expect({ path, ctrl: byCode(v.diagnostics, 'TXT-CTRL').some((d) => d.path === path) }).toEqual({ path, ctrl: e.ctrl });
        }
        expect(byCode(v.diagnostics, 'TXT-ZW').length + byCode(v.diagnostics, 'TXT-CTRL').length).toBeLessThanOrEqual(2 * expected.size);
        // The cleaned report is the original report: nothing else changed, nothing was left.
        expect(v.report).toBeDefined();
        expect(strings(v.report).filter((s) => ANY_BAD.test(s))).toEqual([]);
        expect(v.report).toEqual(validate(reportWith(new Map())).report);
      }),
      fuzzParams(fuzzRuns(200)),
    );
  });

  test('arbitrary strings in every text field: the validated report never holds a control or invisible character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: TEXT_FIELDS.length, maxLength: TEXT_FIELDS.length }), (texts) => {
        // (the date and the amount keep valid values, so the report usually validates)
        const values = new Map(TEXT_FIELDS.filter(([p]) => !PATTERNED.includes(p.join('.'))).map(([p], i) => [p.join('.'), `甲${texts[i]}`]));
        const v = validate(reportWith(values));
        for (const d of v.diagnostics) expect(d.code).not.toBe('INTERNAL');
        expect(v.report).toBeDefined();
        expect(strings(v.report).filter((s) => ANY_BAD.test(s))).toEqual([]);
      }),
      fuzzParams(fuzzRuns(300)),
    );
  });
});

describe('outputs never contain them', () => {
  // (a space between each, so \ud800 and \udfff stay lone instead of pairing into U+103FF)
  const all = [...INVISIBLE, ...CONTROL].join(' ');
  const dirty = reportWith(new Map(TEXT_FIELDS.filter(([p]) => !PATTERNED.includes(p.join('.'))).map(([p, v]) => [p.join('.'), `${v.slice(0, 2)}${all}${v.slice(2)}`])));

  test('the document tree and the .docx XML of a report with every such character in every text field', async () => {
    const v = validate(dirty);
    expect(v.report).toBeDefined();
    const tree = buildDocTree(v.report as Report).tree;
    expect(strings(tree).filter((s) => ANY_BAD.test(s))).toEqual([]);
    const rendered = await renderReportBytes('dirty.json', Buffer.from(JSON.stringify(dirty)), { formats: ['docx'] });
    expect(rendered.status).toBe('ok'); // not strict: errors are printed, the text rendered clean
    const zip = await JSZip.loadAsync(rendered.docx!);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.files[name].async('string');
      expect({ name, problem: xmlProblem(xml) }).toEqual({ name, problem: undefined });
      expect({ name, bad: ANY_BAD.exec(xml)?.[0] }).toEqual({ name, bad: undefined });
    }
  });

  test('CLI: --strict refuses a control character and writes nothing; a zero-width space alone renders with a warning', () => {
    const tmp = tempDir('xxgk-txt-');
    try {
      const ctrl = join(tmp.dir, 'ctrl.yaml');
      writeFileSync(ctrl, toYaml({ ...minimalReport(), agency: '某某县\u0007统计局' }));
      const r = xxgk(['render', ctrl, '--strict', '-f', 'docx']);
      expect(r.status).toBe(1);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stderr).toMatch(/ctrl\.yaml:1: TXT-CTRL 错误：机关名称（agency）中有控制字符 U\+0007，在第 4 个字符处（“某某县”之后）/);
      expect(r.stderr).toMatch(/按 --strict 未生成文件/);
      expect(existsSync(join(tmp.dir, 'ctrl.docx'))).toBe(false);

      const zw = join(tmp.dir, 'zw.yaml');
      writeFileSync(zw, toYaml({ ...minimalReport(), agency: '某某县\u200b统计局' }));
      const ok = xxgk(['render', zw, '--strict', '-f', 'docx']);
      expect(ok.stderr).toMatch(/zw\.yaml:1: TXT-ZW 警告/);
      expect(ok.status).toBe(0);
      expect(readdirSync(tmp.dir).sort()).toEqual(['ctrl.yaml', 'zw.docx', 'zw.yaml']);
    } finally {
      tmp.cleanup();
    }
  });
});

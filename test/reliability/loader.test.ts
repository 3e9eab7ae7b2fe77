/**
 * The loader on hostile and generated text: deep nesting and alias bombs are refused
 * quickly in bounded memory, real documents of any ordinary shape load unchanged, and
 * no input makes it throw.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { decodeInput, loadReportText, MAX_DEPTH, MAX_INPUT_BYTES } from '../../src/load/load-report';
import { estimateNesting } from '../../src/load/nesting';
import { ROOT } from '../support/cli';
import { EXAMPLE_TEXT, fuzzParams, fuzzRuns } from './support';

const parseErrors = (text: string) => loadReportText(text).diagnostics.filter((d) => d.code === 'PARSE');
const TOO_DEEP = /数据嵌套超过 64 层/;

/** Text that nests `depth` collections in one of the ways YAML and JSON allow. */
const STYLES: Record<string, (depth: number) => string> = {
  'flow [': (d) => `${'['.repeat(d)}1${']'.repeat(d)}`,
  'flow {': (d) => `${'{a: '.repeat(d)}1${'}'.repeat(d)}`,
  JSON: (d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`,
  'JSON array': (d) => `${'[0,'.repeat(d)}1${']'.repeat(d)}`,
  'block map': (d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n',
  'block seq': (d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n') + ' 1\n',
  'compact - - -': (d) => `${'- '.repeat(d)}1\n`,
  'after a quoted key with an apostrophe': (d) => `"it's": x\nb: ${'['.repeat(d - 1)}${']'.repeat(d - 1)}\n`,
};

describe('deep nesting', () => {
  // No test here times itself: a blow-up would hang, and jest's timeout stops it (timing goals live in npm run bench).
  test.each(Object.keys(STYLES))('%s: 64 levels load, 65 and 100,000 are refused', (style) => {
    const make = STYLES[style];
    expect(parseErrors(make(MAX_DEPTH))).toEqual([]);
    expect(parseErrors(make(MAX_DEPTH + 1)).map((d) => d.message)).toEqual([expect.stringMatching(TOO_DEEP)]);
    if (style.startsWith('block')) return; // 100,000 indented lines would be gigabytes
    const errors = parseErrors(make(100_000));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(TOO_DEEP);
  });

  test('explicit keys (? ? ? x): 100,000 refused at once; a key that is itself a map is refused (its JSON form grows exponentially)', () => {
    expect(parseErrors(`${'? '.repeat(100_000)}1\n`).map((d) => d.message)).toEqual([expect.stringMatching(TOO_DEEP)]);
    expect(parseErrors(`${'? '.repeat(65)}1\n`).map((d) => d.message)).toEqual([expect.stringMatching(TOO_DEEP)]);
    expect(parseErrors(`${'? '.repeat(64)}1\n`).map((d) => d.message)).toEqual([expect.stringMatching(/键必须是简单的文字/)]);
    expect(parseErrors('[1, 2]: x\n').map((d) => [d.line, d.message])).toEqual([[1, expect.stringMatching(/键必须是简单的文字/)]]);
    expect(parseErrors('a: &k x\n*k : y\n').map((d) => d.line)).toEqual([2]);
  });

  test('unclosed brackets: one message, not one per bracket', () => {
    for (const text of ['['.repeat(100_000), '{'.repeat(100_000), `a:\n${'  - ['.repeat(20_000)}`]) {
      const errors = parseErrors(text);
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(TOO_DEEP);
    }
  });

  test('bounded memory, and no abort of the whole process (V8 once died compiling a regexp deep in the yaml stack)', () => {
    // In a child with a 32 MB heap: before the guards, 100,000 levels took ~200 MB, and
    // `[`×1000 followed by `{"a":`×1000 in one process aborted with "RegExpCompiler Allocation failed".
    const script = `
      const { loadReportText } = require(${JSON.stringify(join(ROOT, 'dist', 'load', 'load-report.js'))});
      const inputs = ['['.repeat(1000) + ']'.repeat(1000), '{"a":'.repeat(1000) + '1' + '}'.repeat(1000),
        '['.repeat(100000), '{"a":'.repeat(100000) + '1' + '}'.repeat(100000), '- '.repeat(100000) + 'x'];
      for (let round = 0; round < 3; round++) for (const t of inputs) {
        const d = loadReportText(t).diagnostics;
        if (d.length !== 1 || !/嵌套/.test(d[0].message)) { console.log('unexpected', JSON.stringify(d)); process.exit(3); }
      }
      console.log('ok', Math.round(process.memoryUsage().heapUsed / 1048576));`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=32', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok \d+/);
    expect(r.status).toBe(0);
  });
});

describe('aliases', () => {
  test('a billion-laughs bomb and a 2,000-anchor chain are refused quickly', () => {
    let lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0, prev = 'a'; i < 9; prev = `b${i}`, i++) lol += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    let chain = 'a0: &a0 [x]\n';
    for (let i = 1; i < 2000; i++) chain += `a${i}: &a${i} [*a${i - 1}]\n`;
    for (const text of [lol, chain]) {
      const errors = parseErrors(text);
      expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(/别名.*展开过多/)]);
    }
  });

  test('ordinary use of an alias still works', () => {
    const r = loadReportText('agency: &a 某局\nyear: 2023\nsignature: { agency: *a, date: 2024-01-20 }\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ agency: '某局', year: 2023, signature: { agency: '某局', date: '2024-01-20' } });
  });
});

describe('encodings and sizes', () => {
  test('a file past the size limit is refused before parsing', () => {
    const d = decodeInput(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x20)).diagnostic;
    expect(d?.message).toMatch(/文件太大（5\.0 MB），已拒绝/);
  });

  test('UTF-16 with a byte order mark is read (LE and BE); a broken one is refused', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('agency: 某局\n', 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeInput(le).text).toBe('agency: 某局\n');
    expect(decodeInput(be).text).toBe('agency: 某局\n');
    expect(decodeInput(Buffer.concat([le, Buffer.from([0x00, 0xd8])])).diagnostic?.message).toMatch(/不是有效的 UTF-16/);
  });

  test('PDF and old Office files are named', () => {
    expect(decodeInput(Buffer.from('%PDF-1.7\n')).diagnostic?.message).toMatch(/这是PDF 文件，不是 YAML 或 JSON/);
    expect(decodeInput(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])).diagnostic?.message).toMatch(/旧版 Word\/Excel/);
  });
});

/** A tree of `depth` nested collections (maps and lists chosen by `kinds`), with a scalar inside. */
function nested(depth: number, kinds: boolean[], leaf: unknown): unknown {
  let v = leaf;
  for (let i = depth - 1; i >= 0; i--) v = kinds[i % kinds.length] ? { k: v, n: i } : [i, v];
  return v;
}

const writers: Record<string, (v: unknown) => string> = {
  yaml: (v) => stringify(v),
  'yaml flow': (v) => stringify(v, { collectionStyle: 'flow' }),
  'yaml quoted': (v) => stringify(v, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }),
  json: (v) => JSON.stringify(v),
  'json indented': (v) => JSON.stringify(v, null, 2),
};

describe('properties', () => {
  test('any JSON value up to 8 levels, written as YAML or JSON in any style, loads back unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.constantFrom(...Object.keys(writers)), (value, how) => {
        const text = writers[how](value);
        const r = loadReportText(text);
        if (text.trim() === '') return; // an empty string or null written as nothing
        expect(r.diagnostics).toEqual([]);
        expect(JSON.stringify(r.data)).toBe(JSON.stringify(value));
      }),
      fuzzParams(fuzzRuns(300)),
    );
  });

  test('nesting of up to 64 collections loads, of 65 to 300 is refused, in any mix of maps and lists and any style', () => {
    fc.assert(
      fc.property(
        // (yaml's own stringify recurses: past ~1,000 levels it cannot write the test input)
        fc.oneof(fc.integer({ min: 1, max: MAX_DEPTH }), fc.integer({ min: MAX_DEPTH + 1, max: 300 })),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...Object.keys(writers)),
        fc.constantFrom<unknown>(1, '文字', "it's", '[', 'a: b', null),
        (depth, kinds, how, leaf) => {
          const text = writers[how](nested(depth, kinds, leaf));
          const errors = parseErrors(text);
          if (depth <= MAX_DEPTH) expect(errors).toEqual([]);
          else expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(TOO_DEEP)]);
        },
      ),
      fuzzParams(fuzzRuns(150, 0.5)),
    );
  });

  test('the quick scan counts flow nesting in full and at least half of block nesting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.constantFrom(...Object.keys(writers)), (depth, kinds, how) => {
        const text = writers[how](nested(depth, kinds, 'x'));
        const block = how === 'yaml' || how === 'yaml quoted';
        expect(estimateNesting(text, block ? Math.ceil(depth / 2) - 1 : depth - 1)).toBeDefined();
      }),
      fuzzParams(fuzzRuns(200, 0.5)),
    );
  });

  /** Pieces of YAML syntax, so generated text hits the parser's corners rather than only plain scalars. */
  const TOKENS = ['[', ']', '{', '}', ',', ': ', '- ', '? ', '&a ', '*a', '!!str ', "'", '"', '\\', '#', '|', '>', '\n', '  ', '\t', '---', '...', '%YAML 1.2', 'agency', '某局', 'year: 2023', '\r\n', '\u0000', '\ufeff', '@', '`'];

  test('never throws, and always answers, on text made of YAML syntax, on any string and on any bytes', () => {
    const yamlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((t) => t.join(''));
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b))), (input) => {
        const text = typeof input === 'string' ? input : decodeInput(input).text;
        if (text === undefined) return;
        const r = loadReportText(text);
        for (const d of r.diagnostics) {
          expect(d.code).toBe('PARSE');
          expect(d.message).toMatch(/[\u4e00-\u9fff]/);
        }
        if (r.diagnostics.length > 0) expect(r.data).toBeUndefined();
      }),
      fuzzParams(fuzzRuns(500)),
    );
  });

  test('the example with random pieces of YAML syntax spliced in never throws', () => {
    fc.assert(
      fc.property(fc.nat({ max: EXAMPLE_TEXT.length }), fc.array(fc.constantFrom(...TOKENS), { maxLength: 10 }), (at, pieces) => {
        const text = EXAMPLE_TEXT.slice(0, at) + pieces.join('') + EXAMPLE_TEXT.slice(at);
        const r = loadReportText(text);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      fuzzParams(fuzzRuns(200, 0.5)),
    );
  });
});

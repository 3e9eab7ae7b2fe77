/**
 * Every command on broken input: a Chinese message naming the file and the field,
 * the exit codes of DESIGN §3 (1 for bad data, 2 for usage and unwritable outputs),
 * never a stack trace, and nothing written.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { startPreview } from '../../src/preview/server';
import { renderReportBytes } from '../../src/pipeline/render-report';
import { rawGet } from '../preview/helpers';
import { tempDir, xxgk } from '../support/cli';
import { GB18030_JI, GBK_AGENCY, hasStackTrace, minimalReport, toYaml } from './support';

interface Case {
  name: string;
  file: string;
  bytes: Buffer;
  /** Rule code and message of the finding that must be reported. */
  code: string;
  message: RegExp;
  /** The line the finding must name, when there is one. */
  line?: number;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const valid = toYaml(minimalReport());

const aliasBomb = (() => {
  let s = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 0, prev = 'a'; i < 9; i++, prev = `b${i - 1}`) s += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  return s;
})();

const CASES: Case[] = [
  { name: 'invalid YAML', file: 'bad-indent.yaml', bytes: utf8('agency: 某局\nyear: 2023\noverview:\n  - heading: 主动公开\n   body: 正文\n'), code: 'PARSE', message: /无法解析/, line: 5 },
  { name: 'invalid JSON (missing comma)', file: 'bad.json', bytes: utf8('{"agency": "某局",\n "year": 2023\n "problems": "x"}'), code: 'PARSE', message: /无法解析/ },
  { name: 'unterminated JSON', file: 'cut.json', bytes: utf8('{"agency": "某局", "year": 20'), code: 'PARSE', message: /无法解析/ },
  { name: 'an empty file', file: 'empty.yaml', bytes: utf8(''), code: 'PARSE', message: /文件是空的/ },
  { name: 'only comments', file: 'comments.yaml', bytes: utf8('# 报告\n\n'), code: 'SCHEMA-TYPE', message: /没有报告数据/ },
  {
    name: 'GBK / GB18030 bytes',
    file: 'gbk.yaml',
    bytes: Buffer.concat([utf8('agency: '), GBK_AGENCY, GB18030_JI, utf8('\nyear: 2023\n')]),
    code: 'PARSE',
    message: /不是 UTF-8 编码，看起来是 GBK\/GB18030 编码.*另存为“UTF-8”/,
  },
  { name: 'UTF-16 without a BOM', file: 'utf16.yaml', bytes: Buffer.from(valid, 'utf16le'), code: 'PARSE', message: /UTF-16LE/ },
  { name: 'a Word/Excel file', file: 'report.yaml', bytes: Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), code: 'PARSE', message: /Word\/Excel/ },
  { name: 'a YAML alias bomb (billion laughs)', file: 'lol.yaml', bytes: utf8(aliasBomb), code: 'PARSE', message: /别名.*展开过多/ },
  { name: '100,000 nested [ in YAML', file: 'deep.yaml', bytes: utf8(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), code: 'PARSE', message: /嵌套超过 64 层/, line: 1 },
  { name: '100,000 nested { in JSON', file: 'deep.json', bytes: utf8(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`), code: 'PARSE', message: /嵌套超过 64 层/, line: 1 },
  { name: '100,000 unclosed [', file: 'open.json', bytes: utf8('['.repeat(100_000)), code: 'PARSE', message: /嵌套超过 64 层/ },
  {
    name: '400 levels of indented mappings',
    file: 'indent.yaml',
    bytes: utf8(Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')),
    code: 'PARSE',
    message: /嵌套超过 64 层/,
  },
  { name: '100,000 compact sequences (- - - x)', file: 'dashes.yaml', bytes: utf8(`${'- '.repeat(100_000)}x\n`), code: 'PARSE', message: /嵌套超过 64 层/ },
  { name: 'a number as text', file: 'string-number.yaml', bytes: utf8(`${valid}proactive:\n  licensing: "5"\n`), code: 'T2-R1', message: /行政许可.*文本“5”而不是数字，请去掉引号/ },
  { name: 'a negative count', file: 'negative.yaml', bytes: utf8(`${valid}proactive:\n  penalty: -1\n`), code: 'T2-R1', message: /行政处罚.*不能为负数/ },
  { name: 'a fraction of an application', file: 'fraction.yaml', bytes: utf8(`${valid}applications:\n  newlyReceived: [1.5, 0, 0, 0, 0, 0]\n`), code: 'T3-R4', message: /本年新收.*自然人.*应为整数/ },
  {
    name: 'a count past 2^31',
    file: 'huge.yaml',
    bytes: utf8(`${valid}reviewLitigation:\n  review: { upheld: 2147483648, corrected: 0, other: 0, pending: 0 }\n`),
    code: 'T4-R4',
    message: /行政复议 \/ 结果维持.*2147483648.*超出允许的范围/,
  },
  { name: 'a missing agency', file: 'no-agency.yaml', bytes: utf8('year: 2023\nproblems: 一是培训不足。\n'), code: 'SCHEMA-REQUIRED', message: /缺少机关名称（agency）/ },
  { name: 'a missing year', file: 'no-year.json', bytes: utf8('{"agency": "某局"}'), code: 'SCHEMA-REQUIRED', message: /缺少报告年度（year）/ },
];

/** The line of the first occurrence of `needle` in a case's text. */
const lineOf = (c: Case, needle: string) => c.bytes.toString('utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
for (const c of CASES) {
  if (c.code === 'T2-R1' || c.code === 'T3-R4' || c.code === 'T4-R4') {
    c.line = lineOf(c, c.code === 'T2-R1' ? (c.file.startsWith('string') ? 'licensing' : 'penalty') : c.code === 'T3-R4' ? 'newlyReceived' : 'upheld');
  }
}

describe('every command on broken input', () => {
  const tmp = tempDir('xxgk-broken-');
  afterAll(tmp.cleanup);
  const inDir = join(tmp.dir, 'in');
  mkdirSync(inDir);
  for (const c of CASES) writeFileSync(join(inDir, c.file), c.bytes);
  const path = (c: Case) => join(inDir, c.file);

  test('the hostile inputs are what they claim to be', () => {
    expect(new TextDecoder('gb18030').decode(GBK_AGENCY)).toBe('平罗县科学技术局');
    expect(new TextDecoder('gb18030').decode(GB18030_JI)).toBe('𠮷');
    writeFileSync(join(tmp.dir, 'valid.yaml'), valid);
    const ok = xxgk(['validate', join(tmp.dir, 'valid.yaml')]);
    expect(ok.stdout).toMatch(/通过（错误 0 个/);
    expect(ok.status).toBe(0);
  });

  test('validate: exit 1; each file named with the line, the rule and a Chinese message', () => {
    const r = xxgk(['validate', ...CASES.map(path)]);
    expect(r.status).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    for (const c of CASES) {
      const where = c.line ? `${path(c)}:${c.line}: ` : `${path(c)}`;
      const lines = r.stdout.split('\n').filter((l) => l.startsWith(where) && l.includes(` ${c.code} 错误：`));
      expect({ case: c.name, found: lines.some((l) => c.message.test(l)) }).toEqual({ case: c.name, found: true });
      expect(r.stdout).toContain(`${path(c)}: 有错误`);
    }
  });

  test.each(CASES.map((c) => [c.name, c] as const))('render %s: exit 1, message on stderr, no file written', (_name, c) => {
    const out = join(tmp.dir, `out-${c.file}`);
    const r = xxgk(['render', path(c), '-o', out, '-f', 'docx,pdf', '--no-system-fonts']);
    expect(r.status).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(new RegExp(`^${path(c).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: ${c.code} 错误：.*`, 'm'));
    expect(r.stderr.split('\n').some((l) => c.message.test(l))).toBe(true);
    expect(r.stderr).toContain(`${path(c)}: 未能生成文件`);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  test('fonts --check: exit 1 with the message for unreadable data', () => {
    for (const c of CASES.filter((x) => ['gbk.yaml', 'deep.json', 'lol.yaml', 'no-agency.yaml'].includes(x.file))) {
      const r = xxgk(['fonts', '--check', path(c), '--no-system-fonts']);
      expect(r.status).toBe(1);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stderr.split('\n').some((l) => l.startsWith(`${path(c)}: `) && c.message.test(l))).toBe(true);
    }
  });

  test('batch: goes on past every broken file, exit 1, each named in the summary with its message', () => {
    const out = join(tmp.dir, 'batch-out');
    writeFileSync(join(inDir, 'zz-valid.yaml'), valid);
    const r = xxgk(['batch', inDir, '-o', out, '-j', '1', '-f', 'docx', '--json']);
    expect(r.status).toBe(1);
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { results: { file: string; status: string; diagnostics: { code: string; message: string }[] }[] };
    for (const c of CASES) {
      const row = summary.results.find((x) => basename(x.file) === c.file);
      expect({ file: c.file, status: row?.status }).toEqual({ file: c.file, status: 'failed' });
      const found = row!.diagnostics.some((d) => d.code === c.code && c.message.test(d.message));
      expect({ file: c.file, found, diagnostics: found ? [] : row!.diagnostics }).toEqual({ file: c.file, found: true, diagnostics: [] });
    }
    expect(summary.results.find((x) => basename(x.file) === 'zz-valid.yaml')?.status).toBe('ok');
    expect(readdirSync(out).sort()).toEqual(['summary.csv', 'summary.json', 'zz-valid.docx']);
  });

  test('preview: serves the diagnostics of broken data (no crash), here GBK and deep nesting', async () => {
    for (const c of CASES.filter((x) => x.file === 'gbk.yaml' || x.file === 'deep.json')) {
      const p = await startPreview({ input: path(c), port: 0, settings: { formats: ['pdf'], systemFonts: false }, render: renderReportBytes, logger: { info: () => {}, error: () => {} } });
      try {
        await p.loop.idle();
        const body = JSON.parse((await rawGet(p.port, '/diagnostics.json', { 'X-Xxgk-Token': p.token })).body.toString('utf8')) as { status: string; diagnostics: { code: string; message: string }[] };
        expect(body.status).toBe('failed');
        expect(body.diagnostics.some((d) => d.code === c.code && c.message.test(d.message))).toBe(true);
      } finally {
        await p.close();
      }
    }
  });
});

describe('accepted variants: UTF-8 BOM, CRLF line endings, UTF-16 with a BOM', () => {
  const tmp = tempDir('xxgk-variants-');
  afterAll(tmp.cleanup);

  test('validate exit 0 and render writes both files', () => {
    const crlf = valid.replace(/\n/g, '\r\n') + 'contact: "0952-1234567"\r\nsignature:\r\n  date: 2024-01-20\r\n';
    const files = {
      'bom-crlf.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(crlf)]),
      'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(JSON.stringify(minimalReport(), null, 2).replace(/\n/g, '\r\n'))]),
      'utf16le-bom.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(tmp.dir, name), bytes);
    const v = xxgk(['validate', '--json', ...Object.keys(files).map((f) => join(tmp.dir, f))]);
    expect(v.status).toBe(0);
    const doc = JSON.parse(v.stdout) as { files: { errors: number; warnings: number; diagnostics: { code: string }[] }[] };
    for (const f of doc.files) {
      expect(f.errors).toBe(0);
      // nothing about invisible characters: the BOM is not part of the text, CR LF is a line end
      expect(f.diagnostics.filter((d) => d.code.startsWith('TXT'))).toEqual([]);
    }
    const r = xxgk(['render', join(tmp.dir, 'bom-crlf.yaml'), '--no-system-fonts']);
    expect(r.status).toBe(0);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('bom-crlf.')).sort()).toEqual(['bom-crlf.docx', 'bom-crlf.pdf', 'bom-crlf.yaml']);
  });
});

describe('outputs that cannot be written: exit 2, a Chinese message, no stack trace', () => {
  const tmp = tempDir('xxgk-unwritable-');
  afterAll(tmp.cleanup);
  const input = join(tmp.dir, 'r.yaml');
  const aFile = join(tmp.dir, 'a-file');
  writeFileSync(input, valid);
  writeFileSync(aFile, 'not a folder');

  const expectUsage = (args: string[], message: RegExp) => {
    const r = xxgk(args);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
  };

  test('render -o a folder below a regular file (root cannot write there either)', () => {
    expectUsage(['render', input, '-o', join(aFile, 'out')], /^xxgk: 无法创建输出文件夹 .*a-file\/out：.*a-file 的路径中有一部分是文件而不是文件夹$/m);
  });

  test('render -o a regular file', () => {
    expectUsage(['render', input, '-o', aFile], /无法创建输出文件夹 .*a-file：.*已存在且不是文件夹/);
  });

  test('render when a folder has the output file name', () => {
    const out = join(tmp.dir, 'taken');
    mkdirSync(join(out, 'r.pdf'), { recursive: true });
    expectUsage(['render', input, '-o', out, '-f', 'pdf', '--no-system-fonts'], /无法写入 .*taken\/r\.pdf：.*是一个已有的文件夹/);
    expect(readdirSync(out)).toEqual(['r.pdf']); // no temporary file left
  });

  test('batch -o below a regular file; init into a missing folder', () => {
    expectUsage(['batch', input, '-o', join(aFile, 'out')], /无法创建输出文件夹/);
    expectUsage(['init', join(tmp.dir, 'no-such-folder', 'x.yaml')], /无法写入 .*x\.yaml：文件夹 .*no-such-folder 不存在/);
  });

  const root = process.getuid?.() === 0;
  (root ? test.skip : test)('render -o a read-only folder (skipped when running as root, who may write anywhere)', () => {
    const ro = join(tmp.dir, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      expectUsage(['render', input, '-o', ro], /输出文件夹 .*read-only 没有写入权限/);
    } finally {
      chmodSync(ro, 0o755);
    }
  });

  test('an input that is a folder, and a missing input', () => {
    expectUsage(['validate', tmp.dir], /这是一个文件夹，不是报告文件/);
    expectUsage(['render', join(tmp.dir, 'missing.yaml')], /missing\.yaml: 文件不存在/);
  });
});

import fc from 'fast-check';
import { loadReportText } from '../../src/load/load-report';
import { findTypingMistakes } from '../../src/load/typing-mistakes';
import { validateReport } from '../../src/validate/validate';
import { EXAMPLE_TEXT, fuzzParams, fuzzRuns } from '../reliability/support';

/** The example with line `n` (1-based) of `find` replaced. */
const edit = (find: string | RegExp, replace: string) => {
  const text = EXAMPLE_TEXT.replace(find, replace);
  expect(text).not.toBe(EXAMPLE_TEXT);
  return text;
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a Chinese keyboard’s separators get advice that keeps the value right', () => {
  test('a full-width colon after a key names the line, what was typed and what to type', () => {
    const text = edit(/^year: 2021/m, 'year：2021');
    const loaded = loadReportText(text);
    expect(loaded.data).toBeUndefined();
    expect(loaded.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'TYPO',
        path: '',
        line: lineOf(text, 'year：'),
        message: `第${lineOf(text, 'year：')}行：键名后用了中文冒号“：”，请改为英文冒号加空格“: ”。应写成：year: 2021`,
      },
    ]);
  });

  test('full-width commas in a row are separators, never a thousands mark (not “写成 300000”)', () => {
    const text = edit(/newlyReceived: *\[[^\]]*\]/, 'newlyReceived: [3，0，0，0，0，0]');
    const [m] = findTypingMistakes(text);
    expect(m.corrected).toBe('  newlyReceived: [3, 0, 0, 0, 0, 0]   # 一、本年新收政府信息公开申请数量');
    expect(m.message).toContain('应写成：newlyReceived: [3, 0, 0, 0, 0, 0]');
    expect(m.message).not.toMatch(/300000/);
  });

  test('a missing space after the colon, full-width brackets and digits, and colons in { }', () => {
    const typed = [
      ['carriedOver:[0, 0, 0, 0, 0, 0]', '  carriedOver: [0, 0, 0, 0, 0, 0]   # 二、上年结转政府信息公开申请数量', /缺少空格/],
      ['carriedOver: ［０, 0, 0, 0, 0, 0］', '  carriedOver: [0, 0, 0, 0, 0, 0]   # 二、上年结转政府信息公开申请数量', /中文标点或全角数字/],
      ['carriedOver: 【0，0，0，0，0，0】', '  carriedOver: [0, 0, 0, 0, 0, 0]   # 二、上年结转政府信息公开申请数量', /中文标点或全角数字/],
    ] as const;
    for (const [line, corrected, says] of typed) {
      const [m, ...rest] = findTypingMistakes(edit(/carriedOver: *\[[^\]]*\]/, line));
      expect(rest).toEqual([]);
      expect([line, m.corrected]).toEqual([line, corrected]);
      expect(m.message).toMatch(says);
    }
    const [m] = findTypingMistakes(edit(/rules: *\{[^}]*\}/, 'rules: { issued：0，repealed：0，inForce：0 }'));
    expect(m.corrected).toMatch(/^  rules: \{ issued: 0, repealed: 0, inForce: 0 \}   # 规章/);
  });

  test('where a comma may be a thousands mark or a separator, it asks instead of suggesting', () => {
    const [m] = findTypingMistakes(edit(/newlyReceived: *\[[^\]]*\]/, 'newlyReceived: [1，200, 0, 0, 0, 0]'));
    expect(m.corrected).toBeUndefined();
    expect(m.message).toMatch(/无法确定“，”是分隔两个数还是数字中的千位分隔符/);
    const quoted = loadReportText(edit(/licensing: *\d+/, 'licensing: "1，200"'));
    const d = validateReport(quoted.data, quoted.sourceMap).diagnostics.find((x) => x.path === 'proactive.licensing')!;
    expect(d.message).toMatch(/“1，200”是一个数还是几个数？/);
    expect(d.message).not.toMatch(/写成 1200/);
  });

  test('text blocks and comments are left alone: the example and Chinese punctuation in narrative have no finding', () => {
    expect(findTypingMistakes(EXAMPLE_TEXT)).toEqual([]);
    const text = 'agency: 某局\nyear: 2021\nproblems: |\n  year：2021年问题如下：\n  rules: [一，二]\notherMatters: 无。   # 说明：［无］\n';
    expect(findTypingMistakes(text)).toEqual([]);
    // brackets of text (a flow-style sub-section) may hold Chinese commas: found by the fuzz test
    expect(findTypingMistakes('overview: [ { heading: 某，一 } ]\n')).toEqual([]);
  });

  test('property: typing a valid file’s separators in full width, then applying the advice, gives back its data', () => {
    const original = loadReportText(EXAMPLE_TEXT).data;
    const lines = EXAMPLE_TEXT.split('\n');
    // Lines with a key and a one-line value (not a `|` block, not a list item).
    const candidates = lines.flatMap((l, i) => (/^\s*[A-Za-z]+: +[^|>\s]/.test(l) && !/^\s*-/.test(l) ? [i] : []));
    expect(candidates.length).toBeGreaterThan(20);
    const mutate = (line: string, how: number): string => {
      const m = /^(\s*[A-Za-z]+)(: +)(.*)$/.exec(line)!;
      let value = m[3];
      if (/^[[{]/.test(value)) {
        const comment = value.search(/\s#/);
        const code = comment < 0 ? value : value.slice(0, comment);
        const rest = comment < 0 ? '' : value.slice(comment);
        let flow = code.replace(/, /g, '，');
        if (how & 4) flow = flow.replace(/\[/g, '［').replace(/\]/g, '］').replace(/: /g, '：');
        if (how & 8) flow = flow.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        value = flow + rest;
      }
      return how & 1 ? `${m[1]}：${value}` : how & 2 ? `${m[1]}:${value}` : `${m[1]}${m[2]}${value}`;
    };
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 6, maxLength: 6 }), (picked, hows) => {
        const typed = [...lines];
        const changed = new Set<number>();
        picked.forEach((i, k) => {
          typed[i] = mutate(lines[i], hows[k]);
          if (typed[i] !== lines[i]) changed.add(i + 1);
        });
        const found = findTypingMistakes(typed.join('\n'));
        expect(found.map((f) => f.line).sort((a, b) => a - b)).toEqual([...changed].sort((a, b) => a - b));
        for (const f of found) typed[f.line - 1] = f.corrected!;
        const back = loadReportText(typed.join('\n'));
        expect(back.diagnostics).toEqual([]);
        expect(back.data).toEqual(original);
      }),
      fuzzParams(fuzzRuns(200)),
    );
  });
});

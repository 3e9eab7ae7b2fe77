import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReportText } from '../../src/load/load-report';
import { checkEdits, editablePaths, EditRequestError } from '../../src/preview/edit-paths';
import { applyEdits } from '../../src/preview/edit-yaml';

const EXAMPLE = readFileSync(join(__dirname, '../../examples/pingluo-kejiju-2021.yaml'), 'utf8');
const apply = (text: string, edits: { path: string; value: unknown }[]) => applyEdits(text, checkEdits(edits));
const data = (text: string) => {
  const l = loadReportText(text);
  expect(l.diagnostics).toEqual([]);
  return l.data as Record<string, any>;
};
/** The lines of `b` that are not in `a` (a changed line shows as one removed and one added). */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const la = a.split('\n');
  const lb = b.split('\n');
  return { removed: la.filter((l) => !lb.includes(l)), added: lb.filter((l) => !la.includes(l)) };
}

describe('editing the YAML text', () => {
  test('a table cell: only that number changes, the aligned comments stay byte for byte', () => {
    const out = apply(EXAMPLE, [{ path: 'applications.newlyReceived[1]', value: 7 }]);
    expect(changedLines(EXAMPLE, out)).toEqual({
      removed: ['  newlyReceived:    [0, 0, 0, 0, 0, 0]   # 一、本年新收政府信息公开申请数量'],
      added: ['  newlyReceived:    [0, 7, 0, 0, 0, 0]   # 一、本年新收政府信息公开申请数量'],
    });
    expect(data(out).applications.newlyReceived).toEqual([0, 7, 0, 0, 0, 0]);
  });

  test('flow maps, “/”, amounts as typed, table 四', () => {
    const out = apply(EXAMPLE, [
      { path: 'proactive.rules.issued', value: '/' },
      { path: 'proactive.fees', value: '12.50' },
      { path: 'reviewLitigation.review.upheld', value: 3 },
    ]);
    expect(out).toContain('  rules:              { issued: /, repealed: 0, inForce: 0 }   # 规章');
    expect(out).toContain('  fees: 12.50                        # 行政事业性收费');
    expect(out).toContain('  review:                { upheld: 3, corrected: 0, other: 0, pending: 0 }   # 行政复议');
    const d = data(out);
    expect(d.proactive.rules.issued).toBe('/');
    expect(d.proactive.fees).toBe('12.50');
  });

  test('text fields: a quoted contact stays quoted with its comment, a block text stays a block', () => {
    const out = apply(EXAMPLE, [{ path: 'contact', value: '0952-6663655' }]);
    expect(out).toContain('contact: "0952-6663655"               # 联系方式（印在开头一段）');
    const two = apply(EXAMPLE, [{ path: 'otherMatters', value: '第一段。\n\n第二段。\n' }]);
    expect(two).toContain('otherMatters: |\n  第一段。\n\n  第二段。\n');
    expect(data(two).otherMatters).toBe('第一段。\n\n第二段。\n');
    expect(changedLines(EXAMPLE, two).removed).toEqual(['otherMatters: 无。']);
  });

  test('missing keys and blocks are added in the contract order; null removes an optional field', () => {
    const out = apply(EXAMPLE, [
      { path: 'signature.date', value: '2022-01-20' },
      { path: 'level', value: 'department' },
      { path: 'contact', value: null },
    ]);
    const d = data(out);
    expect(d.signature).toEqual({ date: '2022-01-20' });
    expect(d.level).toBe('department');
    expect(d).not.toHaveProperty('contact');
    expect(out).not.toContain('contact:');
    expect(changedLines(EXAMPLE, out).removed).toEqual(['contact: "6663655"               # 联系方式（印在开头一段）']);
    const minimal = 'agency: 某局\nyear: 2021\n';
    const m = apply(minimal, [
      { path: 'applications.denied.stateSecret[2]', value: 4 }]);
    expect(data(m).applications).toEqual({ denied: { stateSecret: [0, 0, 4, 0, 0, 0] } });
    const m2 = apply(m, [{ path: 'applications.denied.thirdPartyRights[0]', value: 2 }, { path: 'preamble', value: '开头。' }]);
    expect(data(m2).applications.denied).toEqual({ stateSecret: [0, 0, 4, 0, 0, 0], thirdPartyRights: [2, 0, 0, 0, 0, 0] });
    expect(m2.startsWith('agency: 某局\nyear: 2021\n')).toBe(true);
  });

  test('sub-sections of 一: reorder, edit, add and remove keep each kept item’s comments with it', () => {
    const before = data(EXAMPLE).overview as { heading: string; body: string }[];
    const out = apply(EXAMPLE, [
      {
        path: 'overview',
        value: [
          { from: 2, heading: before[2].heading, body: before[2].body },
          { from: 0, heading: '主动公开情况', body: before[0].body },
          { heading: '新的一项', body: '新的正文。\n第二行。' },
          { from: 4, heading: before[4].heading, body: before[4].body },
        ],
      },
    ]);
    const after = data(out).overview as { heading: string; body: string }[];
    expect(after.map((o) => o.heading)).toEqual(['政府信息管理', '主动公开情况', '新的一项', '监督保障']);
    expect(after[2].body).toBe('新的正文。\n第二行。');
    expect(after[0].body).toBe(before[2].body);
    // the comment above each kept item travels with it; those of removed items go
    expect(out.indexOf('# （三）政府信息管理')).toBeLessThan(out.indexOf('# （一）主动公开'));
    expect(out.indexOf('# （一）主动公开')).toBeLessThan(out.indexOf('heading: 主动公开情况'));
    expect(out).not.toContain('# （二）依申请公开');
    expect(out).not.toContain('# （四）政府信息公开平台建设');
    // everything outside the list is as it was
    expect(out.slice(out.indexOf('# 二、主动公开政府信息情况'))).toBe(EXAMPLE.slice(EXAMPLE.indexOf('# 二、主动公开政府信息情况')));
  });

  test('an acknowledgement is added as a new list', () => {
    const out = apply(EXAMPLE, [{ path: 'acknowledged', value: [{ code: 'X2', path: 'proactive', reason: '本机关无规章制定权' }] }]);
    expect(data(out).acknowledged).toEqual([{ code: 'X2', path: 'proactive', reason: '本机关无规章制定权' }]);
    expect(changedLines(EXAMPLE, out).removed).toEqual([]);
  });

  test('a JSON file stays JSON', () => {
    const json = JSON.stringify({ agency: '某局', year: 2021, applications: { newlyReceived: [0, 0, 0, 0, 0, 0] } }, null, 2);
    const out = apply(json, [{ path: 'applications.newlyReceived[0]', value: 5 }, { path: 'contact', value: '电话 "1234"' }, { path: 'signature.agency', value: '某局' }]);
    expect(JSON.parse(out)).toEqual({ agency: '某局', year: 2021, applications: { newlyReceived: [5, 0, 0, 0, 0, 0] }, contact: '电话 "1234"', signature: { agency: '某局' } });
  });

  test('same edits, same bytes', () => {
    const edits = [{ path: 'applications.granted[0]', value: 1 }, { path: 'problems', value: '问题。' }];
    expect(apply(EXAMPLE, edits)).toBe(apply(EXAMPLE, edits));
  });
});

describe('checking the paths and values the page sends', () => {
  test.each([
    [{ path: '__proto__', value: 1 }, '没有“__proto__”这一项'],
    [{ path: 'applications.__proto__[0]', value: 1 }, '没有'],
    [{ path: 'constructor.prototype', value: 1 }, '没有'],
    [{ path: 'applications.newlyReceived[6]', value: 1 }, '总计'],
    [{ path: 'applications.total[0]', value: 1 }, '总计'],
    [{ path: 'applications.newlyReceived[9]', value: 1 }, '没有'],
    [{ path: 'applications.newlyReceived[1]', value: '十二' }, '应填写非负整数'],
    [{ path: 'applications.newlyReceived[1]', value: -1 }, '应填写非负整数'],
    [{ path: 'applications.newlyReceived[1]', value: 1.5 }, '应填写非负整数'],
    [{ path: 'applications.newlyReceived[1]', value: '/' }, '不能填“/”'],
    [{ path: 'proactive.fees', value: 'abc' }, '金额'],
    [{ path: 'year', value: '二〇二一' }, '年份'],
    [{ path: 'agency', value: 3 }, '应为文字'],
    [{ path: 'overview', value: [{ heading: 'a', evil: 1 }] }, '没有“evil”'],
    [{ path: 'overview', value: [{ from: 0 }, { from: 0 }] }, '来源序号'],
    [{ path: '/etc/passwd', value: 1 }, '没有'],
  ])('%j is refused', (edit, message) => {
    expect(() => checkEdits([edit])).toThrow(EditRequestError);
    expect(() => checkEdits([edit])).toThrow(message);
  });

  test('every figure that is not a total, and every field, can be edited', () => {
    const paths = editablePaths();
    expect(paths).toContain('applications.newlyReceived[1]');
    expect(paths).toContain('proactive.rules.issued');
    expect(paths).toContain('reviewLitigation.review.upheld');
    expect(paths).not.toContain('reviewLitigation.review.total');
    for (const p of ['agency', 'year', 'contact', 'level', 'published', 'preamble', 'overviewIntro', 'overview', 'problems', 'otherMatters', 'signature.agency', 'signature.date', 'acknowledged']) {
      expect(paths).toContain(p);
    }
    // and every one of them applies to the example and reads back
    let text = EXAMPLE;
    for (const p of paths.filter((x) => x.includes('[') || x.startsWith('proactive') || x.startsWith('reviewLitigation'))) text = apply(text, [{ path: p, value: 1 }]);
    const d = data(text);
    expect(d.applications.carriedForward).toEqual([1, 1, 1, 1, 1, 1]);
    expect(d.proactive.fees).toBe('1');
  });
});

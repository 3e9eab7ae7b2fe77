import { collectInlines, styledPlain } from '../../src/layout/collect';

describe('collect', () => {
  test('roles and weights become spans; run-in headings take their heading role', () => {
    const st = collectInlines(
      [
        { kind: 'runIn', level: 2, text: '（一）提高认识。' },
        { kind: 'text', text: '进一步' },
        { kind: 'strong', children: [{ kind: 'text', text: '二是' }] },
        { kind: 'lineBreak' },
        { kind: 'runIn', level: 3, text: '1.加强领导。' },
      ],
      'body',
    );
    expect(st.text).toBe('（一）提高认识。进一步二是\n1.加强领导。');
    expect(st.spans).toEqual([
      { start: 0, end: 8, role: 'heading2', bold: false },
      { start: 8, end: 11, role: 'body', bold: false },
      { start: 11, end: 13, role: 'body', bold: true },
      { start: 13, end: 14, role: 'body', bold: false },
      { start: 14, end: 21, role: 'heading3', bold: false },
    ]);
  });

  test('adjacent runs of the same style merge', () => {
    const st = collectInlines([{ kind: 'text', text: '甲' }, { kind: 'text', text: '乙' }], 'body');
    expect(st.spans).toHaveLength(1);
  });

  test('invisible characters are dropped, tabs become spaces, source newlines join', () => {
    expect(styledPlain('a\u200bb\u0007c\ufeff', 'body').text).toBe('abc');
    expect(styledPlain('甲\t乙', 'body').text).toBe('甲 乙');
    expect(styledPlain('政府\n信息', 'body').text).toBe('政府信息');
    expect(styledPlain('open\r\ndata', 'body').text).toBe('open data');
    expect(styledPlain('葛\u{E0100}洪', 'body').text).toBe('葛洪');
  });

  test('surrogate pairs pass through whole', () => {
    expect(styledPlain('𠀀字', 'body').text).toBe('𠀀字');
  });
});

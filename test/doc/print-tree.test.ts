import { printTree } from '../../src/doc/print-tree';
import type { DocTree } from '../../src/doc/tree';

test('prints every node kind readably', () => {
  const tree: DocTree = {
    meta: { title: '标题', author: '某局', date: '2022-01-20', language: 'zh-CN' },
    blocks: [
      { kind: 'title', children: [{ kind: 'text', text: '标' }, { kind: 'lineBreak' }, { kind: 'text', text: '题' }] },
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: '一、总体情况' }] },
      {
        kind: 'paragraph', indent: false, align: 'center',
        children: [
          { kind: 'runIn', level: 3, text: '1.加强领导。' },
          { kind: 'strong', children: [{ kind: 'text', text: '二是' }] },
          { kind: 'text', text: '正文' },
        ],
      },
      {
        kind: 'table', widths: [1, 1, 2],
        rows: [
          { header: true, cells: [{ rowSpan: 2, colSpan: 1, align: 'center', children: [{ kind: 'text', text: 'a' }] }, { rowSpan: 1, colSpan: 2, align: 'left', children: [{ kind: 'text', text: 'b' }] }] },
          { header: false, cells: [{ rowSpan: 1, colSpan: 1, align: 'center', children: [{ kind: 'text', text: 'c' }] }, { rowSpan: 1, colSpan: 1, align: 'center', children: [] }] },
        ],
      },
      { kind: 'pageBreak' },
      { kind: 'signature', lines: ['某局', '2022年1月20日'] },
    ],
  };
  expect(printTree(tree)).toBe(
    [
      'meta: title=标题 | author=某局 | date=2022-01-20 | language=zh-CN',
      'title: 标⏎题',
      'h1: 一、总体情况',
      'p[noindent,center]: ⟦3:1.加强领导。⟧**二是**正文',
      'table 3×2 widths=1 1 2',
      '  r1 header: [rs2] a | [cs2 left] b',
      '  r2 @c2: c | ',
      'page-break',
      'signature: 某局 / 2022年1月20日',
      '',
    ].join('\n'),
  );
});

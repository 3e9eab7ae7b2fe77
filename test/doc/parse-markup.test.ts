import { locationMarker, MarkupError, parseBlocks, parseMarkup } from '../../src/doc/parse-markup';
import { printTree } from '../../src/doc/print-tree';
import type { Block } from '../../src/doc/tree';

const meta = { title: 't', author: 'a', date: '2022-01-01', language: 'zh-CN' } as const;

function error(markup: string, files?: string[]): MarkupError {
  try {
    parseBlocks(markup, { files, source: 'main.hbs' });
  } catch (e) {
    expect(e).toBeInstanceOf(MarkupError);
    return e as MarkupError;
  }
  throw new Error('expected a MarkupError');
}

describe('parseMarkup', () => {
  test('builds every block kind with defaults and attributes', () => {
    const tree = parseMarkup(
      `<title>标题<br/>第二行</title>
       <h1>一、总体情况</h1><h2>（一）主动公开</h2><h3>1.发文</h3>
       <p>正文<b>加粗</b>。</p>
       <p indent="false" align="center">居中</p>
       <p><run-in level="2">（一）提高认识。</run-in>进一步……</p>
       <page-break/>
       <table widths="2 1">
         <tr header="true"><td colspan="2">表头</td></tr>
         <tr><td align="left">甲</td><td>0</td></tr>
       </table>
       <signature><line>某局</line><line>2022年1月20日</line></signature>`,
      meta,
    );
    expect(tree.meta).toEqual(meta);
    expect(tree.blocks).toEqual<Block[]>([
      { kind: 'title', children: [{ kind: 'text', text: '标题' }, { kind: 'lineBreak' }, { kind: 'text', text: '第二行' }] },
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: '一、总体情况' }] },
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: '（一）主动公开' }] },
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: '1.发文' }] },
      {
        kind: 'paragraph', indent: true, align: 'justify',
        children: [{ kind: 'text', text: '正文' }, { kind: 'strong', children: [{ kind: 'text', text: '加粗' }] }, { kind: 'text', text: '。' }],
      },
      { kind: 'paragraph', indent: false, align: 'center', children: [{ kind: 'text', text: '居中' }] },
      {
        kind: 'paragraph', indent: true, align: 'justify',
        children: [{ kind: 'runIn', level: 2, text: '（一）提高认识。' }, { kind: 'text', text: '进一步……' }],
      },
      { kind: 'pageBreak' },
      {
        kind: 'table',
        widths: [2, 1],
        rows: [
          { header: true, cells: [{ rowSpan: 1, colSpan: 2, align: 'center', children: [{ kind: 'text', text: '表头' }] }] },
          {
            header: false,
            cells: [
              { rowSpan: 1, colSpan: 1, align: 'left', children: [{ kind: 'text', text: '甲' }] },
              { rowSpan: 1, colSpan: 1, align: 'center', children: [{ kind: 'text', text: '0' }] },
            ],
          },
        ],
      },
      { kind: 'signature', lines: ['某局', '2022年1月20日'] },
    ]);
  });

  test('template indentation and line breaks never reach the text', () => {
    const blocks = parseBlocks(`
      <p>
        根据条例，
        现发布报告。
      </p>
      <table>
        <tr>
          <td>
            甲
          </td>
        </tr>
      </table>`);
    expect(printTree({ meta, blocks })).toBe(
      `meta: title=t | author=a | date=2022-01-01 | language=zh-CN\np: 根据条例，现发布报告。\ntable 1×1 widths=1\n  r1: 甲\n`,
    );
  });

  test('spaces inside a line and full-width spaces are text; block edges are trimmed', () => {
    const [p] = parseBlocks('<p>  Times New Roman　字体 <b>x</b> <b>y</b>  </p>') as [Extract<Block, { kind: 'paragraph' }>];
    expect(p.children).toEqual([
      { kind: 'text', text: 'Times New Roman　字体 ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'x' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'y' }] },
    ]);
  });

  test('decodes the entities handlebars escaping produces', () => {
    const [p] = parseBlocks('<p>&lt;b&gt; &amp; &quot;&#x27;&#x60;&#x3D;&#39;&apos;&#x4E00;</p>') as [Extract<Block, { kind: 'paragraph' }>];
    expect(p.children).toEqual([{ kind: 'text', text: `<b> & "'\`=''一` }]);
  });

  test('an unknown entity or a bare & is an error', () => {
    expect(error('<p>A&B</p>').reason).toMatch(/&amp;/);
    expect(error('<p>&nbsp;</p>').reason).toMatch(/字符实体/);
  });

  test('unknown elements and attributes are rejected with the file and line of the marker', () => {
    const files = ['report.hbs', 'section-5.hbs'];
    const e = error(`${locationMarker(0, 3)}<title>x</title>\n${locationMarker(1, 7)}<h1>五</h1>\n<blink>x</blink>`, files);
    expect(e.reason).toMatch(/未知的元素 <blink>/);
    expect(e.file).toBe('section-5.hbs');
    expect(e.line).toBe(8);
    expect(e.message).toMatch(/^section-5\.hbs:8: /);

    const a = error(`${locationMarker(1, 12)}<p style="x">y</p>`, files);
    expect(a.reason).toMatch(/<p> 不能有属性 style/);
    expect([a.file, a.line]).toEqual(['section-5.hbs', 12]);
  });

  test('without markers the line is counted in the output', () => {
    const e = error('<p>a</p>\n\n<p>b</p>\n<section>');
    expect([e.file, e.line]).toEqual(['main.hbs', 4]);
  });

  test.each([
    ['<p><p>x</p></p>', /<p> 不能出现在<p> 之内/],
    ['<td>x</td>', /<td> 只能在 <tr> 之内/],
    ['<table><td>x</td></table>', /<td> 只能在 <tr> 之内/],
    ['<table>文字<tr><td>x</td></tr></table>', /表格中只能有 <tr>/],
    ['正文', /文字必须放在/],
    ['<h1><run-in level="2">x</run-in></h1>', /<run-in> 只能在 <p> 之内/],
    ['<p><run-in>x</run-in></p>', /level="2"/],
    ['<p>x</h1>', /不匹配/],
    ['<p>x', /没有结束标签/],
    ['</p>', /多余的结束标签/],
    ['<p indent="no">x</p>', /只能是 "true" 或 "false"/],
    ['<p align="middle">x</p>', /align 只能是/],
    ['<p align=center>x</p>', /必须加引号/],
    ['<p align="left" align="left">x</p>', /重复/],
    ['<p>1 < 2</p>', /&lt;/],
    ['<signature>某局</signature>', /落款中只能有 <line>/],
  ])('rejects %s', (markup, reason) => {
    expect(error(markup).reason).toMatch(reason);
  });

  test('checks the table grid', () => {
    expect(error('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>').reason).toMatch(/第2行占1列/);
    expect(error('<table widths="1 2 3"><tr><td>a</td></tr></table>').reason).toMatch(/widths 给出3列/);
    expect(error('<table widths="1 x"><tr><td>a</td><td>b</td></tr></table>').reason).toMatch(/正数/);
    expect(error('<table><tr><td rowspan="2">a</td></tr></table>').reason).toMatch(/超出了表格的最后一行/);
    expect(error('<table><tr><td colspan="0">a</td></tr></table>').reason).toMatch(/正整数/);
    expect(error('<table></table>').reason).toMatch(/没有任何 <tr>/);
    const blocks = parseBlocks(
      '<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>',
    );
    expect(blocks[0]).toMatchObject({ kind: 'table', widths: [1, 1] });
  });
});

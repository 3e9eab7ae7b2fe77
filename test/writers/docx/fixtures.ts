/** Hand-built document trees for the Word writer's tests (the shape of docs/FORMAT.md §A–§B). */
import type { Align, Block, DocTree, Inline, TableCell, TableNode, TableRow } from '../../../src/doc/tree';
import { APPLICATION_COLUMNS, APPLICATION_ROWS } from '../../../src/catalogue/format-2021';

const t = (text: string): Inline[] => [{ kind: 'text', text }];

/** A cell listed at its top-left grid position. */
export function cell(text: string, rowSpan = 1, colSpan = 1, align: Align = 'center'): TableCell {
  return { rowSpan, colSpan, align, children: t(text) };
}

const num = (n: number): TableCell => ({ rowSpan: 1, colSpan: 1, align: 'justify', children: t(String(n)) });
const row = (cells: TableCell[], header = false): TableRow => ({ header, cells });

/** Table 二 (4 × 14), docs/FORMAT.md §B.1. */
export function table2(): TableNode {
  const band = (s: string) => row([cell(s, 1, 4)], false);
  return {
    kind: 'table',
    widths: [45, 37, 37, 37],
    rows: [
      band('第二十条第（一）项'),
      row([cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')]),
      row([cell('规章'), num(0), num(0), num(0)]),
      row([cell('行政规范性文件'), num(2), num(1), num(15)]),
      band('第二十条第（五）项'),
      row([cell('信息内容'), cell('本年处理决定数量', 1, 3)]),
      row([cell('行政许可'), { ...num(36), colSpan: 3 }]),
      band('第二十条第（六）项'),
      row([cell('信息内容'), cell('本年处理决定数量', 1, 3)]),
      row([cell('行政处罚'), { ...num(3), colSpan: 3 }]),
      row([cell('行政强制'), { ...num(0), colSpan: 3 }]),
      band('第二十条第（八）项'),
      row([cell('信息内容'), cell('本年收费金额（单位：万元）', 1, 3)]),
      row([cell('行政事业性收费'), { ...num(0), colSpan: 3 }]),
    ],
  };
}

/** Table 三 (10 × 28), docs/FORMAT.md §B.2; cell (r, c) holds r * 10 + c so each number is unique. */
export function table3(): TableNode {
  const rows: TableRow[] = [
    row(
      [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), cell('申请人情况', 1, 7)],
      true,
    ),
    row([cell('自然人', 2), cell('法人或其他组织', 1, 5), cell('总计', 2)], true),
    row([cell('商业企业'), cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他')], true),
  ];
  const groupSpan: Record<string, number> = {};
  for (const r of APPLICATION_ROWS) if (r.group) groupSpan[r.group] = (groupSpan[r.group] ?? 0) + 1;
  const seen = new Set<string>();
  APPLICATION_ROWS.forEach((r, i) => {
    const gridRow = i + 4;
    const nums = APPLICATION_COLUMNS.map((_, c) => num(gridRow * 10 + c + 4));
    const labels: TableCell[] = [];
    if (r.block && !seen.has(r.block)) {
      seen.add(r.block);
      labels.push(cell(r.block, 22, 1));
    }
    if (!r.block) labels.push(cell(r.label, 1, 3));
    else if (!r.group) labels.push(cell(r.label, 1, 2));
    else {
      if (!seen.has(r.group)) {
        seen.add(r.group);
        labels.push(cell(r.group, groupSpan[r.group], 1));
      }
      labels.push(cell(r.label));
    }
    rows.push(row([...labels, ...nums]));
  });
  return { kind: 'table', widths: [12, 17, 50, 11, 11, 11, 11, 11, 11, 11], rows };
}

/** Table 四 (15 × 4), docs/FORMAT.md §B.3. */
export function table4(): TableNode {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    kind: 'table',
    widths: new Array(15).fill(1),
    rows: [
      row([cell('行政复议', 1, 5), cell('行政诉讼', 1, 10)], true),
      row([...outcomes.map((o) => cell(o, 2)), cell('未经复议直接起诉', 1, 5), cell('复议后起诉', 1, 5)], true),
      row([...outcomes, ...outcomes].map((o) => cell(o)), true),
      row(Array.from({ length: 15 }, (_, i) => num(i))),
    ],
  };
}

const para = (text: string, children?: Inline[]): Block => ({ kind: 'paragraph', indent: true, align: 'justify', children: children ?? t(text) });

/** A whole report in the shape of the real one. */
export function sampleTree(agency = '平罗县科学技术局', year = 2021): DocTree {
  const body =
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。';
  return {
    meta: { title: `${agency}${year}年政府信息公开工作年度报告`, author: agency, date: `${year + 1}-01-17`, language: 'zh-CN' },
    blocks: [
      { kind: 'title', children: t(`${agency}${year}年政府信息公开工作年度报告`) },
      para(body),
      { kind: 'heading', level: 1, children: t('一、总体情况') },
      para('', [
        { kind: 'runIn', level: 2, text: '（一）主动公开情况。' },
        { kind: 'text', text: `${year}年，我局通过门户网站主动公开政府信息` },
        { kind: 'strong', children: t('128条') },
        { kind: 'text', text: '，其中“三安全一稳定”相关信息0条。' },
      ]),
      { kind: 'heading', level: 2, children: t('（二）依申请公开情况') },
      para('', [{ kind: 'runIn', level: 3, text: '1.加强领导。' }, { kind: 'text', text: '成立工作领导小组，明确分管领导和工作人员。' }]),
      { kind: 'heading', level: 3, children: t('2.完善制度') },
      para(body),
      { kind: 'heading', level: 1, children: t('二、主动公开政府信息情况') },
      table2(),
      { kind: 'heading', level: 1, children: t('三、收到和处理政府信息公开申请情况') },
      table3(),
      { kind: 'heading', level: 1, children: t('四、政府信息公开行政复议、行政诉讼情况') },
      table4(),
      { kind: 'heading', level: 1, children: t('五、存在的主要问题及改进情况') },
      para(body + body),
      { kind: 'heading', level: 1, children: t('六、其他需要报告的事项') },
      para(`本机关${year}年度未收取信息处理费。`),
      { kind: 'signature', lines: [agency, `${year + 1}年1月17日`] },
    ],
  };
}

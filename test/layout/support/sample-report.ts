import type { Block, DocTree, Inline, TableCell, TableNode, TableRow } from '../../../src/doc/tree';

/** Inlines from text with `**bold**` and an optional run-in heading “（一）……。” / “1.……。”. */
export function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  const m = /^(（[一二三四五六七八九十]+）[^。]{1,12}。|\d+\.[^。]{1,12}。)/.exec(text);
  let rest = text;
  if (m) {
    out.push({ kind: 'runIn', level: m[1].startsWith('（') ? 2 : 3, text: m[1] });
    rest = text.slice(m[1].length);
  }
  const parts = rest.split('**');
  parts.forEach((s, i) => {
    if (!s) return;
    out.push(i % 2 === 1 ? { kind: 'strong', children: [{ kind: 'text', text: s }] } : { kind: 'text', text: s });
  });
  return out;
}

export const para = (text: string): Block => ({ kind: 'paragraph', indent: true, align: 'justify', children: inlines(text) });
export const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, children: [{ kind: 'text', text }] });
export const cell = (text: string, rowSpan = 1, colSpan = 1, align: TableCell['align'] = 'center'): TableCell => ({
  rowSpan,
  colSpan,
  align,
  children: text ? [{ kind: 'text', text }] : [],
});
export const row = (cells: TableCell[], header = false): TableRow => ({ header, cells });
const zeros = (n: number) => Array.from({ length: n }, () => cell('0'));

/** Table 二 (docs/FORMAT.md §B.1). */
export function table2(): TableNode {
  const group = (label: string, head: string[], rows: [string, number][]): TableRow[] => [
    row([cell(label, 1, 4)]),
    row(head.length === 4 ? head.map((t) => cell(t)) : [cell(head[0]), cell(head[1], 1, 3)]),
    ...rows.map(([t, n]) => row([cell(t), ...(n === 3 ? zeros(3) : [cell('0', 1, 3)])])),
  ];
  return {
    kind: 'table',
    widths: [3, 2, 2, 2],
    rows: [
      ...group('第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [['规章', 3], ['行政规范性文件', 3]]),
      ...group('第二十条第（五）项', ['信息内容', '本年处理决定数量'], [['行政许可', 1]]),
      ...group('第二十条第（六）项', ['信息内容', '本年处理决定数量'], [['行政处罚', 1], ['行政强制', 1]]),
      ...group('第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', 1]]),
    ],
  };
}

/** The 21 outcome rows of table 三 under 三、本年度办理结果, by group. */
export const T3_GROUPS: [string, string[]][] = [
  ['（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']],
  ['（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
  ['（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']],
  ['（六）其他处理', ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']],
];

/** Table 三 (docs/FORMAT.md §B.2): 10 columns × 28 rows, 3 header rows, the 22-row span in c1. */
export function table3(): TableNode {
  const rows: TableRow[] = [
    row([cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3, 'justify'), cell('申请人情况', 1, 7)], true),
    row([cell('自然人', 2), cell('法人或其他组织', 1, 5), cell('总计', 2)], true),
    row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t)), true),
    row([cell('一、本年新收政府信息公开申请数量', 1, 3, 'left'), ...zeros(7)]),
    row([cell('二、上年结转政府信息公开申请数量', 1, 3, 'left'), ...zeros(7)]),
    row([cell('三、本年度办理结果', 22), cell('（一）予以公开', 1, 2, 'left'), ...zeros(7)]),
    row([cell('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 1, 2, 'left'), ...zeros(7)]),
  ];
  for (const [label, items] of T3_GROUPS) {
    items.forEach((item, i) => {
      rows.push(row([...(i === 0 ? [cell(label, items.length)] : []), cell(item, 1, 1, 'left'), ...zeros(7)]));
    });
  }
  rows.push(row([cell('（七）总计', 1, 2, 'left'), ...zeros(7)]));
  rows.push(row([cell('四、结转下年度继续办理', 1, 3, 'left'), ...zeros(7)]));
  return { kind: 'table', widths: [1.4, 1.6, 3.6, 1, 1, 1, 1, 1, 1, 1], rows };
}

/** Table 四 (docs/FORMAT.md §B.3): 15 columns × 4 rows, 3 header rows. */
export function table4(): TableNode {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    kind: 'table',
    widths: Array(15).fill(1),
    rows: [
      row([cell('行政复议', 1, 5), cell('行政诉讼', 1, 10)], true),
      row([...five.map((t) => cell(t, 2)), cell('未经复议直接起诉', 1, 5), cell('复议后起诉', 1, 5)], true),
      row([...five, ...five].map((t) => cell(t)), true),
      row(zeros(15)),
    ],
  };
}

/** The sample report of reference/seed-report-2021.txt as a document tree. */
export function sampleReport(withSignature = true): DocTree {
  const blocks: Block[] = [
    { kind: 'title', children: [{ kind: 'text', text: '平罗县科学技术局2021年政府信息公开工作年度报告' }] },
    para('根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）的要求，现发布《平罗县科学技术局2021年政府信息公开工作年度报告》，本报告统计数据从2021年1月1日至2021年12月31日。联系方式6663655。'),
    h(1, '一、总体情况'),
    para('我局按照《自治区人民政府政务公开办公室关于做好2021年政府信息公开工作年度报告的通知》（宁政公开办发〔2021〕33号）精神和要求，有计划、有步骤地开展政务公开工作，成立政府信息公开工作领导小组，按时按质按量地完成了政府信息公开有关编制、上报、发布等工作。'),
    h(2, '（一）主动公开'),
    para('一是行政机关发文情况。我局实行公文会审会签、保密审核制度，严格把控公文起草、审核、流转、制发等环节，年内共制发公文68件，其中公开发布27件，依申请公开21件，通过公示栏公开发布20件。本年度未印发规章、规范性文件，本年度未清理废止文件，本年度未清理失效文件。**二是**重点领域公开情况。我局制定科技业务公开事项目录，明确应公开的主体、内容、时限、方式。依托平罗政府信息网、政务公开栏等平台，公开企业获批国家高新技术企业、国家级科技型中小企业、科技小巨人企业、自治区级科技型中小企业5次，公开企业获批自治区重大、重点科技计划专项、对外科技合作专项、科技金融专项等项目7次。三是及时公开差旅费、办公经费等财务情况，办公用品采购严格执行审批程序，按照先审批后购买的原则，由办公室安排专人采购，现已公示2次。'),
    h(2, '（二）依申请公开'),
    para('本年度，科技局未收到政府信息公开的申请。'),
    h(2, '（三）政府信息管理'),
    para('为规范我局政府信息公开工作，保障公民、法人和其他组织依法获取政府信息，提高工作透明度，促进依法行政，根据《中华人民共和国政府信息公开条例》的规定，梳理完善《平罗县科学技术局政府信息主动公开基本目录》和《平罗县科学技术局政府信息公开指南》，其中《基本目录》涉及一级事项4项，二级事项14项，细化政务公开事项，方便公众快速、准确地查找部门依法公开的政府信息，提高政府工作的透明度。'),
    h(2, '（四）政府信息公开平台建设'),
    para('为进一步强化公开平台建设，平罗县科学技术局不断深化重点领域信息公开，严格落实网络意识形态责任制，加强政府网站内容建设和信息发布审核，规范平台建设，提高建管水平。实行“三校三审”制度，明确政府信息公开管理员、审核员和发布员，在信息收集、整理、发布、审核等过程中严格把关，全年无一例泄密信息发生，本年度在县政府网站共发布各类信息、公文38条。'),
    h(2, '（五）监督保障'),
    para('开展“政府开放日”活动，邀请了部分科技型企业代表、大学生科技特派员等人参加活动，采取实地观摩、浏览介绍、座谈交流的方式，进一步了解了科技局的政务职能，进一步密切了科技局与服务对象的联系，有力的促进了政务公开与政务服务的全面提升。'),
    h(1, '二、主动公开政府信息情况'),
    table2(),
    h(1, '三、收到和处理政府信息公开申请情况'),
    table3(),
    h(1, '四、政府信息公开行政复议、行政诉讼情况'),
    table4(),
    h(1, '五、存在的主要问题及改进情况'),
    para('政务公开工作是一项需长期坚持、持之以恒、全社会共同参与的系统工程。目前我局的工作虽然取得一定成绩，但仍存在许多不足，下一步，我局将继续切实强化政务公开工作制度建设，采取各项有效措施，努力改进工作中的不足，主要措施：'),
    para('（一）提高认识。进一步明确重点领域、重点行业公开的主体、内容、时限、方式等提高主动公开的规范化水平，并将科技局应公开事项目录分发各岗位，明确各岗位应公开事项。组织学习《中华人民共和国政府信息公开条例》，提高全局干部对信息公开的重要性的认识，增强信息公开工作的自觉性和主动性，不断提升工作实效。'),
    para('（二）加强领导。有针对性的加强领导，确保科技局内部协调有力，对信息公开工作做好系统梳理和全面报告，并就相关情况和数据做到应报尽报，全面准确。综合管理岗主任要对信息公开工作加强指导监督，把信息公开工作的年度报告列入业务培训和考核评估的重要内容。严格落实各岗位政务公开职责，形成了一把手负总责，分管领导具体抓，各岗位配合抓的工作机制，保证局政务公开工作有组织、有计划、有步骤地稳步推进，确保重要信息不漏报、不迟报、不误报。信息公开前必须经主管领导及分管领导进行审核，并按要求确定文件公开属性。'),
    para('（三）夯实基础。按照《中华人民共和国政府信息公开条例》第四十五条要求，建立健全政府信息公开申请登记、审核、办理、答复、归档等各项内部工作制度，避免年底突击开展工作。综合管理岗自觉找准角色定位、加强认识，推动加强政府信息管理的基础工作。同时综合管理岗也要定期自查，及时纠正政府信息公开工作过程中存在的问题，全面、规范做好公开档案资料的归集、整理、收藏工作，并将问题及时反馈分管领导。'),
    para('（四）明确责任。综合管理岗对年度报告承担领导责任，按时、准确上报信息，认真做好年度总结。如若出现不按时发布、发布内容不准确不全面或者内容雷同、敷衍塞责等问题并造成不良后果的由相应政府信息公开工作主管部门依据《中华人民共和国政府信息公开条例》第四十七条规定，严肃追究负有责任的领导人员和直接责任人责任。'),
    h(1, '六、其他需要报告的事项'),
    para('无。'),
  ];
  if (withSignature) blocks.push({ kind: 'signature', lines: ['平罗县科学技术局', '2022年1月20日'] });
  return { meta: { title: '平罗县科学技术局2021年政府信息公开工作年度报告', author: '平罗县科学技术局', date: '2022-01-20', language: 'zh-CN' }, blocks };
}

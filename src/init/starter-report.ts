/**
 * The starting data file written by `xxgk init`: every section and table present
 * (zeros), with Chinese comments explaining each block. The tables' keys and labels come
 * from the catalogue of the national format. Narrative figures use placeholders so the
 * sentences cannot disagree with the tables.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  DECISION_ITEMS,
  DOCUMENT_COLUMNS,
  DOCUMENT_ROWS,
  FORMAT_2021,
  OUTCOME_COLUMNS,
  OUTCOME_TOTAL,
  REVIEW_LITIGATION_PARTS,
} from '../catalogue/format-2021';
import { levelOfAgency } from '../model/level';

/** `key: value` padded so the comments line up. */
const entry = (indent: number, key: string, value: string, width: number, comment: string) =>
  `${' '.repeat(indent)}${`${key}:`.padEnd(width + 1)} ${value}   # ${comment}`;

function table2(): string[] {
  const [t2] = FORMAT_2021.tables;
  const docWidth = Math.max(...DOCUMENT_ROWS.map((r) => r.key.length));
  const zeros = `{ ${DOCUMENT_COLUMNS.map((c) => `${c.key}: 0`).join(', ')} }`;
  const decisions = DECISION_ITEMS.flatMap((item) => item.rows.map((r) => ({ ...r, item })));
  const decWidth = Math.max(...decisions.map((r) => r.key.length));
  return [
    `# ${t2.section}（${t2.name}）`,
    '# 不适用的单元格写 "/"（带引号），如没有规章制定权的单位的“规章”一行；没有的写 0',
    'proactive:',
    `  # 第二十条第（一）项：${DOCUMENT_COLUMNS.map((c) => c.label).join('、')}`,
    ...DOCUMENT_ROWS.map((r) => entry(2, r.key, zeros, docWidth, r.label)),
    ...decisions.map((r) =>
      entry(2, r.key, '0', decWidth, `${r.item.item} ${r.label}：${r.item.column}${r.kind === 'amount' ? '，可有小数' : ''}`),
    ),
  ];
}

function table3(): string[] {
  const [, t3] = FORMAT_2021.tables;
  const zeros = `[${APPLICANT_COLUMNS.map(() => 0).join(', ')}]`;
  const rows = APPLICATION_ROWS.filter((r) => r !== OUTCOME_TOTAL);
  const leaf = (key: string) => key.slice(key.lastIndexOf('.') + 1);
  const width = Math.max(...rows.map((r) => leaf(r.key).length));
  const out = [
    `# ${t3.section}（${t3.name}）`,
    `# 每行6个整数，依次为：[${APPLICANT_COLUMNS.join(', ')}]`,
    '# 总计列和（七）总计由程序计算。勾稽关系：一 + 二 = 三（七）总计 + 四（每一列都要相等）',
    'applications:',
  ];
  let group: string | undefined;
  let block: string | undefined;
  for (const r of rows) {
    if (r.block !== block && r.block) out.push(`  # ${r.block}`);
    block = r.block;
    if (r.group && r.group !== group) out.push(`${`  ${r.key.split('.')[0]}:`.padEnd(width + 5)}   # ${r.group}`);
    group = r.group;
    out.push(entry(r.group ? 4 : 2, leaf(r.key), zeros, width, r.label));
  }
  return out;
}

function table4(): string[] {
  const [, , t4] = FORMAT_2021.tables;
  const width = Math.max(...REVIEW_LITIGATION_PARTS.map((p) => p.key.length));
  const zeros = `{ ${OUTCOME_COLUMNS.map((c) => `${c.key}: 0`).join(', ')} }`;
  return [
    `# ${t4.section}（${t4.name}）：${OUTCOME_COLUMNS.map((c) => c.label).join('、')}（总计由程序计算）`,
    'reviewLitigation:',
    ...REVIEW_LITIGATION_PARTS.map((p) => entry(2, p.key, zeros, width, p.label)),
  ];
}

/** The three tables, all zeros, with each row's official label as a comment. */
function tableSections(): string {
  return [...table2(), '', ...table3(), '', ...table4(), ''].join('\n');
}

/** `level:` as given (a roster's 级别) or as the name suggests; commented out, to be chosen, where the name does not settle it. */
function levelLine(agency: string, given?: 'department' | 'government'): string {
  const level = given ?? levelOfAgency(agency);
  return level === 'unclear' ? '# level: government'.padEnd(28) + ' # 请选择并删去行首的“#”；' : `level: ${level}`.padEnd(28);
}

/** The starting data file of `xxgk init`. */
export function starterReport(agency: string, year: number, level?: 'department' | 'government'): string {
  const q = (s: string) => JSON.stringify(s);
  return `# ${agency}${year}年政府信息公开工作年度报告：数据文件
# 由 xxgk init 生成。填好后运行：
#   npx xxgk validate 本文件    （检查数字和文字）
#   npx xxgk render 本文件      （生成 Word 和 PDF）
# 正文段落之间空一行；**文字** 表示加粗。
# 正文中的 {{applications.newlyReceived.total}} 等占位符会替换为表格中的数字，不必手填。

agency: ${q(agency)}        # 机关名称（必填）
year: ${year}                   # 报告年度（必填）
contact: ""                  # 联系方式（地址、电话），印在开头一段；不需要可删去此行
format: ${FORMAT_2021.format}                 # 报告格式：${FORMAT_2021.issuedBy}
${levelLine(agency, level)} # 机关层级：department 政府部门（次年1月31日前发布），government 人民政府（3月31日前发布）
# published: ${year + 1}-01-20      # 发布日期（发布后填写，检查是否按期发布）

# 一、总体情况：先写一段总述（可省略），再按方面逐项写，小标题自动编为（一）（二）……
overviewIntro: |
  ${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。

overview:
  - heading: 主动公开
    body: |
      ${year}年，我单位通过门户网站、政务公开栏等渠道主动公开政府信息。
  - heading: 依申请公开
    body: |
      ${year}年，我单位共收到政府信息公开申请{{applications.newlyReceived.total}}件，上年结转{{applications.carriedOver.total}}件，均已按规定办理。
  - heading: 政府信息管理
    body: |
      我单位严格执行政府信息公开保密审查制度，及时更新政府信息公开指南和目录。
  - heading: 政府信息公开平台建设
    body: |
      我单位依托政府门户网站发布政府信息，做好平台日常维护。
  - heading: 监督保障
    body: |
      我单位明确专人负责政府信息公开工作，自觉接受社会监督。

${tableSections()}
# 五、存在的主要问题及改进情况：先写问题，再写改进措施
problems: |
  ${year}年，我单位政府信息公开工作仍存在公开内容不够全面、更新不够及时等问题。

  下一步，我单位将进一步加强政府信息公开工作，规范公开流程，提高公开质量。

# 六、其他需要报告的事项：须说明信息处理费收取情况
otherMatters: |
  ${year}年，我单位未收取信息处理费。

# 落款（可省略）：机关名称和成文日期
signature:
  agency: ${q(agency)}
  date: ${year + 1}-01-20
`;
}

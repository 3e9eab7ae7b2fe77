import { Type, type Static, type TOptional, type TSchema } from '@sinclair/typebox';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  DECISION_ITEMS,
  DOCUMENT_COLUMNS,
  DOCUMENT_ROWS,
  FORMAT_2021,
  OUTCOME_COLUMNS,
  OUTCOME_GROUPS,
  REVIEW_LITIGATION_PARTS,
} from '../catalogue/format-2021';
import { NOT_APPLICABLE } from '../catalogue/types';

/**
 * The input data contract, version 1.1 (docs/ARCHITECTURE.md, “The data contract”): the single source of the
 * TypeScript types (`Static<…>`) and of the JSON Schema printed by `xxgk schema`.
 * Every field carries the official Chinese label as `title`.
 */

const count = (title: string, description?: string) =>
  Type.Integer({ minimum: 0, title, description: description ?? `${title}（件，非负整数）` });

/** A table-二 cell: a count, or “/” where the item does not apply to the unit (不适用). */
const countOrNotApplicable = (title: string, description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.Literal(NOT_APPLICABLE)], { title, description: `${description}；不适用的填 "/"` });

export { APPLICANT_COLUMNS };

const rowTitle = (key: string) => APPLICATION_ROWS.find((r) => r.key === key)!.label;

const applicantRow = (key: string) =>
  Type.Array(Type.Integer({ minimum: 0 }), {
    minItems: 6,
    maxItems: 7,
    title: rowTitle(key),
    description:
      `${rowTitle(key)}：6个非负整数，依次为 ${APPLICANT_COLUMNS.join('、')}；` +
      '可选第7个数为总计，程序会核对而不是直接采用',
  });

const strict = { additionalProperties: false } as const;

const ITEM_1 = '第二十条第（一）项';

const documentCounts = (row: (typeof DOCUMENT_ROWS)[number]) => {
  const [issued, repealed, inForce] = DOCUMENT_COLUMNS.map((c) => countOrNotApplicable(c.label, `${ITEM_1} ${row.label}：${c.label}`));
  return Type.Object(
    { issued, repealed, inForce },
    { ...strict, title: row.label, description: `${ITEM_1} ${row.label}：${DOCUMENT_COLUMNS.map((c) => c.label).join('、')}` },
  );
};

const decision = (key: string) => {
  const item = DECISION_ITEMS.find((i) => i.rows.some((r) => r.key === key))!;
  const row = item.rows.find((r) => r.key === key)!;
  return { title: row.label, description: `${item.item} ${row.label}：${item.column}` };
};

const outcomes = (part: (typeof REVIEW_LITIGATION_PARTS)[number]) => {
  const [upheld, corrected, other, pending] = OUTCOME_COLUMNS.map((c) => count(c.label));
  return Type.Object({ upheld, corrected, other, pending, total: Type.Optional(count('总计', '总计（可选，程序会核对）')) }, { ...strict, title: part.label });
};

const group = <K extends string>(groupKey: string, keys: readonly K[]) => {
  const g = OUTCOME_GROUPS.find(([k]) => k === groupKey)!;
  const props = Object.fromEntries(keys.map((k) => [k, Type.Optional(applicantRow(`${groupKey}.${k}`))])) as Record<K, TOptional<ReturnType<typeof applicantRow>>>;
  return Type.Optional(Type.Object(props, { ...strict, title: g[1] }));
};

const bodyText = (title: string, description: string) => Type.String({ title, description });

const ymd = (title: string, description: string) => Type.String({ pattern: '^\\d{4}-\\d{1,2}-\\d{1,2}$', format: 'date', title, description });

const fees = decision('fees');
const [rules, normativeDocuments] = DOCUMENT_ROWS;
const [review, litigationDirect, litigationAfterReview] = REVIEW_LITIGATION_PARTS;
const [table2, table3, table4] = FORMAT_2021.tables;

/** Table 二: 主动公开政府信息情况. */
export const ProactiveSchema = Type.Object(
  {
    rules: Type.Optional(documentCounts(rules)),
    normativeDocuments: Type.Optional(documentCounts(normativeDocuments)),
    licensing: Type.Optional(countOrNotApplicable(decision('licensing').title, decision('licensing').description)),
    penalty: Type.Optional(countOrNotApplicable(decision('penalty').title, decision('penalty').description)),
    coercion: Type.Optional(countOrNotApplicable(decision('coercion').title, decision('coercion').description)),
    fees: Type.Optional(
      Type.Union([Type.Number({ minimum: 0 }), Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' }), Type.Literal(NOT_APPLICABLE)], {
        title: fees.title,
        description: `${fees.description}，可有小数，按填写原样印出；不适用的填 "/"`,
      }),
    ),
  },
  { ...strict, title: table2.section, description: `${table2.name}：第二十条第（一）（五）（六）（八）项` },
);

/** Table 三: 收到和处理政府信息公开申请情况. */
export const ApplicationsSchema = Type.Object(
  {
    newlyReceived: Type.Optional(applicantRow('newlyReceived')),
    carriedOver: Type.Optional(applicantRow('carriedOver')),
    granted: Type.Optional(applicantRow('granted')),
    partiallyGranted: Type.Optional(applicantRow('partiallyGranted')),
    denied: group('denied', [
      'stateSecret', 'prohibitedByLaw', 'endangersSecurity', 'thirdPartyRights',
      'internalAffairs', 'processInformation', 'enforcementFiles', 'inquiryMatters',
    ]),
    unableToProvide: group('unableToProvide', ['notHeld', 'needsCreation', 'unclearAfterCorrection']),
    notProcessed: group('notProcessed', ['petitionOrComplaint', 'repeated', 'publication', 'excessive', 'confirmation']),
    otherDisposal: group('otherDisposal', ['overdueCorrection', 'overdueFee', 'other']),
    total: Type.Optional(applicantRow('total')),
    carriedForward: Type.Optional(applicantRow('carriedForward')),
  },
  { ...strict, title: table3.section, description: `${table3.name}：每行按申请人类别填写，省略的行视为0` },
);

/** Table 四: 政府信息公开行政复议、行政诉讼情况. */
export const ReviewLitigationSchema = Type.Object(
  {
    review: Type.Optional(outcomes(review)),
    litigationDirect: Type.Optional(outcomes(litigationDirect)),
    litigationAfterReview: Type.Optional(outcomes(litigationAfterReview)),
  },
  { ...strict, title: table4.section, description: table4.name },
);

/** A warning the agency checked and accepts, with the reason. */
export const AcknowledgementSchema = Type.Object(
  {
    code: Type.String({ title: '规则代码', description: '被确认的警告的规则代码，如 X2' }),
    path: Type.Optional(Type.String({ title: '位置', description: '警告所在的数据路径，如 proactive.normativeDocuments；省略则确认该代码的全部警告' })),
    reason: Type.String({ minLength: 1, title: '理由', description: '为何该警告不影响报告的正确性' }),
  },
  { ...strict, title: '已确认的警告' },
);

/** The whole report (data contract version 1.1). */
export const ReportSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ title: 'JSON Schema', description: '编辑器用的模式地址，可省略' })),
    agency: Type.String({ minLength: 1, title: '机关名称', description: '发布报告的行政机关全称，如 平罗县科学技术局' }),
    year: Type.Integer({ minimum: 2000, maximum: 2100, title: '报告年度', description: '报告所统计的年度，如 2021' }),
    title: Type.Optional(Type.String({ minLength: 1, title: '标题', description: '报告标题；省略时为“<机关名称><年度>年政府信息公开工作年度报告”' })),
    contact: Type.Optional(Type.String({ title: '联系方式', description: '印在开头一段的联系方式（地址、电话等）' })),
    preamble: Type.Optional(bodyText('开头一段', '替换模板的开头一段；段落之间空一行，**加粗**')),
    overviewIntro: Type.Optional(bodyText('一、总体情况（引言）', '“一、总体情况”下、（一）之前的段落')),
    overview: Type.Optional(
      Type.Array(
        Type.Object(
          {
            heading: Type.String({ minLength: 1, title: '小标题', description: '如 主动公开，印为（一）主动公开' }),
            body: Type.Optional(bodyText('正文', '段落之间空一行；**加粗**')),
          },
          { ...strict, title: '总体情况的一个方面' },
        ),
        { title: '一、总体情况', description: '按顺序列出各方面：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障' },
      ),
    ),
    proactive: Type.Optional(ProactiveSchema),
    applicationsIntro: Type.Optional(bodyText('三、收到和处理政府信息公开申请情况（说明）', '表三之前的说明文字，可省略')),
    applications: Type.Optional(ApplicationsSchema),
    reviewLitigation: Type.Optional(ReviewLitigationSchema),
    problems: Type.Optional(bodyText('五、存在的主要问题及改进情况', '先写问题，再写改进措施；段落之间空一行')),
    otherMatters: Type.Optional(
      bodyText('六、其他需要报告的事项', '包括依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取的也应说明'),
    ),
    signature: Type.Optional(
      Type.Object(
        {
          agency: Type.Optional(Type.String({ minLength: 1, title: '落款机关', description: '省略时用机关名称' })),
          date: Type.Optional(ymd('成文日期', '形如 2022-01-20，印为 2022年1月20日')),
        },
        { ...strict, title: '落款' },
      ),
    ),
    format: Type.Optional(
      Type.Integer({ title: '报告格式', description: `国家规定的年度报告格式，按发文年份写：2021 即${FORMAT_2021.issuedBy}（省略时为 2021）` }),
    ),
    level: Type.Optional(
      Type.Unsafe<'department' | 'government'>({
        type: 'string',
        enum: ['department', 'government'],
        title: '机关层级',
        description: 'department：政府部门（县级以上政府部门，1月31日前发布）；government：人民政府（3月31日前发布）',
      }),
    ),
    published: Type.Optional(ymd('发布日期', '报告在网站上发布的日期，形如 2022-01-25')),
    acknowledged: Type.Optional(Type.Array(AcknowledgementSchema, { title: '已确认的警告', description: '经核实可以接受的警告及理由' })),
  },
  {
    ...strict,
    title: '政府信息公开工作年度报告',
    description: 'xxgk 输入数据格式第1.1版：键名为英文，标签与说明为中文',
  },
);

/** A report as the data contract describes it (after validation). */
export type Report = Static<typeof ReportSchema>;
/** Table 三 input. */
export type Applications = Static<typeof ApplicationsSchema>;
/** Table 二 input. */
export type Proactive = Static<typeof ProactiveSchema>;
/** Table 四 input. */
export type ReviewLitigation = Static<typeof ReviewLitigationSchema>;
/** An acknowledged warning. */
export type Acknowledgement = Static<typeof AcknowledgementSchema>;

/** The JSON Schema document printed by `xxgk schema`. */
export function jsonSchema(): TSchema & { $schema: string; $id: string } {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://xxgk.invalid/schema/report-v1.json',
    ...JSON.parse(JSON.stringify(ReportSchema)),
  };
}

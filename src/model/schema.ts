import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The input data contract, version 1 (docs/ARCHITECTURE.md §2): the single source of the
 * TypeScript types (`Static<…>`) and of the JSON Schema printed by `xxgk schema`.
 * Every field carries the official Chinese label as `title`.
 */

const count = (title: string, description?: string) =>
  Type.Integer({ minimum: 0, title, description: description ?? `${title}（件，非负整数）` });

/** Applicant columns of table 三, in print order. */
export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;

const applicantRow = (title: string) =>
  Type.Array(Type.Integer({ minimum: 0 }), {
    minItems: 6,
    maxItems: 7,
    title,
    description:
      `${title}：6个非负整数，依次为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他；` +
      '可选第7个数为总计，程序会核对而不是直接采用',
  });

const strict = { additionalProperties: false } as const;

const documentCounts = (title: string) =>
  Type.Object(
    {
      issued: count('本年制发件数'),
      repealed: count('本年废止件数'),
      inForce: count('现行有效件数'),
    },
    { ...strict, title, description: `${title}：本年制发、本年废止、现行有效件数` },
  );

const outcomes = (title: string) =>
  Type.Object(
    {
      upheld: count('结果维持'),
      corrected: count('结果纠正'),
      other: count('其他结果'),
      pending: count('尚未审结'),
      total: Type.Optional(count('总计', '总计（可选，程序会核对）')),
    },
    { ...strict, title },
  );

const bodyText = (title: string, description: string) => Type.String({ title, description });

/** Table 二: 主动公开政府信息情况. */
export const ProactiveSchema = Type.Object(
  {
    rules: Type.Optional(documentCounts('规章')),
    normativeDocuments: Type.Optional(documentCounts('行政规范性文件')),
    licensing: Type.Optional(count('行政许可', '第二十条第（五）项 行政许可：本年处理决定数量')),
    penalty: Type.Optional(count('行政处罚', '第二十条第（六）项 行政处罚：本年处理决定数量')),
    coercion: Type.Optional(count('行政强制', '第二十条第（六）项 行政强制：本年处理决定数量')),
    fees: Type.Optional(
      Type.Union([Type.Number({ minimum: 0 }), Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })], {
        title: '行政事业性收费',
        description: '第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元），可有小数，按填写原样印出',
      }),
    ),
  },
  { ...strict, title: '二、主动公开政府信息情况', description: '表二：第二十条第（一）（五）（六）（八）项' },
);

/** Table 三: 收到和处理政府信息公开申请情况. */
export const ApplicationsSchema = Type.Object(
  {
    newlyReceived: Type.Optional(applicantRow('一、本年新收政府信息公开申请数量')),
    carriedOver: Type.Optional(applicantRow('二、上年结转政府信息公开申请数量')),
    granted: Type.Optional(applicantRow('（一）予以公开')),
    partiallyGranted: Type.Optional(applicantRow('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')),
    denied: Type.Optional(
      Type.Object(
        {
          stateSecret: Type.Optional(applicantRow('1.属于国家秘密')),
          prohibitedByLaw: Type.Optional(applicantRow('2.其他法律行政法规禁止公开')),
          endangersSecurity: Type.Optional(applicantRow('3.危及“三安全一稳定”')),
          thirdPartyRights: Type.Optional(applicantRow('4.保护第三方合法权益')),
          internalAffairs: Type.Optional(applicantRow('5.属于三类内部事务信息')),
          processInformation: Type.Optional(applicantRow('6.属于四类过程性信息')),
          enforcementFiles: Type.Optional(applicantRow('7.属于行政执法案卷')),
          inquiryMatters: Type.Optional(applicantRow('8.属于行政查询事项')),
        },
        { ...strict, title: '（三）不予公开' },
      ),
    ),
    unableToProvide: Type.Optional(
      Type.Object(
        {
          notHeld: Type.Optional(applicantRow('1.本机关不掌握相关政府信息')),
          needsCreation: Type.Optional(applicantRow('2.没有现成信息需要另行制作')),
          unclearAfterCorrection: Type.Optional(applicantRow('3.补正后申请内容仍不明确')),
        },
        { ...strict, title: '（四）无法提供' },
      ),
    ),
    notProcessed: Type.Optional(
      Type.Object(
        {
          petitionOrComplaint: Type.Optional(applicantRow('1.信访举报投诉类申请')),
          repeated: Type.Optional(applicantRow('2.重复申请')),
          publication: Type.Optional(applicantRow('3.要求提供公开出版物')),
          excessive: Type.Optional(applicantRow('4.无正当理由大量反复申请')),
          confirmation: Type.Optional(applicantRow('5.要求行政机关确认或重新出具已获取信息')),
        },
        { ...strict, title: '（五）不予处理' },
      ),
    ),
    otherDisposal: Type.Optional(
      Type.Object(
        {
          overdueCorrection: Type.Optional(
            applicantRow('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
          ),
          overdueFee: Type.Optional(applicantRow('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')),
          other: Type.Optional(applicantRow('3.其他')),
        },
        { ...strict, title: '（六）其他处理' },
      ),
    ),
    total: Type.Optional(applicantRow('（七）总计')),
    carriedForward: Type.Optional(applicantRow('四、结转下年度继续办理')),
  },
  { ...strict, title: '三、收到和处理政府信息公开申请情况', description: '表三：每行按申请人类别填写，省略的行视为0' },
);

/** Table 四: 政府信息公开行政复议、行政诉讼情况. */
export const ReviewLitigationSchema = Type.Object(
  {
    review: Type.Optional(outcomes('行政复议')),
    litigationDirect: Type.Optional(outcomes('行政诉讼 未经复议直接起诉')),
    litigationAfterReview: Type.Optional(outcomes('行政诉讼 复议后起诉')),
  },
  { ...strict, title: '四、政府信息公开行政复议、行政诉讼情况', description: '表四' },
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

/** The whole report (data contract version 1). */
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
          date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{1,2}-\\d{1,2}$', title: '成文日期', description: '形如 2022-01-20，印为 2022年1月20日' })),
        },
        { ...strict, title: '落款' },
      ),
    ),
    acknowledged: Type.Optional(Type.Array(AcknowledgementSchema, { title: '已确认的警告', description: '经核实可以接受的警告及理由' })),
  },
  {
    ...strict,
    title: '政府信息公开工作年度报告',
    description: 'xxgk 输入数据格式第1版：键名为英文，标签与说明为中文',
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

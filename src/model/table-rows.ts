/**
 * The rows of the three official tables as data: each row's input path and its label
 * exactly as printed (docs/FORMAT.md §B). Validation messages and derived tables use these.
 */

/** A data row of table 三: where it is in the input and how it is printed. */
export interface ApplicationRow {
  /** Key path under `applications`, e.g. `denied.stateSecret`. */
  key: string;
  /** The row's own label as printed (`1.属于国家秘密`). */
  label: string;
  /** The label of the group it sits in (`（三）不予公开`), if any. */
  group?: string;
  /** The label of the block it sits in (`三、本年度办理结果`), if any. */
  block?: string;
}

const RESULT = '三、本年度办理结果';

/** The 21 leaf outcome rows of 三、本年度办理结果, in print order. */
export const OUTCOME_ROWS: readonly ApplicationRow[] = [
  { key: 'granted', label: '（一）予以公开', block: RESULT },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', block: RESULT },
  ...(
    [
      ['denied', '（三）不予公开', [
        ['stateSecret', '1.属于国家秘密'],
        ['prohibitedByLaw', '2.其他法律行政法规禁止公开'],
        ['endangersSecurity', '3.危及“三安全一稳定”'],
        ['thirdPartyRights', '4.保护第三方合法权益'],
        ['internalAffairs', '5.属于三类内部事务信息'],
        ['processInformation', '6.属于四类过程性信息'],
        ['enforcementFiles', '7.属于行政执法案卷'],
        ['inquiryMatters', '8.属于行政查询事项'],
      ]],
      ['unableToProvide', '（四）无法提供', [
        ['notHeld', '1.本机关不掌握相关政府信息'],
        ['needsCreation', '2.没有现成信息需要另行制作'],
        ['unclearAfterCorrection', '3.补正后申请内容仍不明确'],
      ]],
      ['notProcessed', '（五）不予处理', [
        ['petitionOrComplaint', '1.信访举报投诉类申请'],
        ['repeated', '2.重复申请'],
        ['publication', '3.要求提供公开出版物'],
        ['excessive', '4.无正当理由大量反复申请'],
        ['confirmation', '5.要求行政机关确认或重新出具已获取信息'],
      ]],
      ['otherDisposal', '（六）其他处理', [
        ['overdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
        ['overdueFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
        ['other', '3.其他'],
      ]],
    ] as const
  ).flatMap(([group, groupLabel, rows]) =>
    rows.map(([key, label]) => ({ key: `${group}.${key}`, label, group: groupLabel, block: RESULT })),
  ),
];

/** 一、本年新收. */
export const NEWLY_RECEIVED: ApplicationRow = { key: 'newlyReceived', label: '一、本年新收政府信息公开申请数量' };
/** 二、上年结转. */
export const CARRIED_OVER: ApplicationRow = { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' };
/** （七）总计 (derived; may be stated in the input as `total`). */
export const OUTCOME_TOTAL: ApplicationRow = { key: 'total', label: '（七）总计', block: RESULT };
/** 四、结转下年度继续办理. */
export const CARRIED_FORWARD: ApplicationRow = { key: 'carriedForward', label: '四、结转下年度继续办理' };

/** All 25 data rows of table 三 in print order (一, 二, 21 outcomes, （七）总计, 四). */
export const APPLICATION_ROWS: readonly ApplicationRow[] = [
  NEWLY_RECEIVED,
  CARRIED_OVER,
  ...OUTCOME_ROWS,
  OUTCOME_TOTAL,
  CARRIED_FORWARD,
];

/** The 7 data columns of table 三 (6 applicant columns and 总计). */
export const APPLICATION_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

/** The three parts of table 四 and their labels. */
export const REVIEW_LITIGATION_PARTS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼 未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼 复议后起诉' },
] as const;

/** The columns of each part of table 四. */
export const OUTCOME_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
] as const;

/** The rows of 第二十条第（一）项 in table 二. */
export const DOCUMENT_ROWS = [
  { key: 'rules', label: '规章' },
  { key: 'normativeDocuments', label: '行政规范性文件' },
] as const;

/** The columns of 第二十条第（一）项 in table 二. */
export const DOCUMENT_COLUMNS = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
] as const;

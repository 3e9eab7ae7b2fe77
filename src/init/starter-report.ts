/**
 * The starting data file written by `xxgk init`: every section and table present
 * (zeros), with Chinese comments explaining each block. Narrative figures use
 * placeholders so the sentences cannot disagree with the tables.
 */
export function starterReport(agency: string, year: number): string {
  const q = (s: string) => JSON.stringify(s);
  const zeros = '[0, 0, 0, 0, 0, 0]';
  return `# ${agency}${year}年政府信息公开工作年度报告：数据文件
# 由 xxgk init 生成。填好后运行：
#   npx xxgk validate 本文件    （检查数字和文字）
#   npx xxgk render 本文件      （生成 Word 和 PDF）
# 正文段落之间空一行；**文字** 表示加粗。
# 正文中的 {{applications.newlyReceived.total}} 等占位符会替换为表格中的数字，不必手填。

agency: ${q(agency)}        # 机关名称（必填）
year: ${year}                   # 报告年度（必填）
contact: ""                  # 联系方式（地址、电话），印在开头一段；不需要可删去此行

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

# 二、主动公开政府信息情况（表二）
proactive:
  # 第二十条第（一）项：本年制发件数、本年废止件数、现行有效件数
  rules:              { issued: 0, repealed: 0, inForce: 0 }   # 规章
  normativeDocuments: { issued: 0, repealed: 0, inForce: 0 }   # 行政规范性文件
  licensing: 0        # 第二十条第（五）项 行政许可：本年处理决定数量
  penalty: 0          # 第二十条第（六）项 行政处罚：本年处理决定数量
  coercion: 0         # 第二十条第（六）项 行政强制：本年处理决定数量
  fees: 0             # 第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元），可有小数

# 三、收到和处理政府信息公开申请情况（表三）
# 每行6个整数，依次为：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]
# 总计列和（七）总计由程序计算。勾稽关系：一 + 二 = 三（七）总计 + 四（每一列都要相等）
applications:
  newlyReceived:    ${zeros}   # 一、本年新收政府信息公开申请数量
  carriedOver:      ${zeros}   # 二、上年结转政府信息公开申请数量
  # 三、本年度办理结果
  granted:          ${zeros}   # （一）予以公开
  partiallyGranted: ${zeros}   # （二）部分公开（区分处理的，只计这一情形，不计其他情形）
  denied:                                # （三）不予公开
    stateSecret:        ${zeros}   # 1.属于国家秘密
    prohibitedByLaw:    ${zeros}   # 2.其他法律行政法规禁止公开
    endangersSecurity:  ${zeros}   # 3.危及“三安全一稳定”
    thirdPartyRights:   ${zeros}   # 4.保护第三方合法权益
    internalAffairs:    ${zeros}   # 5.属于三类内部事务信息
    processInformation: ${zeros}   # 6.属于四类过程性信息
    enforcementFiles:   ${zeros}   # 7.属于行政执法案卷
    inquiryMatters:     ${zeros}   # 8.属于行政查询事项
  unableToProvide:                       # （四）无法提供
    notHeld:                ${zeros}   # 1.本机关不掌握相关政府信息
    needsCreation:          ${zeros}   # 2.没有现成信息需要另行制作
    unclearAfterCorrection: ${zeros}   # 3.补正后申请内容仍不明确
  notProcessed:                          # （五）不予处理
    petitionOrComplaint: ${zeros}   # 1.信访举报投诉类申请
    repeated:            ${zeros}   # 2.重复申请
    publication:         ${zeros}   # 3.要求提供公开出版物
    excessive:           ${zeros}   # 4.无正当理由大量反复申请
    confirmation:        ${zeros}   # 5.要求行政机关确认或重新出具已获取信息
  otherDisposal:                         # （六）其他处理
    overdueCorrection: ${zeros}   # 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    overdueFee:        ${zeros}   # 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
    other:             ${zeros}   # 3.其他
  carriedForward:   ${zeros}   # 四、结转下年度继续办理

# 四、政府信息公开行政复议、行政诉讼情况（表四）：结果维持、结果纠正、其他结果、尚未审结（总计由程序计算）
reviewLitigation:
  review:                { upheld: 0, corrected: 0, other: 0, pending: 0 }   # 行政复议
  litigationDirect:      { upheld: 0, corrected: 0, other: 0, pending: 0 }   # 行政诉讼：未经复议直接起诉
  litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0 }   # 行政诉讼：复议后起诉

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

/**
 * The catalogue of every diagnostic code (for `xxgk rules` and the README): code,
 * severity and what it checks, in Chinese. Codes are stable.
 */
import type { Severity } from './diagnostic';

export interface RuleInfo {
  code: string;
  severity: Severity;
  /** Which part of the report the rule is about. */
  category: '读取' | '数据格式' | '表二' | '表三' | '表四' | '跨年度' | '正文' | '确认' | '生成' | '字体' | '排版';
  /** What the rule checks, in Chinese. */
  description: string;
}

export const RULES: readonly RuleInfo[] = [
  { code: 'PARSE', severity: 'error', category: '读取', description: '文件能按 UTF-8 读取，并且是正确的 YAML 或 JSON' },
  { code: 'TYPO', severity: 'error', category: '读取', description: '键名后没有用中文冒号“：”、冒号后有空格，列表和“{ }”中没有中文逗号、冒号、方括号或全角数字；指出行号、所写内容和应写成的样子（分不清一个数还是几个数时提问而不猜）' },
  { code: 'XLSX', severity: 'error', category: '读取', description: 'Excel 工作簿（.xlsx）是 xxgk init 生成的版式：有“基本信息与正文”和表二、表三、表四工作表，表格的行列没有被移动；不是 .xls/.xlsm/.et、加密或超出大小上限的文件' },
  { code: 'XLSX-CELL', severity: 'error', category: '读取', description: 'Excel 工作簿中的单元格不是错误值（如 #N/A、#REF!）；指出工作表和单元格' },
  { code: 'XLSX-CONVERTED', severity: 'warning', category: '读取', description: 'Excel 工作簿中按文本保存的数字、全角数字、公式（取其计算结果）、日期格式的日期已换算，指出单元格，请核对' },
  { code: 'TXT-CTRL', severity: 'error', category: '数据格式', description: '文字中没有控制字符（U+0000–U+001F 中除制表符和换行外的字符、U+007F–U+009F）、不成对的代理码元或 U+FFFE/U+FFFF；指出字段和位置，生成的文件中删去这些字符' },
  { code: 'TXT-ZW', severity: 'warning', category: '数据格式', description: '文字中的零宽字符（U+200B–U+200F、U+2060–U+2064）、文中的 BOM（U+FEFF）、软连字符和文字方向控制符已删除，并指出字段和位置' },
  { code: 'SCHEMA-TYPE', severity: 'error', category: '数据格式', description: '每一项的类型正确：文字、数字、列表或“键: 值”（数字写成带引号的文本时会指出）' },
  { code: 'SCHEMA-REQUIRED', severity: 'error', category: '数据格式', description: '必填项已填写且不为空：机关名称（agency）、报告年度（year）、小标题、已确认警告的代码和理由' },
  { code: 'SCHEMA-UNKNOWN-KEY', severity: 'error', category: '数据格式', description: '没有未知的键（拼错的键不会被悄悄忽略），并提示最接近的正确键名' },
  { code: 'SCHEMA-LENGTH', severity: 'error', category: '数据格式', description: '表三每行有6个数（可加第7个数作为总计）' },
  { code: 'SCHEMA-RANGE', severity: 'error', category: '数据格式', description: '报告年度在 2000 至 2100 之间' },
  { code: 'SCHEMA-FORMAT', severity: 'error', category: '数据格式', description: '落款的成文日期和发布日期（published）是真实日期，写成 2022-01-20 的形式' },
  { code: 'SCHEMA-ENUM', severity: 'error', category: '数据格式', description: '只能取规定值的项取了规定值之一：机关层级（level）为 department 或 government' },
  { code: 'FORMAT', severity: 'error', category: '数据格式', description: '报告格式（format）是已有的国家格式：2021（国办公开办函〔2021〕30号，省略时即为此格式）' },
  { code: 'SCHEMA-EMPTY', severity: 'warning', category: '数据格式', description: '写了键但没有内容的可选项（按未填写处理）' },
  { code: 'T2-R1', severity: 'error', category: '表二', description: '表二的件数是非负整数；行政事业性收费是非负数（单位：万元，可有小数）；不适用的填 "/"；空白单元格须填 0' },
  { code: 'T3-R1', severity: 'error', category: '表三', description: '每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理' },
  { code: 'T3-R2', severity: 'error', category: '表三', description: '填写了（七）总计时，每一列等于（一）至（六）共21行之和' },
  { code: 'T3-R3', severity: 'error', category: '表三', description: '某行填写了第7个数（总计）时，它等于六类申请人之和' },
  { code: 'T3-R4', severity: 'error', category: '表三', description: '表三每个单元格是不超过 2147483647 的非负整数（“/”只能用于表二）；空白或未能读取的单元格须填写，没有的填 0' },
  { code: 'T4-R1', severity: 'error', category: '表四', description: '行政复议：填写的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结' },
  { code: 'T4-R2', severity: 'error', category: '表四', description: '行政诉讼 未经复议直接起诉：填写的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结' },
  { code: 'T4-R3', severity: 'error', category: '表四', description: '行政诉讼 复议后起诉：填写的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结' },
  { code: 'T4-R4', severity: 'error', category: '表四', description: '表四每个单元格是不超过 2147483647 的非负整数（“/”只能用于表二）；空白或未能读取的单元格须填写，没有的填 0' },
  { code: 'PREVIOUS', severity: 'error', category: '跨年度', description: '用 --previous 指定的上一年度报告文件能够读取' },
  { code: 'X0', severity: 'warning', category: '跨年度', description: '提供的上一年度报告可用于跨年度核对（年度为上一年、机关相同）' },
  { code: 'X1', severity: 'error', category: '跨年度', description: '每一列：上一年度的 四、结转下年度继续办理 = 本年度的 二、上年结转' },
  { code: 'X2', severity: 'warning', category: '跨年度', description: '规章、行政规范性文件：现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（集中清理等可致差异，可确认）' },
  { code: 'C1', severity: 'warning', category: '跨年度', description: '与上一年度报告相比（--previous），一、三（说明）、五、六各部分中与上年句子相同（年份除外）的文字不超过 80%（内容雷同）；列出只改了年份的句子' },
  { code: 'D1', severity: 'warning', category: '正文', description: '发布日期（published，未填时用落款日期）不晚于发布期限：政府部门次年1月31日，县级以上人民政府次年3月31日（《政府信息公开条例》第四十九条），且在统计期结束之后' },
  { code: 'D2', severity: 'hint', category: '正文', description: '乡镇、街道、管委会等从名称看不出发布期限的单位填写了机关层级（level）' },
  { code: 'N7', severity: 'warning', category: '正文', description: '一、总体情况的字数不超过规则文件（overviewMaxChars）规定的上限；默认不检查' },
  { code: 'N1', severity: 'warning', category: '正文', description: '正文中能识别的数字（收到申请、上年结转、办结、结转下年度、行政复议、行政诉讼、制发规范性文件和规章的件数）与表格一致' },
  { code: 'N2', severity: 'hint', category: '正文', description: '六、其他需要报告的事项 说明了信息处理费的收取情况（或未收取）' },
  { code: 'N3', severity: 'warning', category: '正文', description: '表三（六）2. 逾期未缴纳费用的申请大于0时，六、其他需要报告的事项 必须说明信息处理费（与表二的行政事业性收费无关）' },
  { code: 'N4', severity: 'warning', category: '正文', description: '开头一段和一、总体情况中的统计期限、报告名称和句首年份与报告年度一致；落款日期在报告年度的次年' },
  { code: 'N5', severity: 'error', category: '正文', description: '五、存在的主要问题及改进情况 已填写且有实际内容（不是空的，也不只是“无”“暂无”）' },
  { code: 'N6', severity: 'warning', category: '正文', description: '一、总体情况（及其各小标题的正文）和 六、其他需要报告的事项 已填写' },
  { code: 'P1', severity: 'error', category: '正文', description: '正文中的占位符 {{…}} 都是已定义的名称，如 {{applications.newlyReceived.total}}、{{表三.本年新收.总计}}' },
  { code: 'INTERNAL', severity: 'error', category: '读取', description: '校验程序自身出错（不应出现；请报告给维护者）' },
  { code: 'B1', severity: 'warning', category: '表三', description: '批量处理时（--manifest 汇总关系文件）：上级报告的表二、表三、表四中由单位填写的每个单元格等于其下级报告之和（与 xxgk rollup 相加的单元格相同，“/”不计入）' },
  { code: 'TPL-LABEL', severity: 'warning', category: '生成', description: '模板印出了国家格式规定的表二、表三、表四的全部行和列的标签（用户模板删去或改写了官方的行、列时警告）' },
  { code: 'TEMPLATE', severity: 'error', category: '生成', description: '模板文件正确（标记、字段名、表格网格）；出错时指出模板文件和行号' },
  { code: 'S1', severity: 'error', category: '生成', description: '报送版（--edition submission）有成文日期（signature.date）：报送版按 GB/T 9704 印出加盖印章的落款' },
  { code: 'FONT', severity: 'error', category: '字体', description: '--font 指定的字体文件和随附字体都能读取' },
  { code: 'F-MISSING', severity: 'warning', category: '字体', description: '每个字都有字体能显示（指出缺字及其所在位置；--strict 时为错误）；缺字时按 xxgk fonts --check 的提示用 --font 补充字体' },
  { code: 'F-NO-FACE', severity: 'error', category: '字体', description: '每种字体角色至少有一个字体' },
  { code: 'L-OVERFULL', severity: 'warning', category: '排版', description: '没有长到一行放不下、只能在字中间断开的词（如很长的网址或数字串）' },
  { code: 'L-ROW-TOO-TALL', severity: 'error', category: '排版', description: '表格的每一行连同表头都能放进一页' },
  { code: 'L-TABLE-SPAN-SPLIT', severity: 'warning', category: '排版', description: '跨页的合并单元格在每一页上都放得下其文字' },
  { code: 'L-TABLE-NUMBER', severity: 'warning', category: '排版', description: '表格中的数字不断行：列宽不够时先加宽数字列、再缩小字号（不小于9磅），仍放不下时指明表格、行和列' },
  { code: 'RENDER', severity: 'error', category: '生成', description: '报告能生成（批量处理中某份报告失败时记入汇总，其余照常生成）' },
  { code: 'WRITE', severity: 'error', category: '生成', description: '输出文件能写入输出文件夹' },
  { code: 'ACK1', severity: 'hint', category: '确认', description: 'acknowledged 中的每一项都对应一个实际出现的警告（错误不能确认）' },
];

/** The catalogue entry of a code. */
export function ruleInfo(code: string): RuleInfo | undefined {
  return RULES.find((r) => r.code === code);
}

export { formatDiagnostic } from './format';

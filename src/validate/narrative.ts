/**
 * Checks of the narrative sections (issue 9): placeholders (P1), figures quoted in the
 * text against the tables (N1), 信息处理费 in section 六 (N2, N3), the reporting year
 * in the opening and section 一 (N4), section 五 substantive (N5), omitted sections (N6).
 *
 * The figure and year checks are deliberately conservative: they recognise a few
 * fixed phrasings inside one clause and leave everything else alone, so ordinary
 * prose raises nothing. Every recognised phrase is checked, not only the first.
 */
import { nearestLine, type SourceMap } from '../load/source-map';
import type { DerivedTables } from '../model/derive';
import { expandPlaceholders, findPlaceholders, isPlaceholderName, placeholderNames } from '../model/placeholders';
import type { Diagnostic } from './diagnostic';
import { applicationRowLabel, placeLabel } from './labels';
import { isRecord, lenientRow, own, sum } from './read';
import { editDistance } from './schema-check';

/** A narrative field of the report. */
export interface TextField {
  path: string;
  label: string;
  text: string;
  kind: 'title' | 'preamble' | 'overviewIntro' | 'overviewHeading' | 'overviewBody' | 'applicationsIntro' | 'problems' | 'otherMatters';
}

/** Every narrative string of the data, in print order (non-strings are skipped). */
export function textFields(data: unknown): TextField[] {
  const out: TextField[] = [];
  if (!isRecord(data)) return out;
  const push = (path: string, kind: TextField['kind'], v: unknown) => {
    if (typeof v === 'string') out.push({ path, kind, text: v, label: placeLabel(path, data) });
  };
  push('title', 'title', own(data, 'title'));
  push('preamble', 'preamble', own(data, 'preamble'));
  push('overviewIntro', 'overviewIntro', own(data, 'overviewIntro'));
  const overview = own(data, 'overview');
  if (Array.isArray(overview)) {
    overview.forEach((item, i) => {
      push(`overview[${i}].heading`, 'overviewHeading', own(item, 'heading'));
      push(`overview[${i}].body`, 'overviewBody', own(item, 'body'));
    });
  }
  push('applicationsIntro', 'applicationsIntro', own(data, 'applicationsIntro'));
  push('problems', 'problems', own(data, 'problems'));
  push('otherMatters', 'otherMatters', own(data, 'otherMatters'));
  return out;
}

/** Full-width digits to ASCII (same string length, so indices stay valid). */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function closestPlaceholder(name: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const { name: n } of placeholderNames()) {
    const d = editDistance(name, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

// ---------------------------------------------------------------------------
// N1: figures in the narrative against the tables.

interface FigureRule {
  /** What the phrase states, for the message. */
  what: string;
  patterns: RegExp[];
  /** Words in the clause before the phrase, or in its gap, that mean it is not this figure. */
  exclude: RegExp;
  /**
   * Only in a sentence about 政府信息公开 (or in the 依申请公开 sub-section or the note
   * before table 三): an agency's other work also has 申请, 办结 and 行政复议.
   */
  needsContext: boolean;
  expected(d: DerivedTables): number | string;
  table: string;
  placeholder: string;
}

const COLUMNS_WORDS = '自然人|企业|法人|科研|公益|律师|法律服务|其他组织';
/** Things an agency receives or handles that are not 政府信息公开申请. */
const OTHER_MATTERS = '建议|提案|信访|投诉|举报|热线|咨询|留言|来信|来电|诉求|工单|12345|办件|审批|许可|备案|公文|资金|项目|经费';

const FIGURE_RULES: readonly FigureRule[] = [
  {
    what: '本年新收申请',
    patterns: [
      /(?:收到|新收|接到|接收)(?<gap>[^\d]{0,15}?)申请(?:数量)?(?:共计|合计|总计|共|为|是|达)?(?<n>\d+)\s*件/g,
      /(?:收到|新收|接到|接收)了?(?:共计|合计|共|各类)?(?<n>\d+)\s*件(?<gap>[^\d]{0,12}?)申请/g,
    ],
    exclude: new RegExp(`结转|上一?年|去年|往年|复议|诉讼|办结|答复|其中|同比|未|通过|当面|信函|网络|网上|网站|邮件|传真|现场|${COLUMNS_WORDS}|${OTHER_MATTERS}`),
    needsContext: true,
    expected: (d) => d.applications.newlyReceived[6],
    table: `${applicationRowLabel('newlyReceived')} / 总计`,
    placeholder: 'applications.newlyReceived.total',
  },
  {
    what: '上年结转申请',
    patterns: [/上一?年度?结转(?<gap>[^\d]{0,10}?)(?:共计|合计|共|为)?(?<n>\d+)\s*件/g],
    exclude: new RegExp(`办结|答复|处理|其中|${COLUMNS_WORDS}|${OTHER_MATTERS}`),
    needsContext: true,
    expected: (d) => d.applications.carriedOver[6],
    table: `${applicationRowLabel('carriedOver')} / 总计`,
    placeholder: 'applications.carriedOver.total',
  },
  {
    what: '办结（答复）申请',
    patterns: [/(?:办结|答复)了?(?<gap>[^\d]{0,12}?)(?:共计|合计|共|为)?(?<n>\d+)\s*件/g],
    exclude: new RegExp(`其中|予以|部分|不予|无法|逾期|上一?年|去年|结转|复议|诉讼|${COLUMNS_WORDS}|${OTHER_MATTERS}`),
    needsContext: true,
    expected: (d) => d.applications.total[6],
    table: `${applicationRowLabel('total')} / 总计`,
    placeholder: 'applications.total.total',
  },
  {
    what: '结转下年度继续办理的申请',
    patterns: [/结转(?:至|到)?下一?年度?(?:继续办理|办理)?(?<gap>[^\d]{0,8}?)(?:共计|合计|共|为)?(?<n>\d+)\s*件/g],
    exclude: new RegExp(`其中|${COLUMNS_WORDS}|${OTHER_MATTERS}`),
    needsContext: true,
    expected: (d) => d.applications.carriedForward[6],
    table: `${applicationRowLabel('carriedForward')} / 总计`,
    placeholder: 'applications.carriedForward.total',
  },
  {
    what: '行政复议案件',
    patterns: [/行政复议(?:案件|申请)?(?:共计|合计|共|为)?(?<n>\d+)\s*(?:件|起)/g],
    exclude: /其中|上一?年|去年|维持|纠正|尚未|直接|复议后|未经/,
    needsContext: true,
    expected: (d) => d.reviewLitigation.review.total,
    table: '表四 行政复议 / 总计',
    placeholder: 'reviewLitigation.review.total',
  },
  {
    what: '行政诉讼案件',
    patterns: [/行政诉讼(?:案件)?(?:共计|合计|共|为)?(?<n>\d+)\s*(?:件|起)/g],
    exclude: /其中|上一?年|去年|维持|纠正|尚未|直接|复议后|未经/,
    needsContext: true,
    expected: (d) => d.reviewLitigation.litigationDirect.total + d.reviewLitigation.litigationAfterReview.total,
    table: '表四 行政诉讼（未经复议直接起诉 总计 + 复议后起诉 总计）',
    placeholder: 'reviewLitigation.litigation.total',
  },
  {
    what: '本年制发的行政规范性文件',
    patterns: [
      /(?:制发|出台|印发|制定)了?(?<gap>[^\d]{0,6}?)(?:行政)?规范性文件(?:共计|合计|共)?(?<n>\d+)\s*件/g,
      /(?:制发|出台|印发|制定)了?(?:共计|共)?(?<n>\d+)\s*件(?<gap>[^\d]{0,4}?)(?:行政)?规范性文件/g,
    ],
    exclude: /废止|清理|失效|现行|审核|备案|合法性|其中|上一?年|去年/,
    needsContext: false,
    expected: (d) => d.proactive.normativeDocuments.issued,
    table: '表二 第二十条第（一）项 行政规范性文件 / 本年制发件数',
    placeholder: 'proactive.normativeDocuments.issued',
  },
  {
    what: '本年制发的规章',
    patterns: [
      /(?:制发|出台|印发|制定)了?(?<gap>[^\d]{0,6}?)规章(?!制度)(?:共计|合计|共)?(?<n>\d+)\s*件/g,
      /(?:制发|出台|印发|制定)了?(?:共计|共)?(?<n>\d+)\s*件(?<gap>[^\d]{0,4}?)规章(?!制度)/g,
    ],
    exclude: /废止|清理|失效|现行|审核|备案|合法性|其中|上一?年|去年|规范性文件|制度/,
    needsContext: false,
    expected: (d) => d.proactive.rules.issued,
    table: '表二 第二十条第（一）项 规章 / 本年制发件数',
    placeholder: 'proactive.rules.issued',
  },
];

/** A clause about part of the year (“上半年收到申请5件”) is not about the annual tables. */
const PART_OF_YEAR = /半年|季度|\d+\s*月|月份|本月|当月|同期/;
/** A sentence that is about 政府信息公开. */
const DISCLOSURE_CONTEXT = /信息公开|依申请公开/;

const SENTENCE = /[^。；;！？!?\n]+/g;
const CLAUSE = /[^，,、：:]+/g;
const HAS_DIGIT = /\d/;

function checkFigures(
  field: TextField,
  text: string,
  derived: DerivedTables,
  year: number | undefined,
  map: SourceMap,
  heading: string | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fieldContext = field.kind === 'applicationsIntro' || (heading !== undefined && /依申请公开/.test(heading));
  const t = asciiDigits(text);
  for (const sentence of t.matchAll(SENTENCE)) {
    const inContext = fieldContext || DISCLOSURE_CONTEXT.test(sentence[0]);
    for (const clause of sentence[0].matchAll(CLAUSE)) {
      const c = clause[0];
      // Every rule claims a figure: most clauses of a narrative have none to check.
      if (!HAS_DIGIT.test(c)) continue;
      const seen = new Set<number>();
      for (const rule of FIGURE_RULES) {
        if (rule.needsContext && !inContext) continue;
        for (const pattern of rule.patterns) {
          for (const m of c.matchAll(pattern)) {
            const prefix = c.slice(0, m.index);
            const gap = m.groups?.gap ?? '';
            if (rule.exclude.test(prefix) || rule.exclude.test(gap) || PART_OF_YEAR.test(prefix)) continue;
            // A clause about another year (“2020年收到申请8件”) is not about this report's tables.
            const years = [...prefix.matchAll(/(\d{4})\s*年/g)].map((y) => Number(y[1]));
            if (years.some((y) => y !== year)) continue;
            // One figure is one claim, even when two phrasings recognise it.
            const at = (m.index ?? 0) + m[0].lastIndexOf(m.groups!.n);
            if (seen.has(at)) continue;
            seen.add(at);
            const n = Number(m.groups!.n);
            const expected = rule.expected(derived);
            if (n === expected) continue;
            out.push({
              severity: 'warning',
              code: 'N1',
              path: field.path,
              line: nearestLine(map, field.path),
              message:
                `${field.label}：文中“${m[0].trim()}”写的是${n}件，但${rule.table}为${expected}，两者不一致；` +
                `请核对（可写成 {{${rule.placeholder}}}，由表格数字自动填入）`,
            });
          }
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// N4: the reporting year.

const PERIOD = /(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*起?\s*(?:至|到|—{1,2}|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/g;
const REPORT_NAME = /(\d{4})\s*年度?政府信息公开(?:工作)?年度报告/g;
const SENTENCE_YEAR = /(?:^|[。！？；\n])\s*(\d{4})\s*年度?(?:[，,]|全年)/g;

function checkYears(field: TextField, text: string, year: number, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const t = asciiDigits(text);
  const add = (what: string, snippet: string, found: number) =>
    out.push({
      severity: 'warning',
      code: 'N4',
      path: field.path,
      line: nearestLine(map, field.path),
      message: `${field.label}：${what}“${snippet.trim()}”中的${found}年与报告年度${year}年不符，可能沿用了往年的文字`,
    });
  const periods: [number, number][] = [];
  for (const m of t.matchAll(PERIOD)) {
    periods.push([m.index!, m.index! + m[0].length]);
    const ys = [Number(m[1]), ...(m[2] ? [Number(m[2])] : [])];
    const bad = ys.find((y) => y !== year);
    if (bad !== undefined) add('统计期限', m[0], bad);
  }
  for (const m of t.matchAll(REPORT_NAME)) {
    if (Number(m[1]) !== year) add('报告名称', m[0], Number(m[1]));
  }
  for (const m of t.matchAll(SENTENCE_YEAR)) {
    const start = m.index! + m[0].indexOf(m[1]);
    if (periods.some(([a, b]) => start >= a && start < b)) continue;
    if (Number(m[1]) !== year) add('句首的年份', m[0].replace(/^[。！？；\n]/, ''), Number(m[1]));
  }
  return out;
}

// ---------------------------------------------------------------------------

const NOT_SUBSTANTIVE = new Set(['', '无', '暂无', '没有', '无问题', '略', '空', '无内容', '待补充']);
const FEE_STATEMENT = /处理费/;

function isBlank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

/** Runs the narrative rules. `derived` is absent when the tables have errors (N1 then skipped). */
export function checkNarrative(data: unknown, map: SourceMap, derived: DerivedTables | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isRecord(data)) return out;
  const add = (severity: Diagnostic['severity'], code: string, path: string, message: string) =>
    out.push({ severity, code, path, line: nearestLine(map, path), message });
  const yearValue = own(data, 'year');
  const year = typeof yearValue === 'number' && Number.isInteger(yearValue) ? yearValue : undefined;
  const agencyValue = own(data, 'agency');
  const agency = typeof agencyValue === 'string' ? agencyValue : undefined;

  for (const field of textFields(data)) {
    // P1: every placeholder must be a known name.
    const reported = new Set<string>();
    for (const name of findPlaceholders(field.text)) {
      if (isPlaceholderName(name) || reported.has(name)) continue;
      reported.add(name);
      const s = closestPlaceholder(name);
      add(
        'error',
        'P1',
        field.path,
        `${field.label}中的占位符“{{${name}}}”不存在${s ? `，是不是“{{${s}}}”？` : '。'}` +
          '占位符用于引用表格数字，如 {{applications.newlyReceived.total}} 或 {{表三.本年新收.总计}}',
      );
    }
    const text = derived ? expandPlaceholders(field.text, derived, { year, agency }).text : field.text;
    if (derived && field.kind !== 'title' && field.kind !== 'overviewHeading') {
      const overviewList = own(data, 'overview');
      const index = Number(/^overview\[(\d+)\]/.exec(field.path)?.[1] ?? -1);
      const heading = Array.isArray(overviewList) && index >= 0 ? own(overviewList[index], 'heading') : undefined;
      out.push(...checkFigures(field, text, derived, year, map, typeof heading === 'string' ? heading : undefined));
    }
    if (year !== undefined && ['title', 'preamble', 'overviewIntro', 'overviewHeading', 'overviewBody'].includes(field.kind)) {
      out.push(...checkYears(field, text, year, map));
    }
  }

  // N4: the 落款 date is normally early in the following year.
  const date = own(own(data, 'signature'), 'date');
  if (year !== undefined && typeof date === 'string' && /^\d{4}-/.test(date) && Number(date.slice(0, 4)) !== year + 1) {
    add('warning', 'N4', 'signature.date', `落款 成文日期 ${date} 不在报告年度的次年（${year + 1}年），请核对（报告一般在次年1月至3月发布）`);
  }

  // N5: section 五 is required and substantive.
  const problems = own(data, 'problems');
  if (problems === undefined || problems === null) {
    add('error', 'N5', 'problems', '缺少 五、存在的主要问题及改进情况（problems）：这是年度报告必须有的内容，请写明存在的问题和改进措施');
  } else if (typeof problems === 'string') {
    const core = problems.replace(/[\s\p{P}\p{S}]/gu, '');
    if (NOT_SUBSTANTIVE.has(core)) {
      add(
        'error',
        'N5',
        'problems',
        `五、存在的主要问题及改进情况 ${core ? `只写了“${problems.trim()}”` : '是空的'}：这一部分应写明存在的问题和改进措施，不能为空或只写“无”`,
      );
    }
  }

  // N6: omitted narrative sections print nothing.
  const overview = own(data, 'overview');
  if ((overview === undefined || overview === null || (Array.isArray(overview) && overview.length === 0)) && isBlank(own(data, 'overviewIntro'))) {
    add('warning', 'N6', 'overview', '一、总体情况 没有内容（overviewIntro 和 overview 都未填写），报告中这一部分将只有标题');
  }
  if (Array.isArray(overview)) {
    overview.forEach((item, i) => {
      if (isRecord(item) && isBlank(own(item, 'body'))) {
        const path = `overview[${i}].body`;
        add('warning', 'N6', path, `${placeLabel(`overview[${i}]`, data)} 没有正文（body），报告中将只有小标题`);
      }
    });
  }
  const other = own(data, 'otherMatters');
  const otherBlank = isBlank(other);
  if (otherBlank && (other === undefined || other === null || typeof other === 'string')) {
    add('warning', 'N6', 'otherMatters', '六、其他需要报告的事项 未填写，报告中这一部分将只有标题；没有其他事项可写“无。”，并说明信息处理费的收取情况');
  }

  // N3 / N2: 信息处理费 in section 六 (never linked to table 二's 行政事业性收费).
  const feeRow = sum(lenientRow(own(data, 'applications'), 'otherDisposal.overdueFee').cells);
  const statesFee = typeof other === 'string' && FEE_STATEMENT.test(other);
  if (!statesFee && feeRow !== undefined && feeRow > 0) {
    add(
      'warning',
      'N3',
      'otherMatters',
      `${applicationRowLabel('otherDisposal.overdueFee')} / 总计为${feeRow}，说明本年度发出过收费通知，` +
        '但六、其他需要报告的事项 没有说明信息处理费的收取情况：请写明收取的信息处理费金额，或说明未收取（《政府信息公开信息处理费管理办法》）',
    );
  } else if (!statesFee && !otherBlank) {
    add(
      'hint',
      'N2',
      'otherMatters',
      '六、其他需要报告的事项 没有提到信息处理费：依《政府信息公开信息处理费管理办法》，一般应写明本年度收取信息处理费的情况，未收取的也可说明（如“本年度未收取信息处理费。”）',
    );
  }
  return out;
}

/**
 * A rules file (`xxgk.config.yaml`, or `--config FILE`): a county's or province's own
 * thresholds and severities. It may raise any rule's severity, or lower a warning to a
 * hint, but never lower an error: the 勾稽 rules are the national format's own.
 *
 * ```yaml
 * copiedShare: 0.8          # C1：一节中与上年相同的文字占比达到此值时警告
 * overviewMaxChars: 1000    # N7：一、总体情况的字数上限（不写则不检查）
 * deadlines: { department: 01-31, government: 03-31 }   # D1：次年的发布期限
 * severity: { N2: warning, X2: error }
 * ```
 */
import { DEFAULT_COPY_SHARE } from './copied-text';
import { STATUTORY_DEADLINES } from './deadline';
import type { Diagnostic, Severity } from './diagnostic';
import { ruleInfo } from './rules';

/** The values the rules use. */
export interface RulesConfig {
  /** C1: share of a section's characters copied from last year that draws a warning. */
  copiedShare: number;
  /** N7: most characters of 一、总体情况; undefined: not checked. */
  overviewMaxChars?: number;
  /** D1: the deadline in the year after the report's, as MM-DD, by level. */
  deadlines: { department: string; government: string };
  /** Severities changed from the catalogue's, by rule code. */
  severity: Record<string, Severity>;
}

/** The values in force without a rules file. */
export const DEFAULT_RULES: RulesConfig = Object.freeze({
  copiedShare: DEFAULT_COPY_SHARE,
  deadlines: Object.freeze({ ...STATUTORY_DEADLINES }),
  severity: Object.freeze({}),
}) as RulesConfig;

/** The file looked for in the current folder (or a batch's folder). */
export const RULES_FILE_NAME = 'xxgk.config.yaml';

const RANK: Record<Severity, number> = { hint: 0, warning: 1, error: 2 };
const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', hint: '提示' };
const KEYS = ['copiedShare', 'overviewMaxChars', 'deadlines', 'severity'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function monthDay(v: unknown): string | undefined {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(String(v ?? '').trim());
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2001, month, 0)).getUTCDate()) return undefined;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads a rules file's data: the config, or the problems (Chinese, one per line) that refuse it. */
export function parseRulesConfig(data: unknown): { config?: RulesConfig; problems: string[] } {
  const problems: string[] = [];
  if (data === undefined || data === null) return { config: DEFAULT_RULES, problems };
  if (!isRecord(data)) return { problems: ['规则文件应为“键: 值”的形式'] };
  const config: RulesConfig = { ...DEFAULT_RULES, deadlines: { ...DEFAULT_RULES.deadlines }, severity: {} };
  for (const key of Object.keys(data)) if (!KEYS.includes(key)) problems.push(`未知的键“${key}”：可用的键有 ${KEYS.join('、')}`);

  if (data.copiedShare !== undefined) {
    const v = data.copiedShare;
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) problems.push(`copiedShare 应为 0 到 1 之间的比例（如 0.8），而不是 ${JSON.stringify(v)}`);
    else config.copiedShare = v;
  }
  if (data.overviewMaxChars !== undefined) {
    const v = data.overviewMaxChars;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) problems.push(`overviewMaxChars 应为正整数（字数，如 1000），而不是 ${JSON.stringify(v)}`);
    else config.overviewMaxChars = v;
  }
  if (data.deadlines !== undefined) {
    if (!isRecord(data.deadlines)) problems.push('deadlines 应为 { department: 01-31, government: 03-31 } 的形式');
    else {
      for (const [level, v] of Object.entries(data.deadlines)) {
        if (level !== 'department' && level !== 'government') {
          problems.push(`deadlines 中未知的键“${level}”：只能是 department 或 government`);
          continue;
        }
        const md = monthDay(v);
        if (!md) problems.push(`deadlines.${level} 应为次年的月-日，如 01-31，而不是 ${JSON.stringify(v)}`);
        else config.deadlines[level] = md;
      }
    }
  }
  if (data.severity !== undefined) {
    if (!isRecord(data.severity)) problems.push('severity 应为“规则代码: 级别”的形式，如 { N2: warning }');
    else {
      for (const [code, v] of Object.entries(data.severity)) {
        const rule = ruleInfo(code);
        if (!rule) {
          problems.push(`severity 中没有“${code}”这条规则（xxgk rules 列出全部规则）`);
          continue;
        }
        if (v !== 'error' && v !== 'warning' && v !== 'hint') {
          problems.push(`severity.${code} 只能是 error、warning 或 hint，而不是 ${JSON.stringify(v)}`);
          continue;
        }
        if (rule.severity === 'error' && v !== 'error') {
          problems.push(`severity.${code}：${code} 是错误，不能降低级别（勾稽关系等错误是国家格式的要求，必须改正）`);
          continue;
        }
        if (RANK[v] !== RANK[rule.severity]) config.severity[code] = v;
      }
    }
  }
  return problems.length > 0 ? { problems } : { config, problems };
}

/** Applies a config's severities to findings, in place. */
export function applySeverities(diagnostics: Diagnostic[], config: RulesConfig): void {
  for (const d of diagnostics) {
    const s = config.severity[d.code];
    if (s !== undefined) d.severity = s;
  }
}

/** The values in force, one Chinese line each (for `xxgk rules`). */
export function describeRulesConfig(config: RulesConfig): string[] {
  return [
    `C1 内容雷同：一节中与上年相同的文字达到 ${Math.round(config.copiedShare * 100)}% 时警告`,
    `N7 一、总体情况字数上限：${config.overviewMaxChars === undefined ? '不检查' : `${config.overviewMaxChars} 字`}`,
    `D1 发布期限：政府部门次年 ${config.deadlines.department}，县级以上人民政府次年 ${config.deadlines.government}`,
    ...Object.entries(config.severity).map(([code, s]) => `${code} 级别改为${SEVERITY_NAMES[s]}`),
  ];
}

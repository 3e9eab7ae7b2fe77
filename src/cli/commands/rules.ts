import type { CommandModule } from 'yargs';
import { rulesInForce } from '../../pipeline/rules-file';
import { describeRulesConfig } from '../../validate/rules-config';
import { RULES } from '../../validate/rules';
import { CONFIG_OPTION } from '../render-options';

const SEVERITY = { error: '错误', warning: '警告', hint: '提示' } as const;

/** `xxgk rules [--config FILE]`: every check, with the thresholds and severities in force. */
export function rulesCommand(): CommandModule<object, { json: boolean; config?: string }> {
  return {
    command: 'rules',
    describe: '列出全部检查规则（代码、级别、检查内容）和规则文件中的设置',
    builder: (y) =>
      y.option('json', { type: 'boolean', default: false, describe: '以 JSON 输出' }).option('config', CONFIG_OPTION) as never,
    handler: (args) => {
      const { config, file } = rulesInForce(args.config, process.cwd());
      // The thresholds ride on their rules, so the JSON stays one list of rules.
      const values: Record<string, unknown> = {
        C1: { copiedShare: config.copiedShare },
        N7: { overviewMaxChars: config.overviewMaxChars ?? null },
        D1: { deadlines: config.deadlines },
      };
      const rules = RULES.map((r) => ({ ...r, severity: config.severity[r.code] ?? r.severity, ...(values[r.code] ? { value: values[r.code] } : {}) }));
      if (args.json) {
        process.stdout.write(JSON.stringify(rules, null, 2) + '\n');
        return;
      }
      for (const r of rules) process.stdout.write(`${r.code}\t${SEVERITY[r.severity]}\t${r.description}\n`);
      process.stdout.write(`\n${file ? `规则文件 ${file}` : '未使用规则文件（默认值）'}：\n`);
      for (const line of describeRulesConfig(config)) process.stdout.write(`  ${line}\n`);
    },
  };
}

import type { CommandModule } from 'yargs';
import { RULES } from '../../validate/rules';

const SEVERITY = { error: '错误', warning: '警告', hint: '提示' } as const;

/** `xxgk rules`: the catalogue of every check. */
export function rulesCommand(): CommandModule<object, { json: boolean }> {
  return {
    command: 'rules',
    describe: '列出全部检查规则（代码、级别、检查内容）',
    builder: (y) => y.option('json', { type: 'boolean', default: false, describe: '以 JSON 输出' }) as never,
    handler: (args) => {
      if (args.json) {
        process.stdout.write(JSON.stringify(RULES, null, 2) + '\n');
        return;
      }
      for (const r of RULES) process.stdout.write(`${r.code}\t${SEVERITY[r.severity]}\t${r.description}\n`);
    },
  };
}

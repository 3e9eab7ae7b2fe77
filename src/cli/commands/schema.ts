import type { CommandModule } from 'yargs';
import { reportJsonSchema } from '../../model/report-json-schema';

/** `xxgk schema`: prints the JSON Schema of the data contract. */
export function schemaCommand(): CommandModule {
  return {
    command: 'schema',
    describe: '输出输入数据的 JSON Schema（供编辑器自动补全和校验）',
    handler: () => {
      process.stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
    },
  };
}

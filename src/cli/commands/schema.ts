import type { CommandModule } from 'yargs';
import { catalogueFor, DEFAULT_FORMAT, unknownFormatMessage } from '../../catalogue/index';
import { reportJsonSchema } from '../../model/report-json-schema';
import { UsageError } from '../exit-codes';

interface SchemaArgs {
  format: number;
}

/** `xxgk schema [--format 2021]`: prints the JSON Schema of a format's data contract. */
export function schemaCommand(): CommandModule<object, SchemaArgs> {
  return {
    command: 'schema',
    describe: '输出输入数据的 JSON Schema（供编辑器自动补全和校验）',
    builder: (y) =>
      y.option('format', { type: 'number', default: DEFAULT_FORMAT, describe: '报告格式（按发文年份），如 2021' }) as never,
    handler: (args) => {
      // The one format there is shares the contract's schema; a new format brings its own.
      if (!catalogueFor(args.format)) throw new UsageError(unknownFormatMessage(args.format));
      process.stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
    },
  };
}

import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CommandModule } from 'yargs';
import { writeFileAtomic } from '../../util/atomic-write';
import { EXIT, UsageError } from '../exit-codes';

interface ImportArgs {
  file: string;
  output?: string;
  json: boolean;
  force: boolean;
}

/** `xxgk import FILE`: an existing report (.docx, .pdf, .html, .txt) becomes a data file (docs/IMPORT.md). */
export function importCommand(setExit: (code: number) => void): CommandModule<object, ImportArgs> {
  return {
    command: 'import <file>',
    describe: '把已有的报告（Word .docx、PDF、网页 .html、文本 .txt）导入为数据文件',
    builder: (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: '已有的报告文件（.docx/.pdf/.html/.htm/.txt）' })
        .option('output', { alias: 'o', type: 'string', describe: '写出的数据文件（.yaml、.json 或 .xlsx 工作簿）；默认与报告同名的 .yaml' })
        .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出导入结果（含未能读取的单元格）' })
        .option('force', { type: 'boolean', default: false, describe: '覆盖已有的数据文件' }) as never,
    handler: async (args) => {
      const out = args.output ?? args.file.slice(0, args.file.length - extname(args.file).length) + '.yaml';
      const ext = extname(out).toLowerCase();
      if (!['.yaml', '.yml', '.json', '.xlsx'].includes(ext)) throw new UsageError(`-o 应为 .yaml、.yml、.json 或 .xlsx 文件，而不是 ${basename(out)}`);
      if (out === args.file) throw new UsageError('输出文件不能是报告文件本身');
      if (existsSync(out) && !args.force) throw new UsageError(`${out} 已存在；如要覆盖，请加 --force`);
      const { readInputBytes } = require('../../pipeline/check-report') as typeof import('../../pipeline/check-report');
      const bytes = readInputBytes(args.file);
      // Required here, not at the top: only this command loads the importer and its parsers.
      const imp = require('../../import') as typeof import('../../import');
      let result: import('../../import').ImportResult;
      try {
        result = await imp.importFile(args.file, bytes);
      } catch (e) {
        if (!(e instanceof imp.ImportError)) throw e;
        if (args.json) process.stdout.write(JSON.stringify({ ok: false, file: args.file, error: e.message }, null, 2) + '\n');
        process.stderr.write(`xxgk: ${args.file}: ${e.message}\n`);
        setExit(EXIT.dataError);
        return;
      }
      let written: string | Buffer;
      if (ext === '.xlsx') {
        // A workbook has no comments: an unread cell stays empty, and validate names it.
        const { serializeReport } = require('../../workbook/convert') as typeof import('../../workbook/convert');
        const workbook = await serializeReport(result.data, ext);
        if (typeof workbook === 'string' || !Buffer.isBuffer(workbook)) {
          const problems = typeof workbook === 'string' ? [] : workbook.problems;
          for (const m of problems) process.stderr.write(`xxgk: ${args.file}: ${m}\n`);
          process.stderr.write(`xxgk: ${args.file}: 导入的数据无法放进工作簿；请导出为 .yaml 查看\n`);
          setExit(EXIT.dataError);
          return;
        }
        written = workbook;
      } else written = ext === '.json' ? imp.toJson(result) : imp.toYaml(result, basename(args.file));
      writeFileAtomic(out, written);
      if (args.json) {
        const doc = {
          ok: true,
          file: args.file,
          output: out,
          kind: result.kind,
          tables: result.counts.map((c) => ({ table: c.table, read: c.read, derived: c.derived, unread: c.total - c.read - c.derived, cells: c.total })),
          sections: result.sections,
          unread: result.unread,
          derived: result.derived,
          summary: result.summary,
        };
        process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
      } else {
        process.stdout.write(`已写出 ${out}\n`);
        if (result.unread.length > 0) {
          process.stdout.write(`未能读取 ${result.unread.length} 个单元格（在 ${basename(out)} 中为 null，行尾注明原因），请对照原报告填写：\n`);
          for (const u of result.unread.slice(0, 20)) process.stdout.write(`  ${u.place}：${u.reason}\n`);
          if (result.unread.length > 20) process.stdout.write(`  ……共 ${result.unread.length} 个，--json 可列出全部\n`);
        }
        process.stdout.write(`${result.summary}\n`);
      }
      setExit(EXIT.ok);
    },
  };
}

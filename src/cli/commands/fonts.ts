import type { CommandModule } from 'yargs';
import { GBT9704 } from '../../style/settings';
import { EXIT, UsageError } from '../exit-codes';

interface FontsArgs {
  check?: string;
  font?: string[];
  template?: string;
  'system-fonts': boolean;
  json: boolean;
}

/** `xxgk fonts [--check <input>]`: which file serves each role; characters no font covers. */
export function fontsCommand(setExit: (code: number) => void): CommandModule<object, FontsArgs> {
  return {
    command: 'fonts',
    describe: '显示每种字体角色使用的字体文件；--check 列出报告中没有字体能显示的字',
    builder: (y) =>
      y
        .option('check', { type: 'string', describe: '检查这份报告数据中的每个字是否有字体可以显示' })
        .option('font', { type: 'string', array: true, describe: '为某一角色指定字体文件，如 body=/path/仿宋.ttf' })
        .option('template', { alias: 't', type: 'string', describe: '模板文件夹（与 render 相同）' })
        .option('system-fonts', { type: 'boolean', default: true, describe: '使用本机已安装的公文字体' })
        .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出' }) as never,
    handler: (args) => {
      const { describeFontSet, formatFontSet, resolveFontSet, FontError } = require('../../fonts/index') as typeof import('../../fonts/index');
      const { layoutDocument } = require('../../layout/index') as typeof import('../../layout/index');
      const { checkReportFile } = require('../../pipeline/check-report') as typeof import('../../pipeline/check-report');
      const { buildDocTree } = require('../../template/build-doc-tree') as typeof import('../../template/build-doc-tree');
      const { TemplateError } = require('../../template/errors') as typeof import('../../template/errors');
      let set;
      try {
        set = resolveFontSet({ userFonts: args.font, systemFonts: args['system-fonts'] });
      } catch (e) {
        if (e instanceof FontError) throw new UsageError(e.message);
        throw e;
      }
      if (!args.check) {
        const desc = describeFontSet(set);
        process.stdout.write(args.json ? JSON.stringify(desc, null, 2) + '\n' : formatFontSet(desc));
        return;
      }
      const checked = checkReportFile(args.check);
      if (!checked.report) {
        for (const d of checked.diagnostics) process.stderr.write(`${args.check}: ${d.message}\n`);
        setExit(EXIT.dataError);
        return;
      }
      let tree;
      try {
        tree = buildDocTree(checked.report, { templateDir: args.template }).tree;
      } catch (e) {
        if (e instanceof TemplateError) throw new UsageError(e.message);
        throw e;
      }
      const missing = layoutDocument(tree, GBT9704, set).diagnostics.filter((d) => d.code === 'F-MISSING');
      if (args.json) process.stdout.write(JSON.stringify({ file: args.check, missing }, null, 2) + '\n');
      else if (missing.length === 0) process.stdout.write(`${args.check}: 所有字符都有字体可以显示\n`);
      else for (const d of missing) process.stdout.write(`${args.check}: ${d.message}${d.where ? `（位置：${d.where}）` : ''}\n`);
      setExit(missing.length > 0 ? EXIT.dataError : EXIT.ok);
    },
  };
}

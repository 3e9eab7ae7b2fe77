import yargs from 'yargs/yargs';
import { InputFileError } from '../pipeline/input-file-error';
import { WriteError } from '../util/atomic-write';
import { EXIT, UsageError } from './exit-codes';
import { validateCommand } from './commands/validate';
import { initCommand } from './commands/init';
import { schemaCommand } from './commands/schema';
import { renderCommand } from './commands/render';
import { fontsCommand } from './commands/fonts';
import { rulesCommand } from './commands/rules';
import { batchCommand } from './commands/batch';
import { previewCommand } from './commands/preview';

/** Runs the command line and resolves to the exit code; never throws for a user's mistake. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  let usageMessage: string | undefined;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const parser = yargs(argv)
    .scriptName('xxgk')
    .locale('zh_CN')
    .usage('xxgk：政府信息公开工作年度报告生成工具\n\n用法：xxgk <命令> [选项]')
    .command(validateCommand(setExit))
    .command(renderCommand(setExit))
    .command(batchCommand(setExit))
    .command(previewCommand(setExit))
    .command(initCommand(setExit))
    .command(fontsCommand(setExit))
    .command(schemaCommand())
    .command(rulesCommand())
    .demandCommand(1, '请指定一个命令，例如 xxgk validate 报告.yaml')
    .strict()
    .recommendCommands()
    .help('help')
    .alias('help', 'h')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      usageMessage = msg;
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputFileError || e instanceof WriteError) {
      process.stderr.write(`xxgk: ${e.message}\n`);
      return EXIT.usage;
    }
    if (usageMessage === undefined) {
      // The stack is for maintainers only (XXGK_DEBUG=1): users get one Chinese line, never a trace.
      const stack = process.env.XXGK_DEBUG ? `${(e as Error)?.stack ?? ''}\n` : '';
      process.stderr.write(`xxgk: 内部错误：${(e as Error)?.message ?? String(e)}（请把数据文件和这条信息发给维护者；设置 XXGK_DEBUG=1 可显示详细信息）\n${stack}`);
      return EXIT.dataError;
    }
  }
  if (usageMessage !== undefined) {
    process.stderr.write(`xxgk: ${usageMessage}\n（xxgk --help 查看用法）\n`);
    return EXIT.usage;
  }
  return exitCode;
}

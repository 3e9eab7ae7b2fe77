import yargs from 'yargs/yargs';
import { InputFileError } from '../pipeline/input-file-error';
import { WriteError } from '../util/atomic-write';
import { EXIT, UsageError } from './exit-codes';
import { packageVersion } from './version';

/** yargs' own complaint about the command line (missing argument, unknown flag). */
class ParseFailure extends Error {}
import { validateCommand } from './commands/validate';
import { initCommand } from './commands/init';
import { schemaCommand } from './commands/schema';
import { renderCommand } from './commands/render';
import { fontsCommand } from './commands/fonts';
import { rulesCommand } from './commands/rules';
import { batchCommand } from './commands/batch';
import { previewCommand } from './commands/preview';
import { convertCommand } from './commands/convert';
import { importCommand } from './commands/import';
import { rollupCommand } from './commands/rollup';

// yargs' zh_CN wording ("non-option 参数") is for programmers; these say what to type. The plural
// forms are objects, which yargs accepts although its typings say strings.
const notEnough = '缺少数据文件：命令后面要写报告数据文件的路径（写了 %s 个，至少要 %s 个）';
const tooMany = '多写了参数：写了 %s 个，这个命令最多接受 %s 个';
const PLAIN_CHINESE = {
  'Not enough non-option arguments: got %s, need at least %s': { one: notEnough, other: notEnough },
  'Too many non-option arguments: got %s, maximum of %s': { one: tooMany, other: tooMany },
  'Did you mean %s?': '没有这个命令。是不是要用 xxgk %s？',
} as unknown as Record<string, string>;

/** Runs the command line and resolves to the exit code; never throws for a user's mistake. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const parser = yargs(argv)
    .scriptName('xxgk')
    .locale('zh_CN')
    .updateStrings(PLAIN_CHINESE)
    .usage('xxgk：政府信息公开工作年度报告生成工具\n\n用法：xxgk <命令> [选项]')
    .command(validateCommand(setExit))
    .command(renderCommand(setExit))
    .command(batchCommand(setExit))
    .command(previewCommand(setExit))
    .command(initCommand(setExit))
    .command(convertCommand(setExit))
    .command(importCommand(setExit))
    .command(rollupCommand(setExit))
    .command(fontsCommand(setExit))
    .command(schemaCommand())
    .command(rulesCommand())
    .demandCommand(1, '请指定一个命令，例如 xxgk validate 报告.yaml')
    .strict()
    .recommendCommands()
    .help('help')
    .alias('help', 'h')
    .version('version', '显示版本号', packageVersion())
    .alias('version', 'V')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    // Throwing here stops yargs from going on to run the command's handler with missing arguments.
    .fail((msg, err) => {
      throw err ?? new ParseFailure(msg);
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof ParseFailure) {
      process.stderr.write(`xxgk: ${e.message}\n（xxgk --help 查看用法）\n`);
      return EXIT.usage;
    }
    if (e instanceof UsageError || e instanceof InputFileError || e instanceof WriteError) {
      process.stderr.write(`xxgk: ${e.message}\n`);
      return EXIT.usage;
    }
    // The stack is for maintainers only (XXGK_DEBUG=1): users get one Chinese line, never a trace.
    const stack = process.env.XXGK_DEBUG ? `${(e as Error)?.stack ?? ''}\n` : '';
    process.stderr.write(`xxgk: 内部错误：${(e as Error)?.message ?? String(e)}（请把数据文件和这条信息发给维护者；设置 XXGK_DEBUG=1 可显示详细信息）\n${stack}`);
    return EXIT.dataError;
  }
  return exitCode;
}

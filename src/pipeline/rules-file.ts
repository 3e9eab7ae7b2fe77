/**
 * Finds and reads a rules file: `--config FILE`, else `xxgk.config.yaml` in the given
 * folder (the current folder, or a batch's root folder; never a unit's own folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../errors/usage-error';
import { DEFAULT_RULES, parseRulesConfig, RULES_FILE_NAME, type RulesConfig } from '../validate/rules-config';

/** The rules file in force: the one named, else the folder's, else none. */
export function findRulesFile(named: string | undefined, folder: string): string | undefined {
  if (named !== undefined) {
    if (!existsSync(named)) throw new UsageError(`--config ${named}：规则文件不存在`);
    return named;
  }
  const file = join(folder, RULES_FILE_NAME);
  return existsSync(file) ? file : undefined;
}

/** Reads a rules file; a problem in it is a usage error naming the file (exit 2). */
export function readRulesFile(file: string): RulesConfig {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}：规则文件无法读取（${(e as Error).message.split('\n')[0]}）`);
  }
  const { config, problems } = parseRulesConfig(data);
  if (!config) throw new UsageError(problems.map((p) => `${file}：${p}`).join('\n'));
  return config;
}

/** The rules in force for a command: from `--config`, or the folder's rules file, or the defaults. */
export function rulesInForce(named: string | undefined, folder: string): { config: RulesConfig; file?: string } {
  const file = findRulesFile(named, folder);
  return file === undefined ? { config: DEFAULT_RULES } : { config: readRulesFile(file), file };
}

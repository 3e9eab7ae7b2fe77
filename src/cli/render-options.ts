import type { Argv } from 'yargs';
import { OUTPUT_FORMATS, type OutputFormat, type RenderSettings } from '../pipeline/render-types';
import { existsSync } from 'node:fs';
import { rulesInForce } from '../pipeline/rules-file';
import { RULES_FILE_NAME } from '../validate/rules-config';
import { UsageError } from './exit-codes';

/** The options `render`, `batch` and `preview` share. */
export interface RenderArgs {
  format: string;
  template?: string;
  strict: boolean;
  font?: string[];
  'font-profile': string;
  'latin-font': string;
  'system-fonts': boolean;
  config?: string;
  edition: string;
}

/** The `--edition` option: 公开版 or 报送版. */
export const EDITION_OPTION = {
  type: 'string',
  default: 'public',
  choices: ['public', 'submission'],
  describe: '版本：public 公开版（发布用，默认）；submission 报送版（按 GB/T 9704 加盖印章的落款，须有成文日期）',
} as const;

/** The `--config` option: a rules file (thresholds and severities). */
export const CONFIG_OPTION = {
  type: 'string',
  describe: `规则文件（阈值和级别，见 README“发布前检查”）；不写时用当前文件夹中的 ${RULES_FILE_NAME}（如有）`,
} as const;

/** Adds the shared render options to a command. */
export function withRenderOptions<T>(y: Argv<T>): Argv<T & RenderArgs> {
  return y
    .option('format', { alias: 'f', type: 'string', default: 'docx,pdf', describe: '输出格式：docx、pdf、html（网页），可用逗号同时写几种，如 docx,pdf,html' })
    .option('template', { alias: 't', type: 'string', describe: '模板文件夹（复制 templates/annual-report 后修改）' })
    .option('strict', { type: 'boolean', default: false, describe: '数据有错误时不生成文件' })
    .option('font', { type: 'string', array: true, describe: '为某一角色指定字体文件，如 body=/path/仿宋.ttf（可多次）' })
    .option('font-profile', { type: 'string', default: 'official', choices: ['official', 'bundled'], describe: 'Word 文件中写入的字体名：official 为方正小标宋简体、仿宋_GB2312 等；bundled 为随附的开源字体' })
    .option('latin-font', { type: 'string', default: 'body', choices: ['body', 'Times New Roman'], describe: 'Word 文件中数字和西文的字体' })
    .option('system-fonts', { type: 'boolean', default: true, describe: '使用本机已安装的公文字体（--no-system-fonts 只用随附字体）' })
    .option('config', CONFIG_OPTION)
    .option('edition', EDITION_OPTION) as Argv<T & RenderArgs>;
}

/**
 * Turns the shared options into render settings, refusing unknown formats. A rules file is
 * `--config`, else `xxgk.config.yaml` in `rulesFolder` (the current folder, or a batch's root).
 */
export function renderSettingsOf(args: RenderArgs, rulesFolder = process.cwd()): RenderSettings {
  const formats = args.format.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`未知的输出格式 ${f}：只能是 docx、pdf、html`);
  if (formats.length === 0) throw new UsageError('请至少指定一种输出格式：docx、pdf 或 html');
  const specs = args.font ?? [];
  const { FontError } = specs.length ? (require('../fonts/load') as typeof import('../fonts/load')) : { FontError: Error };
  const { parseFontOption } = specs.length ? (require('../fonts/resolve') as typeof import('../fonts/resolve')) : { parseFontOption: undefined };
  for (const spec of specs) {
    try {
      const opt = parseFontOption!(spec);
      if (!existsSync(opt.file)) throw new UsageError(`--font ${spec}：字体文件不存在`);
    } catch (e) {
      if (e instanceof FontError) throw new UsageError(e.message);
      throw e;
    }
  }
  return {
    formats: [...new Set(formats)] as OutputFormat[],
    templateDir: args.template,
    strict: args.strict,
    fontProfile: args['font-profile'] as 'official' | 'bundled',
    latinFont: args['latin-font'] as 'body' | 'Times New Roman',
    fonts: args.font,
    systemFonts: args['system-fonts'],
    rules: rulesInForce(args.config, rulesFolder).config,
    edition: args.edition === 'submission' ? 'submission' : 'public',
  };
}

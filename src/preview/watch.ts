import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ChangeKind } from './render-loop';
import type { PreviewLogger } from './types';

/** Files editors write beside the real one (vim's swap and probe files, backups, lock files). */
export function isEditorNoise(name: string): boolean {
  const base = basename(name);
  return (
    base === '4913' ||
    base.endsWith('~') ||
    /\.(swp|swx|swo|tmp|bak|crswap)$/i.test(base) ||
    base.startsWith('.#') ||
    base.startsWith('#') ||
    base === '.DS_Store'
  );
}

/** Stops a watch. */
export interface InputWatch {
  close(): void;
}

/**
 * Watches the data file and the template folder. The data file is watched through its folder,
 * so a save that replaces the file by renaming a new one over it (what many editors do) is
 * seen like any other save.
 */
export function watchInputs(
  file: string,
  templateDir: string | undefined,
  onChange: (kind: ChangeKind) => void,
  logger: PreviewLogger,
): InputWatch {
  const watchers: FSWatcher[] = [];
  const abs = resolve(file);
  const name = basename(abs);
  const dataWatcher = watch(dirname(abs), { persistent: true }, (_event, changed) => {
    if (changed === null || changed === name) onChange('data');
  });
  dataWatcher.on('error', (e) => logger.error(`无法继续监视数据文件所在文件夹：${e.message}`));
  watchers.push(dataWatcher);
  if (templateDir) {
    const onTemplate = (_event: string, changed: string | null) => {
      if (changed === null || !isEditorNoise(changed)) onChange('template');
    };
    let tw: FSWatcher;
    try {
      tw = watch(resolve(templateDir), { persistent: true, recursive: true }, onTemplate);
    } catch {
      tw = watch(resolve(templateDir), { persistent: true }, onTemplate); // no recursive watching here
    }
    tw.on('error', (e) => logger.error(`无法继续监视模板文件夹：${e.message}`));
    watchers.push(tw);
  }
  return {
    close() {
      for (const w of watchers) w.close();
    },
  };
}

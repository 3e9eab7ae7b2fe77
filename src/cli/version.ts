import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version in package.json. The file sits two levels above src/cli, dist/cli and
 * dist/bundle alike, so the modules, the bundle and the tests all find it.
 */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
}

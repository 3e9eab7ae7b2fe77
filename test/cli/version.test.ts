import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, xxgk } from '../support/cli';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('xxgk --version', () => {
  it.each([['--version'], ['-V']])('%s prints the version in package.json from the bundle and exits 0', (flag) => {
    const r = xxgk([flag], { env: { XXGK_DEBUG: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.stderr).toContain('cli.bundle.js');
  });

  it('is listed in the help', () => {
    expect(xxgk(['--help']).stdout).toMatch(/-V, --version\s+显示版本号/);
  });
});

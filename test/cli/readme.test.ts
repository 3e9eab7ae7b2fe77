import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/validate/rules';
import { ROOT } from '../support/cli';

describe('README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('lists every rule of the catalogue (node scripts/readme-rules.js rewrites it)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'readme-rules.js'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const rule of RULES) expect(readme).toContain(`| ${rule.code} |`);
  });

  it('gives the two set-up commands the project promises', () => {
    expect(readme).toContain('npm install && npx xxgk render examples/pingluo-kejiju-2021.yaml');
    expect(readme).toContain('npm test');
    // and the command for daily use (test/cli/global-install.test.ts installs it)
    expect(readme).toContain('npm install -g .');
  });
});

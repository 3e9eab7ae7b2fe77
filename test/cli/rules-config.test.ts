import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

describe('rules files on the command line', () => {
  test('validate reads xxgk.config.yaml in the current folder; --config names another; a missing or bad one is a usage error', () => {
    const { dir, cleanup } = tempDir();
    copyFileSync(EXAMPLE, join(dir, '报告.yaml'));
    expect(xxgk(['validate', '报告.yaml'], { cwd: dir }).stdout).not.toContain('N7');
    writeFileSync(join(dir, 'xxgk.config.yaml'), 'overviewMaxChars: 500\n');
    const r = xxgk(['validate', '报告.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/N7 警告：一、总体情况共 \d+ 字，超过规则文件规定的 500 字/);
    writeFileSync(join(dir, 'strict.yaml'), 'severity: { N7: error }\noverviewMaxChars: 400\n');
    const strict = xxgk(['validate', '报告.yaml', '--config', 'strict.yaml'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/N7 错误：.*超过规则文件规定的 400 字/);
    const missing = xxgk(['validate', '报告.yaml', '--config', 'none.yaml'], { cwd: dir });
    expect([missing.status, missing.stderr.trim()]).toEqual([2, 'xxgk: --config none.yaml：规则文件不存在']);
    writeFileSync(join(dir, 'xxgk.config.yaml'), 'severity: { T3-R1: hint }\ncopiedshare: 0.5\n');
    const bad = xxgk(['validate', '报告.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('xxgk.config.yaml：未知的键“copiedshare”');
    expect(bad.stderr).toContain('xxgk.config.yaml：severity.T3-R1：T3-R1 是错误，不能降低级别');
    expect(bad.stdout).toBe('');
    cleanup();
  });

  test('xxgk rules shows the values in force, as text and as JSON', () => {
    const { dir, cleanup } = tempDir();
    writeFileSync(join(dir, 'xxgk.config.yaml'), 'copiedShare: 0.6\nseverity: { X2: error }\n');
    const text = xxgk(['rules'], { cwd: dir }).stdout;
    expect(text).toMatch(/^X2\t错误\t/m);
    expect(text).toContain('C1 内容雷同：一节中与上年相同的文字达到 60% 时警告');
    expect(text).toContain('X2 级别改为错误');
    const json = JSON.parse(xxgk(['rules', '--json'], { cwd: dir }).stdout) as { code: string; severity: string; value?: unknown }[];
    expect(json.find((r) => r.code === 'X2')!.severity).toBe('error');
    expect(json.find((r) => r.code === 'C1')!.value).toEqual({ copiedShare: 0.6 });
    cleanup();
  });

  test('a batch takes its root folder’s rules file, never a unit’s own folder’s', () => {
    const { dir, cleanup } = tempDir();
    const units = join(dir, '各单位');
    mkdirSync(join(units, '科技局'), { recursive: true });
    copyFileSync(EXAMPLE, join(units, '科技局', '报告.yaml'));
    writeFileSync(join(units, '科技局', 'xxgk.config.yaml'), 'severity: { N2: error }\n');
    const out = join(dir, '输出');
    const ignored = xxgk(['batch', units, '-o', out, '-f', 'html', '-j', '1'], { cwd: dir });
    expect(ignored.status).toBe(0);
    writeFileSync(join(units, 'xxgk.config.yaml'), 'severity: { N2: error }\n');
    const rooted = xxgk(['batch', units, '-o', out, '-f', 'html', '-j', '1'], { cwd: dir });
    expect(rooted.status).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const report = summary.results.find((r: { file: string }) => r.file.endsWith('报告.yaml'));
    expect(report.status).toBe('errors');
    expect(report.diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`)).toContain('N2:error');
    // the rules files themselves are listed as skipped, saying what they are
    const skipped = summary.results.filter((r: { status: string }) => r.status === 'skipped');
    expect(skipped.map((r: { file: string }) => r.file.split(/[\\/]/).slice(-2).join('/')).sort()).toEqual(['各单位/xxgk.config.yaml', '科技局/xxgk.config.yaml']);
    expect(skipped[0].diagnostics[0].message).toMatch(/^这是规则文件/);
    cleanup();
  });
});

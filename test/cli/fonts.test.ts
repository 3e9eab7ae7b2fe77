import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

describe('xxgk fonts', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it('shows which bundled file serves each role, and the fallback', () => {
    const r = xxgk(['fonts', '--no-system-fonts']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/正文（body）\n\s+使用：.*FandolFang-Regular\.ttf\n\s+备用：.*NotoSerifSC-Regular\.ttf/);
    const json = JSON.parse(xxgk(['fonts', '--no-system-fonts', '--json']).stdout);
    expect(json.map((r: { role: string }) => r.role)).toEqual(['title', 'body', 'heading1', 'heading2', 'heading3', 'table', 'pageNumber']);
  });

  it('--check passes the example and names a character no font has, with where it is', () => {
    expect(xxgk(['fonts', '--no-system-fonts', '--check', EXAMPLE]).status).toBe(0);
    const file = join(tmp.dir, 'rare.yaml');
    writeFileSync(file, 'agency: 堃喆旻玥镕彧局\nyear: 2023\nproblems: 本年度存在的问题：……\notherMatters: 𰻞面馆一事。\n');
    const r = xxgk(['fonts', '--no-system-fonts', '--check', file]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1); // 堃喆旻玥镕彧 come from the Noto fallback
    expect(lines[0]).toContain('𰻞');
    expect(lines[0]).toContain('U+30EDE');
    expect(lines[0]).toContain('位置：正文“𰻞面馆一事。”');
  });
});

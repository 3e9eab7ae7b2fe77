import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { peakMemoryMb } from '../../src/util/peak-memory';

const MODULE = join(__dirname, '..', '..', 'dist', 'util', 'peak-memory.js');
const linux = existsSync('/proc/self/status');

describe('peak memory', () => {
  test('is this process’s, in MB', () => {
    const mb = peakMemoryMb();
    expect(mb).toBeGreaterThan(10);
    expect(mb).toBeLessThan(64 * 1024);
  });

  (linux ? test : test.skip)('a small child started from a large parent reports its own peak, not the parent’s', () => {
    // 300 MB resident here; the child itself needs about 40 MB.
    const ballast = Buffer.alloc(300 << 20, 1);
    const r = spawnSync(
      process.execPath,
      ['-e', `process.stdout.write(JSON.stringify({ own: require(${JSON.stringify(MODULE)}).peakMemoryMb(), maxRss: process.resourceUsage().maxRSS / 1024 }))`],
      { encoding: 'utf8' },
    );
    expect(ballast[ballast.length - 1]).toBe(1);
    expect(r.status).toBe(0);
    const { own, maxRss } = JSON.parse(r.stdout) as { own: number; maxRss: number };
    expect(own).toBeLessThan(150);
    // What the child's maxRSS says where Node starts children with vfork: the parent's peak.
    if (maxRss > 300) expect(own).toBeLessThan(maxRss / 2);
  });
});

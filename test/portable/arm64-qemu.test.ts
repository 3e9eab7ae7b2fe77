/**
 * The portable linux-arm64 build (信创 PCs on Kunpeng or Phytium) run under Debian's
 * qemu-user with the arm64 C libraries of the cross packages: it prints its version and
 * renders the example to the same bytes as the x64 code. Skipped where any is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';
import { builtArchive, unpack, VERSION } from '../support/portable';

const SYSROOT = '/usr/aarch64-linux-gnu';
const archive = builtArchive('linux-arm64');
const qemu = ['/usr/bin/qemu-aarch64', '/usr/bin/qemu-aarch64-static'].find((q) => existsSync(q));
const ready = archive && qemu && existsSync(join(SYSROOT, 'lib', 'libstdc++.so.6'));
if (!ready) test.skip('arm64 check skipped: needs the linux-arm64 archive, qemu-user and libc6-arm64-cross, libstdc++6-arm64-cross', () => undefined);

(ready ? describe : describe.skip)('portable linux-arm64 build under qemu-user', () => {
  const tmp = tempDir('xxgk-arm64-');
  afterAll(tmp.cleanup);

  it('prints its version and renders the example to the same bytes', () => {
    const folder = unpack(archive!, tmp.dir);
    const run = (args: string[]) => spawnSync(qemu!, ['-L', SYSROOT, join(folder, 'xxgk'), ...args], { cwd: folder, encoding: 'utf8' });
    expect(run(['--version']).stdout.trim()).toBe(VERSION);
    expect(run(['render', 'pingluo-kejiju-2021.yaml', '-o', 'arm', '--no-system-fonts']).status).toBe(0);
    expect(xxgk(['render', EXAMPLE, '-o', join(tmp.dir, 'x64'), '--no-system-fonts']).status).toBe(0);
    for (const ext of ['pdf', 'docx']) {
      expect(readFileSync(join(folder, 'arm', `pingluo-kejiju-2021.${ext}`)).equals(readFileSync(join(tmp.dir, 'x64', `pingluo-kejiju-2021.${ext}`)))).toBe(true);
    }
  });
});

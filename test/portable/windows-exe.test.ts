/**
 * The shipped Windows executable, checked without running it (Wine 8 cannot start Node 24, so
 * the Wine suite runs a Node 22 twin): it is the pinned Node 24 for x64 with its signature
 * removed, a console program, and it carries the very blob the Linux build runs in its tests.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { builtArchive, VERSION } from '../support/portable';
import { readPe } from '../support/pe-file';

const { NODE_VERSION } = require('../../scripts/portable/targets.js') as { NODE_VERSION: string };
// Fixed in Node's source: postject flips the trailing 0 to 1 when it injects a blob.
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const win = builtArchive('win-x64');
const linux = process.platform === 'linux' ? builtArchive('linux-x64') : undefined;
const describeBuilt = win && linux ? describe : describe.skip;
if (!win || !linux) test.skip('win-x64 or linux-x64 archive not built here (npm run dist); skipped', () => undefined);

async function entry(archive: string, name: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(archive));
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is not in ${archive}`);
  return file.async('nodebuffer');
}

describeBuilt('the shipped Windows executable', () => {
  let exe: Buffer;
  let linuxExe: Buffer;

  beforeAll(async () => {
    exe = await entry(win!, `xxgk-${VERSION}-win-x64/xxgk.exe`);
    linuxExe = execFileSync('tar', ['-xzOf', linux!, `xxgk-${VERSION}-linux-x64/xxgk`], { maxBuffer: 512 << 20 });
  });

  it('is an x64 console program with no Authenticode signature left', () => {
    const pe = readPe(exe);
    expect(pe.machine).toBe(0x8664);
    expect(pe.subsystem).toBe(3);
    expect(pe.certificateSize).toBe(0);
  });

  it('is the pinned Node release', () => {
    expect(exe.includes(Buffer.from(`v${NODE_VERSION}`))).toBe(true);
    expect(linuxExe.includes(Buffer.from(`v${NODE_VERSION}`))).toBe(true);
  });

  it('carries the blob the tested Linux build runs, with the fuse that says so', () => {
    const blob = readPe(exe).rcdata('NODE_SEA_BLOB');
    expect(blob).toBeDefined();
    expect(blob!.length).toBeGreaterThan(1 << 20);
    expect(linuxExe.includes(blob!)).toBe(true);
    expect(exe.includes(Buffer.from(`${SEA_FUSE}:1`))).toBe(true);
    expect(exe.includes(Buffer.from(`${SEA_FUSE}:0`))).toBe(false);
  });
});

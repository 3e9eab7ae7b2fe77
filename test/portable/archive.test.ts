/** The portable archives' writers: the same folder gives the same bytes whatever its files' times. */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { tempDir } from '../support/cli';

const { writeTarGz, writeZip } = require('../../scripts/portable/archive.js') as {
  writeTarGz(parent: string, folder: string, out: string, epoch: number): void;
  writeZip(parent: string, folder: string, out: string, epoch: number): void;
};

describe('portable archives', () => {
  const tmp = tempDir('xxgk-archive-');
  afterAll(tmp.cleanup);

  function folderAt(name: string, seconds: number): string {
    const parent = join(tmp.dir, name);
    const dir = join(parent, 'xxgk-9.9.9-test');
    mkdirSync(join(dir, 'app', 'fonts'), { recursive: true });
    writeFileSync(join(dir, '使用说明.txt'), '说明');
    writeFileSync(join(dir, 'app', 'fonts', 'b.ttf'), Buffer.alloc(5000, 7));
    writeFileSync(join(dir, 'app', 'a.json'), '{}');
    for (const f of ['使用说明.txt', 'app/fonts/b.ttf', 'app/a.json']) utimesSync(join(dir, f), seconds, seconds);
    return parent;
  }

  it('zip and tar.gz are byte-identical for two copies made at different times', () => {
    const a = folderAt('a', 1_000_000_000);
    const b = folderAt('b', 1_700_000_000);
    for (const [write, ext] of [[writeZip, 'zip'], [writeTarGz, 'tar.gz']] as const) {
      write(a, 'xxgk-9.9.9-test', join(tmp.dir, `a.${ext}`), 1_600_000_000);
      write(b, 'xxgk-9.9.9-test', join(tmp.dir, `b.${ext}`), 1_600_000_000);
      expect(readFileSync(join(tmp.dir, `a.${ext}`)).equals(readFileSync(join(tmp.dir, `b.${ext}`)))).toBe(true);
    }
  });

  it('the zip holds one folder with UTF-8 names, the given time and the files\' bytes', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(tmp.dir, 'a.zip')));
    const files = Object.values(zip.files).filter((f) => !f.dir);
    expect(files.map((f) => f.name).sort()).toEqual(['xxgk-9.9.9-test/app/a.json', 'xxgk-9.9.9-test/app/fonts/b.ttf', 'xxgk-9.9.9-test/使用说明.txt']);
    expect(await zip.file('xxgk-9.9.9-test/使用说明.txt')!.async('string')).toBe('说明');
    expect((await zip.file('xxgk-9.9.9-test/app/fonts/b.ttf')!.async('nodebuffer')).equals(Buffer.alloc(5000, 7))).toBe(true);
    expect(zip.file('xxgk-9.9.9-test/app/a.json')!.date.toISOString()).toBe(new Date(1_600_000_000 * 1000).toISOString());
  });
});

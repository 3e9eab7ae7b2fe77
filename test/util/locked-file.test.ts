/** A file held open by Word or Excel on Windows: the message says to close it. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputBytes } from '../../src/pipeline/check-report';
import { LOCKED_ADVICE, writeFailureReason, type WriteError } from '../../src/util/atomic-write';
import { tempDir } from '../support/cli';

const err = (code: string) => Object.assign(new Error(code), { code });

describe('a locked file', () => {
  it('EBUSY says the file is in use and to close it, on every platform', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const why = writeFailureReason(err('EBUSY'), 'C:\\报告\\输出\\平罗 县.docx', platform);
      expect(why).toContain('C:\\报告\\输出\\平罗 县.docx');
      expect(why).toContain('正被其他程序占用');
      expect(why).toContain('请先关闭它');
    }
  });

  it('EPERM on Windows (the rename over a file open in Word) says to close it, and still mentions permission', () => {
    const why = writeFailureReason(err('EPERM'), 'C:\\报告\\a.pdf', 'win32');
    expect(why).toContain(LOCKED_ADVICE);
    expect(why).toContain('权限');
    // Elsewhere EPERM is a permission problem, not a lock.
    expect(writeFailureReason(err('EPERM'), '/srv/a.pdf', 'linux')).toBe('没有写入 /srv 的权限');
  });

  it('reaches the WriteError of an atomic write whose rename is refused', () => {
    const tmp = tempDir();
    try {
      const target = join(tmp.dir, 'a.docx');
      // Windows' answer when Word holds the target open, which no Linux file system gives.
      jest.isolateModules(() => {
        jest.doMock('node:fs', () => {
          const real = jest.requireActual<typeof import('node:fs')>('node:fs');
          return { ...real, renameSync: () => { throw err('EBUSY'); } };
        });
        const atomic = require('../../src/util/atomic-write') as typeof import('../../src/util/atomic-write');
        let thrown: unknown;
        try {
          atomic.writeFileAtomic(target, 'x');
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(atomic.WriteError);
        expect((thrown as WriteError).message).toContain(LOCKED_ADVICE);
        expect((thrown as WriteError).code).toBe('EBUSY');
      });
      jest.dontMock('node:fs');
    } finally {
      tmp.cleanup();
    }
  });

  it('an input file that cannot be read because it is open says to close it', () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, '报告.xlsx');
      writeFileSync(file, 'x');
      jest.isolateModules(() => {
        jest.doMock('node:fs', () => {
          const real = jest.requireActual<typeof import('node:fs')>('node:fs');
          return { ...real, readFileSync: () => { throw err('EBUSY'); } };
        });
        const check = require('../../src/pipeline/check-report') as typeof import('../../src/pipeline/check-report');
        expect(() => check.readInputBytes(file)).toThrow(LOCKED_ADVICE);
      });
      jest.dontMock('node:fs');
      expect(Array.from(readInputBytes(file))).toEqual([0x78]);
    } finally {
      tmp.cleanup();
    }
  });
});

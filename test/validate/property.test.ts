import fc from 'fast-check';
import { validateReport } from '../../src/validate/validate';
import { ruleInfo } from '../../src/validate/rules';
import { example } from './helpers';
import { fuzzParams } from '../support/fuzz';

const NO_LINES = { lineOf: () => undefined };

function check(data: unknown, previous?: unknown): void {
  const r = validateReport(data, NO_LINES, previous === undefined ? undefined : { previous: { data: previous } });
  expect(Array.isArray(r.diagnostics)).toBe(true);
  for (const d of r.diagnostics) {
    expect(d.code).not.toBe('INTERNAL');
    expect(ruleInfo(d.code)).toBeDefined();
    expect(typeof d.message).toBe('string');
  }
}

const PATHS = [
  [], ['agency'], ['year'], ['overview'], ['overview', 0], ['overview', 0, 'body'], ['proactive'], ['proactive', 'fees'],
  ['proactive', 'rules'], ['applications'], ['applications', 'newlyReceived'], ['applications', 'newlyReceived', 1],
  ['applications', 'denied'], ['applications', 'denied', 'stateSecret'], ['applications', 'total'], ['reviewLitigation'],
  ['reviewLitigation', 'review'], ['reviewLitigation', 'review', 'total'], ['problems'], ['otherMatters'], ['signature'],
  ['acknowledged'], ['acknowledged', 0], ['constructor'], ['__proto__'], ['applications', 'toString'],
] as const;

describe('validateReport never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => check(v)), fuzzParams(500));
  });

  it('on arbitrary values, including as previous data', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (v, p) => check(v, p)), fuzzParams(300));
  });

  it('on the example with an arbitrary JSON value at a known path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.jsonValue(), fc.jsonValue(), (path, value, prevValue) => {
        const put = (target: Record<string, any>, v: unknown) => {
          if (path.length === 0) return v;
          let node: any = target;
          for (const k of path.slice(0, -1)) {
            if (node[k] === null || typeof node[k] !== 'object') node[k] = {};
            node = node[k];
          }
          Object.defineProperty(node, path[path.length - 1], { value: v, enumerable: true, configurable: true, writable: true });
          return target;
        };
        check(put(example(), value), put(example(), prevValue));
      }),
      fuzzParams(500),
    );
  });

  it('on narrative text of arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (a, b) => {
        const d = example();
        d.overview[1].body = `${a}收到申请{{${b}}}件${b}`;
        d.problems = a + b;
        d.otherMatters = b;
        check(d);
      }),
      fuzzParams(300),
    );
  });
});

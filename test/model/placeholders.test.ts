import { deriveTables } from '../../src/model/derive';
import {
  expandPlaceholders,
  findPlaceholders,
  isPlaceholderName,
  placeholderNames,
  resolvePlaceholder,
} from '../../src/model/placeholders';
import type { Report } from '../../src/model/schema';

const report: Report = {
  agency: '某某县统计局',
  year: 2024,
  proactive: { normativeDocuments: { issued: 3, repealed: 1, inForce: 20 }, licensing: 7, fees: '0.000500' },
  applications: {
    newlyReceived: [8, 2, 0, 0, 0, 1],
    carriedOver: [1, 0, 0, 0, 0, 0],
    granted: [6, 2, 0, 0, 0, 0],
    denied: { stateSecret: [1, 0, 0, 0, 0, 0], thirdPartyRights: [0, 0, 0, 0, 0, 1] },
    otherDisposal: { other: [1, 0, 0, 0, 0, 0] },
    carriedForward: [1, 0, 0, 0, 0, 0],
  },
  reviewLitigation: {
    review: { upheld: 1, corrected: 0, other: 0, pending: 1 },
    litigationDirect: { upheld: 0, corrected: 1, other: 0, pending: 0 },
    litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 2 },
  },
};
const derived = deriveTables(report);
const ctx = { year: 2024, agency: '某某县统计局' };
const value = (name: string) => resolvePlaceholder(name, derived, ctx);

describe('placeholder names', () => {
  it.each([
    ['applications.newlyReceived.total', '11'],
    ['表三.本年新收.总计', '11'],
    ['applications.newlyReceived.commercial', '2'],
    ['表三.本年新收.商业企业', '2'],
    ['表三.上年结转.自然人', '1'],
    ['applications.denied.stateSecret.naturalPerson', '1'],
    ['表三.不予公开.1.自然人', '1'],
    ['表三.不予公开.4.其他', '1'],
    ['applications.denied.total', '2'],
    ['表三.不予公开.总计', '2'],
    ['applications.otherDisposal.other.total', '1'],
    ['表三.其他处理.3.总计', '1'],
    ['applications.total.total', '11'],
    ['表三.总计.总计', '11'],
    ['表三.结转下年度.总计', '1'],
    ['reviewLitigation.review.total', '2'],
    ['表四.行政复议.总计', '2'],
    ['表四.未经复议直接起诉.结果纠正', '1'],
    ['reviewLitigation.litigation.total', '3'],
    ['表四.行政诉讼.尚未审结', '2'],
    ['proactive.normativeDocuments.issued', '3'],
    ['表二.行政规范性文件.现行有效件数', '20'],
    ['表二.规章.本年制发件数', '0'],
    ['proactive.licensing', '7'],
    ['表二.行政事业性收费', '0.000500'],
    ['year', '2024'],
    ['年度', '2024'],
    ['机关名称', '某某县统计局'],
  ])('%s = %s', (name, expected) => {
    expect(value(name)).toBe(expected);
  });

  it('has a description for every name, and every listed name resolves', () => {
    for (const { name, description } of placeholderNames()) {
      expect(description).toMatch(/[\u4e00-\u9fff]/);
      expect(value(name)).toBeDefined();
    }
    const names = placeholderNames().map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('expandPlaceholders', () => {
  it('replaces every known placeholder, allowing spaces inside the braces', () => {
    const r = expandPlaceholders('共收到申请{{applications.newlyReceived.total}}件（{{ 表三.本年新收.自然人 }}件来自自然人），{{year}}年。', derived, ctx);
    expect(r).toEqual({ text: '共收到申请11件（8件来自自然人），2024年。', unknown: [] });
  });

  it('leaves unknown names as written and lists each once', () => {
    const r = expandPlaceholders('{{foo}} {{表三.本年新收}} {{foo}} {{}}', derived);
    expect(r.text).toBe('{{foo}} {{表三.本年新收}} {{foo}} {{}}');
    expect(r.unknown).toEqual(['foo', '表三.本年新收', '']);
  });

  it('is a plain lookup: no template execution, no inherited properties', () => {
    const text = '{{#each applications}}x{{/each}} {{constructor}} {{__proto__}} {{toString}} {{applications.constructor.name}} {{{year}}}';
    const r = expandPlaceholders(text, derived, ctx);
    expect(r.unknown).toEqual(['#each applications', '/each', 'constructor', '__proto__', 'toString', 'applications.constructor.name']);
    expect(r.text).toBe('{{#each applications}}x{{/each}} {{constructor}} {{__proto__}} {{toString}} {{applications.constructor.name}} {2024}');
    expect(isPlaceholderName('constructor')).toBe(false);
  });

  it('needs the context for year and agency', () => {
    expect(expandPlaceholders('{{year}}', derived).unknown).toEqual(['year']);
  });

  it('finds the names used', () => {
    expect(findPlaceholders('a{{x}}b{{ y.z }}c{{x}}')).toEqual(['x', 'y.z', 'x']);
  });
});

/** fast-check generators of report data: valid-shaped reports with hostile text and edge numbers, and broken ones. */
import fc from 'fast-check';
import { stringify } from 'yaml';

const PUNCTUATION = [...'，。；：、？！（）《》〈〉“”‘’【】—…·%．'];
const CJK = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c));
const RARE = fc.constantFrom('𠮷', '𡈽', '𪚥', '😀', '👨‍👩‍👧', '①', '㈠', 'Ⅻ', '\u3000', '\u00a0', 'é', 'ß', 'α', 'Я', '\t', '\u200b', '\ufeff', '\u0007');
const ASCII = fc.constantFrom(...'abcXYZ0123456789 -_/.:;,<>&"\'*#{}[]()'.split(''));

/** Pieces of body text: CJK, punctuation, digits, markup-like and rare characters, paragraph breaks, bold, run-in headings. */
const piece = fc.oneof(
  { weight: 12, arbitrary: CJK },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: ASCII },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', '**', '（一）提高认识。', '1.加强领导。', '一是', '{{applications.newlyReceived.total}}', '{{表三.本年新收.总计}}', '{{未定义}}') },
  { weight: 1, arbitrary: RARE },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);

/** Body text of up to `max` pieces (occasionally one very long unbroken run). */
export const bodyText = (max = 120): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 10, arbitrary: fc.array(piece, { minLength: 1, maxLength: max }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.tuple(CJK, fc.integer({ min: 200, max: 2000 })).map(([c, n]) => c.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }).map((n) => 'https://example.gov.cn/'.padEnd(n, 'x0')) },
  );

/** A short name (agency, heading): 1–70 characters. */
export const nameText: fc.Arbitrary<string> = fc.array(fc.oneof({ weight: 8, arbitrary: CJK }, { weight: 1, arbitrary: fc.constantFrom(...PUNCTUATION) }, { weight: 1, arbitrary: RARE }, { weight: 1, arbitrary: ASCII }), { minLength: 1, maxLength: 70 }).map((p) => `某${p.join('')}`);

/** A table cell: mostly small counts, sometimes the edges of the allowed range. */
export const count: fc.Arbitrary<number> = fc.oneof({ weight: 10, arbitrary: fc.nat({ max: 30 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 999, 99999, 2147483647) });

const row: fc.Arbitrary<number[]> = fc.tuple(fc.array(count, { minLength: 6, maxLength: 6 }), fc.boolean()).map(([cells, withTotal]) => {
  const total = cells.reduce((a, b) => a + b, 0);
  return withTotal && total <= 2147483647 ? [...cells, total] : cells;
});

const outcomes = fc.record({ upheld: count, corrected: count, other: count, pending: count });
const documents = fc.record({ issued: count, repealed: count, inForce: count });

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** A report of the right shape (the numbers need not add up: rule errors still render). */
export const validShapedReport: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    agency: nameText,
    year: fc.oneof(fc.integer({ min: 2000, max: 2100 }), fc.constant(2023)),
    title: optional(nameText),
    contact: optional(bodyText(20)),
    preamble: optional(bodyText()),
    overviewIntro: optional(bodyText()),
    overview: optional(fc.array(fc.record({ heading: nameText, body: optional(bodyText()) }, { requiredKeys: ['heading'] }), { maxLength: 8 })),
    proactive: optional(
      fc.record({
        rules: optional(documents),
        normativeDocuments: optional(documents),
        licensing: optional(count),
        penalty: optional(count),
        coercion: optional(count),
        fees: optional(fc.oneof(count, fc.constantFrom('0', '12.5', '0.01', '123456.789'))),
      }),
    ),
    applicationsIntro: optional(bodyText(40)),
    applications: optional(
      fc.record({
        newlyReceived: optional(row),
        carriedOver: optional(row),
        granted: optional(row),
        partiallyGranted: optional(row),
        denied: optional(fc.record({ stateSecret: optional(row), thirdPartyRights: optional(row), inquiryMatters: optional(row) })),
        unableToProvide: optional(fc.record({ notHeld: optional(row) })),
        notProcessed: optional(fc.record({ repeated: optional(row) })),
        otherDisposal: optional(fc.record({ overdueFee: optional(row), other: optional(row) })),
        carriedForward: optional(row),
      }),
    ),
    reviewLitigation: optional(fc.record({ review: optional(outcomes), litigationDirect: optional(outcomes), litigationAfterReview: optional(outcomes) })),
    problems: optional(bodyText()),
    otherMatters: optional(bodyText()),
    signature: optional(fc.record({ agency: optional(nameText), date: optional(fc.constantFrom('2024-01-20', '2024-2-29', '2100-12-31')) })),
  })
  .map(dropUndefined);

function dropUndefined<T>(v: T): T {
  if (Array.isArray(v)) return v.map(dropUndefined) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = dropUndefined(x);
    return out as T;
  }
  return v;
}

const PATHS: readonly (string | number)[][] = [
  [],
  ['agency'],
  ['year'],
  ['title'],
  ['overview'],
  ['overview', 0],
  ['overview', 0, 'heading'],
  ['overview', 0, 'body'],
  ['proactive'],
  ['proactive', 'fees'],
  ['proactive', 'rules', 'issued'],
  ['applications'],
  ['applications', 'newlyReceived'],
  ['applications', 'newlyReceived', 3],
  ['applications', 'denied', 'stateSecret'],
  ['applications', 'total'],
  ['reviewLitigation', 'review', 'upheld'],
  ['problems'],
  ['signature'],
  ['signature', 'date'],
  ['acknowledged'],
  ['__proto__'],
  ['constructor'],
  ['agency\u200b'],
];

/** An edge value for a broken field. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', '  ', '5', '-1', '１２', -1, 1.5, 2 ** 31, 2 ** 53 + 1, 1e308, -0, [], {}, [null], ['a'], true),
);

/** A valid-shaped report broken in one to three places: a value replaced, a key deleted, the whole replaced. */
export const brokenReport: fc.Arbitrary<unknown> = fc
  .tuple(validShapedReport, fc.array(fc.tuple(fc.constantFrom(...PATHS), oddValue, fc.boolean()), { minLength: 1, maxLength: 3 }))
  .map(([report, edits]) => {
    let root: unknown = report;
    for (const [path, value, remove] of edits) {
      if (path.length === 0) {
        root = value;
        continue;
      }
      if (root === null || typeof root !== 'object') continue;
      let node = root as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) {
        if (node[k] === null || typeof node[k] !== 'object') node[k] = typeof path[path.indexOf(k) + 1] === 'number' ? [] : {};
        node = node[k] as Record<string | number, unknown>;
      }
      const last = path[path.length - 1];
      if (remove) delete node[last];
      else Object.defineProperty(node, last, { value, enumerable: true, configurable: true, writable: true });
    }
    return root;
  });

/** Data written as a file: YAML (block or flow) or JSON (compact or indented). */
export const asFile = (data: unknown): fc.Arbitrary<{ name: string; bytes: Buffer }> =>
  fc.constantFrom('yaml', 'yaml-flow', 'json', 'json-indented').map((how) => {
    const text =
      how === 'yaml'
        ? stringify(data, { lineWidth: 0 })
        : how === 'yaml-flow'
          ? stringify(data, { collectionStyle: 'flow', lineWidth: 0 })
          : JSON.stringify(data, null, how === 'json' ? 0 : 2) ?? '';
    return { name: how.startsWith('json') ? 'report.json' : 'report.yaml', bytes: Buffer.from(text, 'utf8') };
  });

/**
 * Generated county reports for the county-office tests: valid data (the 勾稽 rules hold)
 * with random figures from a fixed-seed generator, so the same seed gives the same reports.
 */
import { OUTCOME_ROWS } from '../../src/catalogue/format-2021';

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const setRow = (apps: Record<string, unknown>, key: string, row: number[]) => {
  const parts = key.split('.');
  let node = apps;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = row;
};

/** A valid report of `agency` for `year` with random figures; some 表二 cells “/”, a decimal fee. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into the generated data freely
export function generatedReport(rand: () => number, agency: string, year: number): Record<string, any> {
  const n = (max: number) => Math.floor(rand() * (max + 1));
  const countOrNa = (max: number) => (rand() < 0.15 ? '/' : n(max));
  const apps: Record<string, unknown> = {};
  const outcomeSum = [0, 0, 0, 0, 0, 0];
  for (const r of OUTCOME_ROWS) {
    const row = [0, 1, 2, 3, 4, 5].map(() => (rand() < 0.3 ? n(9) : 0));
    row.forEach((v, i) => (outcomeSum[i] += v));
    setRow(apps, r.key, row);
  }
  const carriedForward = [0, 1, 2, 3, 4, 5].map(() => n(3));
  const carriedOver = carriedForward.map((cf, i) => Math.min(n(3), cf + outcomeSum[i]));
  apps.carriedForward = carriedForward;
  apps.carriedOver = carriedOver;
  apps.newlyReceived = carriedForward.map((cf, i) => outcomeSum[i] + cf - carriedOver[i]);
  const outcomes = () => ({ upheld: n(3), corrected: n(2), other: n(1), pending: n(2) });
  return {
    agency,
    year,
    level: /人民政府$/.test(agency) ? 'government' : 'department',
    overviewIntro: `${agency}认真贯彻落实政府信息公开条例，扎实推进政务公开。`,
    overview: [{ heading: '主动公开', body: '通过门户网站等渠道主动公开政府信息。' }],
    proactive: {
      rules: { issued: countOrNa(2), repealed: countOrNa(1), inForce: countOrNa(9) },
      normativeDocuments: { issued: n(5), repealed: n(2), inForce: n(30) },
      licensing: countOrNa(400),
      penalty: countOrNa(90),
      coercion: countOrNa(9),
      fees: rand() < 0.15 ? '/' : `${n(99)}.${String(n(99)).padStart(2, '0')}`,
    },
    applications: apps,
    reviewLitigation: { review: outcomes(), litigationDirect: outcomes(), litigationAfterReview: outcomes() },
    problems: '一是公开内容不够全面。二是更新不够及时。下一步将加强培训，完善制度。',
    otherMatters: '本年度未收取信息处理费。',
  };
}

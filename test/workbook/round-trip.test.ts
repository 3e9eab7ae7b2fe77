/** YAML → workbook → data gives the same report; the same report gives the same bytes. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { APPLICATION_ROWS, OUTCOME_TOTAL, REVIEW_LITIGATION_PARTS, DOCUMENT_ROWS } from '../../src/catalogue/format-2021';
import { loadReportText } from '../../src/load/load-report';
import { readReportWorkbook } from '../../src/workbook/read-workbook';
import { writeReportWorkbook } from '../../src/workbook/write-workbook';
import { EXAMPLE } from '../support/cli';
import { validShapedReport } from '../reliability/arbitraries';
import { fuzzParams, fuzzRuns, toYaml } from '../reliability/support';

type Data = Record<string, unknown>;

/**
 * The report as a workbook states it: omitted table rows and cells are written as 0 (a
 * workbook has no “omitted”, and blank means unreadable), and empty optional texts are empty cells.
 */
function asWorkbookStatesIt(input: Data): Data {
  const d: Data = JSON.parse(JSON.stringify(input));
  for (const k of ['title', 'contact', 'preamble', 'overviewIntro', 'applicationsIntro', 'problems', 'otherMatters']) if (d[k] === '') delete d[k];
  if (Array.isArray(d.overview)) {
    d.overview = (d.overview as Data[]).map((o) => (o.body === '' ? { heading: o.heading } : o));
    if ((d.overview as Data[]).length === 0) delete d.overview;
  }
  const sig = d.signature as Data | undefined;
  if (sig) {
    for (const k of Object.keys(sig)) if (sig[k] === '') delete sig[k];
    if (Object.keys(sig).length === 0) delete d.signature;
  }
  const p = (d.proactive ?? {}) as Data;
  for (const r of DOCUMENT_ROWS) p[r.key] = { issued: 0, repealed: 0, inForce: 0, ...((p[r.key] as Data) ?? {}) };
  for (const k of ['licensing', 'penalty', 'coercion']) p[k] ??= 0;
  p.fees ??= '0';
  d.proactive = p;
  const a = (d.applications ?? {}) as Data;
  for (const r of APPLICATION_ROWS) {
    if (r === OUTCOME_TOTAL) continue;
    const [group, key] = r.key.includes('.') ? r.key.split('.') : [undefined, r.key];
    const o = group ? ((a[group] ??= {}) as Data) : a;
    o[key!] ??= [0, 0, 0, 0, 0, 0];
  }
  d.applications = a;
  const rl = (d.reviewLitigation ?? {}) as Data;
  for (const part of REVIEW_LITIGATION_PARTS) rl[part.key] = { upheld: 0, corrected: 0, other: 0, pending: 0, ...((rl[part.key] as Data) ?? {}) };
  d.reviewLitigation = rl;
  return d;
}

async function viaWorkbook(data: Data): Promise<{ data: unknown; bytes: Buffer; errors: string[] }> {
  const bytes = await writeReportWorkbook(data);
  const back = readReportWorkbook(bytes);
  return { data: back.data, bytes, errors: back.diagnostics.map((x) => `${x.code} ${x.cell ?? ''} ${x.message}`) };
}

test('the example: YAML → workbook → the same data, no findings', async () => {
  const data = loadReportText(readFileSync(EXAMPLE, 'utf8')).data as Data;
  const back = await viaWorkbook(data);
  expect(back.errors).toEqual([]);
  expect(back.data).toEqual(asWorkbookStatesIt(data));
});

test('the example: the same report gives the same bytes', async () => {
  const data = loadReportText(readFileSync(EXAMPLE, 'utf8')).data as Data;
  const [a, b] = [await writeReportWorkbook(data), await writeReportWorkbook(structuredClone(data))];
  expect(a.equals(b)).toBe(true);
});

test('stated totals, “/”, acknowledged warnings, level, published, multi-paragraph bold text with placeholders survive', async () => {
  const data: Data = {
    agency: '某某县统计局',
    year: 2023,
    title: '某某县统计局2023年政府信息公开工作年度报告',
    contact: '09526663655',
    preamble: '第一段**加粗**。\n\n第二段{{applications.newlyReceived.total}}件。\n',
    overviewIntro: '引言',
    overview: [{ heading: '主动公开', body: '正文\n\n第二段' }, { heading: '依申请公开' }],
    proactive: { rules: { issued: '/', repealed: '/', inForce: '/' }, normativeDocuments: { issued: 1, repealed: 0, inForce: 3 }, licensing: '/', penalty: 2, coercion: 0, fees: '0.50' },
    applications: { newlyReceived: [1, 0, 0, 0, 0, 0, 1], granted: [1, 0, 0, 0, 0, 0], total: [1, 0, 0, 0, 0, 0, 1], denied: { stateSecret: [0, 0, 0, 0, 0, 0, 9] } },
    reviewLitigation: { review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 } },
    problems: '问题_x0041_与\u0007控制字符\t制表符',
    signature: { agency: '某某县统计局', date: '2024-1-20' },
    format: 2021,
    level: 'government',
    published: '2024-01-25',
    acknowledged: [{ code: 'X2', path: 'proactive.normativeDocuments', reason: '原因\n两行' }, { code: 'N1', reason: '全部' }],
  };
  const back = await viaWorkbook(data);
  expect(back.errors).toEqual([]);
  expect(back.data).toEqual(asWorkbookStatesIt(data));
});

test('generated reports: YAML → workbook → the same data (fixed seed; FUZZ_SEED replays)', async () => {
  await fc.assert(
    fc.asyncProperty(validShapedReport, async (report) => {
      const data = loadReportText(toYaml(report)).data as Data;
      const back = await viaWorkbook(data);
      expect(back.data).toEqual(asWorkbookStatesIt(data));
    }),
    fuzzParams(fuzzRuns(25, 0.1), { verbose: true }),
  );
});

#!/usr/bin/env node
'use strict';
// npm run bench [-- --json] [-- --runs N]
// (a) in-process renders of the example after a warm-up: median ms for docx, pdf, both;
// (b) fresh `xxgk render` processes: median wall time;
// (c) a batch of 200 generated variants with -j 2: reports per second, peak memory;
// plus the example's PDF size.
// npm run bench -- --peer typst: the comparison with Typst (bench/peer-typst.js) instead;
// nothing of Typst is loaded without it.
if (process.argv.includes('--peer')) return void require('./peer-typst.js').main(process.argv.slice(2));
const { execFileSync, spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const example = join(root, 'examples', 'pingluo-kejiju-2021.yaml');
const args = process.argv.slice(2);
const json = args.includes('--json');
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 30;
const batchSize = 200;
const log = (s) => { if (!json) process.stderr.write(s + '\n'); };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function inProcess() {
  const { renderReportBytes } = require(join(root, 'dist', 'pipeline', 'render-report.js'));
  const bytes = readFileSync(example);
  const settings = (formats) => ({ formats, systemFonts: false });
  // Warm up every path first: V8 needs a few dozen renders to optimise the hot code.
  for (let i = 0; i < 40; i++) await renderReportBytes(example, bytes, settings(['docx', 'pdf']));
  const time = async (formats) => {
    for (let i = 0; i < 5; i++) await renderReportBytes(example, bytes, settings(formats));
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      const r = await renderReportBytes(example, bytes, settings(formats));
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 'ok') throw new Error(`render failed: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
    }
    return median(ms);
  };
  const docxMs = await time(['docx']);
  log(`in-process docx: ${round(docxMs, 2)} ms (median of ${runs})`);
  const pdfMs = await time(['pdf']);
  log(`in-process pdf:  ${round(pdfMs, 2)} ms`);
  const bothMs = await time(['docx', 'pdf']);
  log(`in-process both: ${round(bothMs, 2)} ms`);
  const pdf = (await renderReportBytes(example, bytes, settings(['pdf']))).pdf;
  return { single: { docxMs: round(docxMs, 2), pdfMs: round(pdfMs, 2), bothMs: round(bothMs, 2) }, pdfBytes: pdf.length };
}

function coldCli(dir) {
  const bin = join(root, 'bin', 'xxgk.js');
  const ms = [];
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, 'render', example, '-o', dir, '--no-system-fonts'], { encoding: 'utf8' });
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`xxgk render failed: ${r.stderr}`);
  }
  const m = median(ms);
  log(`fresh process render (docx+pdf): ${round(m)} ms (median of 7)`);
  return round(m);
}

function batch(dir) {
  const inputs = join(dir, 'inputs');
  mkdirSync(inputs, { recursive: true });
  const text = readFileSync(example, 'utf8');
  for (let i = 0; i < batchSize; i++) {
    const variant = text
      .replace(/^agency: .*$/m, `agency: 测试县第${i + 1}局`)
      .replace('newlyReceived:    [0, 0, 0, 0, 0, 0]', `newlyReceived:    [${i % 7}, 0, 0, 0, 0, 0]`)
      .replace('granted:          [0, 0, 0, 0, 0, 0]', `granted:          [${i % 7}, 0, 0, 0, 0, 0]`)
      // The stated total row would no longer agree (T3-R2), and batch exits 1 on data errors.
      .replace(/\n\s+total:\s+\[[^\]]*\][^\n]*/, '');
    writeFileSync(join(inputs, `report-${String(i).padStart(3, '0')}.yaml`), variant);
  }
  const out = join(dir, 'batch-out');
  const bin = join(root, 'bin', 'xxgk.js');
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'batch', inputs, '-o', out, '-j', '2', '--no-system-fonts', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`xxgk batch failed (${r.status}): ${r.stderr.slice(-2000)}`);
  // The batch reports its own peak RSS; workers are threads of the same process.
  const summary = JSON.parse(r.stdout);
  const result = { reports: batchSize, jobs: 2, seconds: round(seconds, 2), reportsPerSecond: round(batchSize / seconds), peakRssMb: round(summary.peakRssMb) };
  log(`batch: ${batchSize} reports, -j 2: ${result.seconds} s, ${result.reportsPerSecond} reports/s, peak ${result.peakRssMb} MB`);
  return result;
}

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  try {
    const single = await inProcess();
    const coldCliMs = coldCli(dir);
    const b = batch(dir);
    const result = { single: single.single, coldCliMs, batch: b, pdfBytes: single.pdfBytes };
    if (json) process.stdout.write(JSON.stringify(result) + '\n');
    else log(`example PDF: ${single.pdfBytes} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  process.stderr.write(`bench failed: ${e.stack || e}\n`);
  process.exit(1);
});

#!/usr/bin/env node
'use strict';
// npm run bench [-- --json] [-- --runs N] [-- --quick] [-- --batch-runs N]
// (a) in-process renders after a warm-up, through the worker bundle the batch runs: median ms
//     for docx, pdf and both of the example, and for both of the batch's variants in turn
//     (there also the mean: the rate the batch is held to);
// (b) fresh `xxgk render` processes (docx+pdf, and -f pdf) beside `node -e 0`: median wall time;
// (c) batches of 2,000 and 200 generated variants (bench/variants.js) with -j 2, both formats:
//     reports per second and peak memory of the whole process (its worker threads included);
// plus the example's PDF size, and the targets of issue #22 computed from these figures.
// --quick: fewer runs and a 400-report batch instead of 2,000 (about 15 s on a quiet machine).
// npm run bench -- --peer typst: the comparison with Typst (bench/peer-typst.js) instead;
// nothing of Typst is loaded without it.
if (process.argv.includes('--peer')) return void require('./peer-typst.js').main(process.argv.slice(2));
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { example, writeVariants } = require('./variants');

const root = resolve(__dirname, '..');
const bin = join(root, 'bin', 'xxgk.js');
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const numberArg = (name, fallback) => (args.indexOf(name) >= 0 ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = numberArg('--runs', quick ? 10 : 30);
const batchRuns = numberArg('--batch-runs', quick ? 1 : 3);
const coldRuns = quick ? 5 : 9;
const bigBatch = quick ? 400 : 2000;
const smallBatch = 200;
const jobs = 2;
const log = (s) => { if (!json) process.stderr.write(s + '\n'); };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const msSince = (t) => Number(process.hrtime.bigint() - t) / 1e6;

/** The render the batch's workers run (the worker bundle with its code cache), else the modules. */
function loadRenderTask() {
  const { bundleIsStale, loadBundle } = require(join(root, 'dist', 'bundle', 'load-bundle.js'));
  const modules = join(root, 'dist', 'batch', 'render-worker.js');
  const worker = (!bundleIsStale('render-worker', modules) && loadBundle('render-worker')) || require(modules);
  return worker.renderTask;
}

async function inProcess(variants) {
  const renderTask = loadRenderTask();
  const render = async (file, formats) => {
    const r = await renderTask({ file, settings: { formats, systemFonts: false } });
    if (r.status !== 'ok') throw new Error(`render failed: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
    return r;
  };
  // Warm up every path first: V8 needs a few dozen renders to optimise the hot code.
  for (let i = 0; i < 40; i++) await render(i % 2 ? example : variants[i], ['docx', 'pdf']);
  let cpuMs = 0;
  let meanMs = 0;
  const time = async (formats, files, n = runs) => {
    for (let i = 0; i < 5; i++) await render(files[i % files.length], formats);
    const ms = [];
    const cpu = process.cpuUsage();
    const all = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const t = process.hrtime.bigint();
      await render(files[(5 + i) % files.length], formats);
      ms.push(msSince(t));
    }
    meanMs = msSince(all) / n;
    const used = process.cpuUsage(cpu);
    cpuMs = (used.user + used.system) / 1000 / n;
    return median(ms);
  };
  const docxMs = await time(['docx'], [example]);
  log(`in-process docx: ${round(docxMs, 2)} ms (median of ${runs})`);
  const pdfMs = await time(['pdf'], [example]);
  log(`in-process pdf:  ${round(pdfMs, 2)} ms`);
  const bothMs = await time(['docx', 'pdf'], [example]);
  log(`in-process both: ${round(bothMs, 2)} ms`);
  // Variants the warm-up did not render, each once, as in a batch (nothing of them is cached
  // yet). The rate compared with the batch is reports over the whole run's time, as a batch's
  // is: the median of single renders leaves out the collections of the old generation that
  // every few dozen renders pay (measured: median 12.7 ms, mean 16 ms).
  const bothVariantsMs = await time(['docx', 'pdf'], variants.slice(40), Math.max(runs, 100));
  const bothVariantsMeanMs = meanMs;
  const bothVariantsCpuMs = cpuMs;
  log(`in-process both, the batch's variants in turn: median ${round(bothVariantsMs, 2)} ms, mean ${round(bothVariantsMeanMs, 2)} ms (${round(1000 / bothVariantsMeanMs)} reports/s on one thread; processor ${round(bothVariantsCpuMs, 2)} ms a report, all threads)`);
  const pdf = (await render(example, ['pdf'])).pdf;
  return { single: { docxMs: round(docxMs, 2), pdfMs: round(pdfMs, 2), bothMs: round(bothMs, 2), bothVariantsMs: round(bothVariantsMs, 2), bothVariantsMeanMs: round(bothVariantsMeanMs, 2), bothVariantsCpuMs: round(bothVariantsCpuMs, 2) }, pdfBytes: pdf.length };
}

/** Median wall time of fresh processes running `argv`. */
function fresh(argv, what) {
  const ms = [];
  for (let i = 0; i < coldRuns; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    ms.push(msSince(t));
    if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
  }
  const m = round(median(ms));
  log(`${what}: ${m} ms (median of ${coldRuns})`);
  return m;
}

function coldCli(dir) {
  return {
    nodeMs: fresh(['-e', '0'], 'fresh process, node -e 0'),
    coldCliMs: fresh([bin, 'render', example, '-o', dir, '--no-system-fonts'], 'fresh process render (docx+pdf)'),
    coldCliPdfMs: fresh([bin, 'render', example, '-o', dir, '--no-system-fonts', '-f', 'pdf'], 'fresh process render -f pdf'),
  };
}

/** Runs a batch of `inputs` (n reports) `batchRuns` times: median seconds and peak memory. */
function batch(dir, inputs, n) {
  const seconds = [], peaks = [], cpu = [];
  for (let run = 0; run < batchRuns; run++) {
    const out = join(dir, `batch-out-${n}`);
    rmSync(out, { recursive: true, force: true });
    const rssFile = join(dir, 'peak-rss');
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', join(__dirname, 'peak-rss.js'), bin, 'batch', inputs, '-o', out, '-j', String(jobs), '--no-system-fonts', '--json'], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      env: { ...process.env, XXGK_BENCH_RSS: rssFile },
    });
    seconds.push(msSince(t) / 1000);
    if (r.status !== 0) throw new Error(`xxgk batch failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const summary = JSON.parse(r.stdout);
    if (summary.ok !== n) throw new Error(`xxgk batch: ${summary.ok} of ${n} reports 完成`);
    const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
    peaks.push(usage.peakRssMb);
    cpu.push(usage.cpuMs / n);
    rmSync(out, { recursive: true, force: true });
  }
  const s = median(seconds);
  const result = { reports: n, jobs, runs: batchRuns, seconds: round(s, 2), reportsPerSecond: round(n / s), peakRssMb: round(median(peaks)), cpuMsPerReport: round(median(cpu), 2) };
  log(`batch: ${n} reports, -j ${jobs}, docx+pdf: ${result.seconds} s, ${result.reportsPerSecond} reports/s, peak ${result.peakRssMb} MB, processor ${result.cpuMsPerReport} ms a report, all threads (medians of ${batchRuns})`);
  return result;
}

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  try {
    const bigInputs = join(dir, 'inputs-big');
    const variants = writeVariants(bigInputs, bigBatch);
    const smallInputs = join(dir, 'inputs-small');
    writeVariants(smallInputs, smallBatch);
    const single = await inProcess(variants);
    const cold = coldCli(join(dir, 'fresh-out'));
    const big = batch(dir, bigInputs, bigBatch);
    const small = batch(dir, smallInputs, smallBatch);
    // Targets: the batch at 85 % of two threads at the in-process rate; the big batch's peak
    // memory within 1.1 times the small one's; the PDF < 250,000 bytes. (The fresh render's is
    // relative to Typst: bench/peer-typst.js.)
    const twoThreads = (2 * 1000) / single.single.bothVariantsMeanMs;
    const targets = {
      batchVsTwoThreads: round(big.reportsPerSecond / twoThreads, 2),
      // The same comparison in processor time, which a loaded machine disturbs less: what one
      // report costs all the batch's threads, against one in-process render.
      cpuInProcessVsBatch: round(single.single.bothVariantsCpuMs / big.cpuMsPerReport, 2),
      coldCliPdfMs: cold.coldCliPdfMs,
      peakRssRatio: round(big.peakRssMb / small.peakRssMb, 2),
      pdfBytes: single.pdfBytes,
    };
    const result = { single: single.single, ...cold, batch: big, batchSmall: small, pdfBytes: single.pdfBytes, targets };
    if (json) process.stdout.write(JSON.stringify(result) + '\n');
    else {
      log(`example PDF: ${single.pdfBytes} bytes`);
      const mark = (ok) => (ok ? '达到 met' : '未达到 not met');
      log(`target: batch ≥ 0.85 × two threads in-process (${round(twoThreads)} reports/s): ${targets.batchVsTwoThreads} — ${mark(targets.batchVsTwoThreads >= 0.85)}`);
      log(`  (processor time: in-process ${single.single.bothVariantsCpuMs} ms a report, batch ${big.cpuMsPerReport} ms: ${targets.cpuInProcessVsBatch})`);
      log(`fresh render -f pdf: ${targets.coldCliPdfMs} ms (its target, ≤ 0.8 × Typst's fresh compile, needs Typst: npm run bench -- --peer typst)`);
      log(`target: peak memory ${bigBatch} ≤ 1.1 × ${smallBatch}: ${targets.peakRssRatio} — ${mark(targets.peakRssRatio <= 1.1)}`);
      log(`target: example PDF < 250,000 bytes: ${targets.pdfBytes} — ${mark(targets.pdfBytes < 250000)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  process.stderr.write(`bench failed: ${e.stack || e}\n`);
  process.exit(1);
});

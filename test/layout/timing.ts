/**
 * Timing of the layout engine on the sample report (not a test; prints numbers).
 *   npx tsc -p test/layout/tsconfig.timing.json && node .tmp/layout-timing/test/layout/timing.js
 * Uses the bundled fonts when src/fonts can load them, else the fake faces.
 */
import { layoutDocument } from '../../src/layout';
import { clearBreakCache } from '../../src/layout/breaks';
import { GBT9704 } from '../../src/style/settings';
import type { FontSet } from '../../src/fonts/font-face';
import { fakeFonts } from './support/fake-fonts';
import { sampleReport } from './support/sample-report';
import { realFonts } from './support/real-fonts';

function time(label: string, fonts: FontSet, runs: number, uncached = false): void {
  const tree = sampleReport();
  const t0 = process.hrtime.bigint();
  const first = layoutDocument(tree, GBT9704, fonts);
  const cold = Number(process.hrtime.bigint() - t0) / 1e6;
  for (let i = 0; i < 50; i++) layoutDocument(sampleReport(), GBT9704, fonts); // warm-up
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const tr = sampleReport();
    if (uncached) clearBreakCache();
    const t = process.hrtime.bigint();
    layoutDocument(tr, GBT9704, fonts);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs; // includes building the tree
  ms.sort((a, b) => a - b);
  const chars = [...JSON.stringify(tree.blocks).matchAll(/"text":"([^"]*)"/g)].reduce((n, m) => n + [...m[1]].length, 0);
  console.log(
    `${label}: ${first.pages.length} pages, first run ${cold.toFixed(2)} ms, ` +
      `median ${ms[runs >> 1].toFixed(3)} ms, p90 ${ms[Math.floor(runs * 0.9)].toFixed(3)} ms, ` +
      `max ${ms[runs - 1].toFixed(3)} ms, CPU ${cpuMs.toFixed(3)} ms/run over ${runs} runs (${chars} characters of text)`,
  );
}

time('fake fonts', fakeFonts(), 1000);
const real = realFonts();
if (real) {
  time('bundled fonts', real, 1000);
  time('bundled fonts, break cache cleared before each run', real, 1000, true);
}
else console.log('bundled fonts: not available');

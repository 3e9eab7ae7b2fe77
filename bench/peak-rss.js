'use strict';
// Preloaded into a benchmark's batch (node -r): at exit, writes the process's peak resident
// memory (MB) and the processor time of all its threads (ms) as JSON to the file
// XXGK_BENCH_RSS names. Worker threads are threads of the process, so this is the whole
// batch, to its last byte of output.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { isMainThread } = require('node:worker_threads');
// Not maxRSS alone: a child of this bench would report the bench's own peak (see src/util/peak-memory.ts).
const { peakMemoryMb } = require(join(__dirname, '..', 'dist', 'util', 'peak-memory.js'));

const file = process.env.XXGK_BENCH_RSS;
if (file && isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ peakRssMb: peakMemoryMb(), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}

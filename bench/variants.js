'use strict';
// The reports a benchmark batch renders: the example with its agency numbered and one
// figure of 表三 varied (0–6), so every report is different work (its own title glyphs and
// table figures) and all are alike in size: the same pages, text and tables as the example.
// The in-process timing renders the same variants, so the two rates compare like with like.
const { readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const example = join(__dirname, '..', 'examples', 'pingluo-kejiju-2021.yaml');

/** The text of variant `i` (0-based). */
function variantText(i, text = readFileSync(example, 'utf8')) {
  return (
    text
      .replace(/^agency: .*$/m, `agency: 测试县第${i + 1}局`)
      .replace('newlyReceived:    [0, 0, 0, 0, 0, 0]', `newlyReceived:    [${i % 7}, 0, 0, 0, 0, 0]`)
      .replace('granted:          [0, 0, 0, 0, 0, 0]', `granted:          [${i % 7}, 0, 0, 0, 0, 0]`)
      // The stated total row would no longer agree (T3-R2), and batch exits 1 on data errors.
      .replace(/\n\s+total:\s+\[[^\]]*\][^\n]*/, '')
  );
}

/** Writes variants 0…n-1 into `dir` as report-0000.yaml…; returns their paths. */
function writeVariants(dir, n) {
  mkdirSync(dir, { recursive: true });
  const text = readFileSync(example, 'utf8');
  const files = [];
  for (let i = 0; i < n; i++) {
    const file = join(dir, `report-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(file, variantText(i, text));
    files.push(file);
  }
  return files;
}

module.exports = { example, variantText, writeVariants };

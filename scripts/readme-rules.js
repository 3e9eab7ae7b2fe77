#!/usr/bin/env node
'use strict';
// Writes the rule catalogue (src/validate/rules.ts) into README.md between the
// <!-- rules:start --> and <!-- rules:end --> markers: `node scripts/readme-rules.js`.
// A test checks that README.md and the catalogue agree.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { RULES } = require('../dist/validate/rules.js');

const SEVERITY = { error: '错误', warning: '警告', hint: '提示' };
const table = ['| 代码 | 级别 | 类别 | 检查内容 |', '|---|---|---|---|', ...RULES.map((r) => `| ${r.code} | ${SEVERITY[r.severity]} | ${r.category} | ${r.description.replace(/\|/g, '\\|')} |`)].join('\n');
const file = join(__dirname, '..', 'README.md');
const readme = readFileSync(file, 'utf8');
const next = readme.replace(/(<!-- rules:start -->\n)[\s\S]*?(\n<!-- rules:end -->)/, `$1${table}$2`);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    process.stderr.write('README.md 的规则表与 src/validate/rules.ts 不一致：请运行 node scripts/readme-rules.js\n');
    process.exit(1);
  }
} else writeFileSync(file, next);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportBytes } from '../../src/pipeline/check-report';
import { buildDocTree } from '../../src/template/build-doc-tree';
import { inlineText } from '../../src/doc/table-grid';
import type { TableNode } from '../../src/doc/tree';
import { EXAMPLE, ROOT } from '../support/cli';

// The Typst counterpart of the example that `npm run bench -- --peer typst` compiles.
const { makeTyp } = require('../../bench/typst/make-typ.js') as {
  makeTyp: (file?: string, options?: { bytes?: Uint8Array; agency?: string }) => string;
};

interface TypstCompiler {
  compile(a: { mainFileContent: string }): { result: { title: string | null; numOfPages: number } | null; hasError(): boolean };
}
const { createCompiler } = require('../../bench/typst/typst-compiler.js') as { createCompiler: () => TypstCompiler };
/** Whether the Typst compiler loads: the devDependency has native builds for the common platforms only. */
const typstLoads = (() => {
  try {
    require('@myriaddreamin/typst-ts-node-compiler');
    return true;
  } catch {
    // eslint-disable-next-line no-console
    console.warn('skipping the Typst compile of the generated document: the Typst compiler package has no native build here');
    return false;
  }
})();

/** The example with every figure of the three tables a different number (the example's are all 0). */
function distinctFigures(): { bytes: Buffer; figures: number[] } {
  let next = 101;
  const figures: number[] = [];
  const take = () => {
    figures.push(next);
    return next++;
  };
  const text = readFileSync(EXAMPLE, 'utf8')
    // The stated 总计 row would no longer agree; the derived one is printed either way.
    .replace(/\n\s+total:\s+\[[^\]]*\][^\n]*/, '')
    .replace(/\[0, 0, 0, 0, 0, 0\]/g, () => `[${[take(), take(), take(), take(), take(), take()].join(', ')}]`)
    .replace(/\b(issued|repealed|inForce|upheld|corrected|other|pending): 0\b/g, (_, k) => `${k}: ${take()}`)
    .replace(/^(\s+(?:licensing|penalty|coercion|fees):) 0\b/gm, (_, k) => `${k} ${take()}`);
  return { bytes: Buffer.from(text), figures };
}

/** Cell texts of the .typ's tables, in order. */
function typCells(typ: string): string[] {
  return [...typ.matchAll(/table\.cell\([^)]*\)\[((?:#"(?:[^"\\]|\\.)*"|#linebreak\(\))*)\]/g)].map((m) =>
    [...m[1].matchAll(/#"((?:[^"\\]|\\.)*)"|#linebreak\(\)/g)].map((p) => (p[1] === undefined ? '\n' : JSON.parse(`"${p[1]}"`))).join(''),
  );
}

describe('bench/typst/make-typ.js', () => {
  it('sets the agency, the six sections and every figure of the three tables, cell by cell as xxgk places them', () => {
    const { bytes, figures } = distinctFigures();
    const typ = makeTyp(EXAMPLE, { bytes, agency: '某某县测试局' });
    expect(typ).toContain('#"某某县测试局2021年"');
    expect(typ).toContain('author: "某某县测试局"');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(typ).toContain(`#heading(level: 1)[#"${h}"]`);
    }
    expect(figures).toHaveLength(10 + 24 * 6 + 12);
    const cells = typCells(typ);
    for (const n of figures) expect(cells).toContain(String(n));
    // The same cells, in the same order, as xxgk's document tree: derived totals included.
    const checked = checkReportBytes(EXAMPLE, bytes, {});
    const report = { ...checked.report!, agency: '某某县测试局' };
    const tables = buildDocTree(report, {}).tree.blocks.filter((b): b is TableNode => b.kind === 'table');
    expect(tables).toHaveLength(3);
    expect(cells).toEqual(tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => inlineText(c.children)))));
    // Merged cells: 表三's big header and 三、本年度办理结果, 表四's header rows repeated on a new page.
    expect(typ).toContain('table.cell(rowspan: 3, colspan: 3)[#"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]');
    expect(typ).toContain('table.cell(rowspan: 22)[#"三、本年度办理结果"]');
    expect(typ).toContain('table.cell(colspan: 10)[#"行政诉讼"]');
    expect(typ.match(/table\.header\(repeat: true,/g)).toHaveLength(2);
  });

  (typstLoads ? it : it.skip)('writes text as string literals that Typst compiles back to the same text (quotes, backslashes, markup)', () => {
    const agency = '某"县"\\局#[*_]$';
    const typ = makeTyp(EXAMPLE, { agency });
    expect(typ).not.toContain('某"县');
    const r = createCompiler().compile({ mainFileContent: typ });
    expect(r.hasError()).toBe(false);
    expect(r.result!.title).toBe(`${agency}2021年政府信息公开工作年度报告`);
    expect(r.result!.numOfPages).toBeGreaterThanOrEqual(6);
  });

  it('is the committed bench/typst/report.typ (node bench/typst/make-typ.js rewrites it)', () => {
    expect(readFileSync(join(ROOT, 'bench', 'typst', 'report.typ'), 'utf8')).toBe(makeTyp(EXAMPLE));
  });
});

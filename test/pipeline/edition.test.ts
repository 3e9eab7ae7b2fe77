import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { renderReportBytes } from '../../src/pipeline/render-report';
import { buildDocTree } from '../../src/template';
import { sealedSignatureIndents } from '../../src/writers/docx/signature';
import { loadExample } from '../template/helpers';
import { EXAMPLE, tempDir, xxgk } from '../support/cli';

const signed = Buffer.from(readFileSync(EXAMPLE, 'utf8').replace(/^# 原文无落款，故不设 signature。$/m, 'signature: { date: 2022-1-20 }'));

describe('editions', () => {
  test('the submission edition always has its 落款, sealed; the public edition is as the data says', () => {
    const report = loadExample();
    expect(report.signature).toBeUndefined();
    expect(buildDocTree(report).tree.blocks.some((b) => b.kind === 'signature')).toBe(false);
    const sub = buildDocTree(report, { edition: 'submission' }).tree.blocks.filter((b) => b.kind === 'signature');
    expect(sub).toEqual([{ kind: 'signature', lines: ['平罗县科学技术局'], sealed: true }]);
    const withDate = buildDocTree({ ...report, signature: { date: '2022-1-20' } }, { edition: 'submission' }).tree.blocks.find((b) => b.kind === 'signature');
    expect(withDate).toEqual({ kind: 'signature', lines: ['平罗县科学技术局', '2022年1月20日'], sealed: true });
  });

  test('a submission without a date is an error (S1); with one, Word sets the date four characters from the right and the agency centred over it', async () => {
    const missing = await renderReportBytes('r.yaml', readFileSync(EXAMPLE), { formats: ['docx'], systemFonts: false, edition: 'submission' });
    expect(missing.diagnostics.filter((d) => d.code === 'S1').map((d) => d.path)).toEqual(['signature.date']);
    const ok = await renderReportBytes('r.yaml', signed, { formats: ['docx'], systemFonts: false, edition: 'submission' });
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [agencyIndent, dateIndent] = sealedSignatureIndents(['平罗县科学技术局', '2022年1月20日']);
    expect(dateIndent).toBe(4);
    expect(agencyIndent).toBeCloseTo(4 + (6.5 - 8) / 2, 9);
    const xml = await (await JSZip.loadAsync(ok.docx!)).file('word/document.xml')!.async('string');
    const para = (text: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes(`>${text}<`))!;
    const right = (p: string) => Number(/w:right="(\d+)"/.exec(p)![1]);
    expect(right(para('平罗县科学技术局')) / right(para('2022年1月20日'))).toBeCloseTo(agencyIndent / 4, 2);
    expect(para('平罗县科学技术局')).toMatch(/w:before="1158"/); // two lines of 579 twips
    const pub = await renderReportBytes('r.yaml', signed, { formats: ['docx'], systemFonts: false });
    const pubXml = await (await JSZip.loadAsync(pub.docx!)).file('word/document.xml')!.async('string');
    expect(pubXml).not.toMatch(/w:before="1158"/);
  });
});

describe('--edition on the command line', () => {
  test('render and batch take it; a submission without a date exits 1 naming S1; an unknown edition is a usage error', () => {
    const { dir, cleanup } = tempDir();
    const r = xxgk(['render', EXAMPLE, '-o', dir, '-f', 'pdf', '--edition', 'submission', '--no-system-fonts']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/S1 错误：报送版（--edition submission）须有成文日期/);
    const b = xxgk(['batch', EXAMPLE, '-o', dir, '-f', 'pdf', '-j', '1', '--edition', 'submission', '--no-system-fonts', '--json']);
    expect(b.status).toBe(1);
    expect(JSON.parse(readFileSync(`${dir}/summary.json`, 'utf8')).results[0].diagnostics.map((d: { code: string }) => d.code)).toContain('S1');
    expect(xxgk(['render', EXAMPLE, '-o', dir, '--edition', 'paper']).status).toBe(2);
    cleanup();
  });
});

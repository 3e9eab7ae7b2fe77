import JSZip from 'jszip';
import { GBT9704 } from '../../../src/style/settings';
import { writeDocx } from '../../../src/writers/docx';
import { sampleTree } from './fixtures';
import { render } from './helpers';

describe('reproducible output', () => {
  it('gives identical bytes for identical input whatever was rendered before (A, B, A)', async () => {
    const a1 = await writeDocx(sampleTree(), GBT9704);
    const b = await writeDocx(sampleTree('银川市教育局', 2023), GBT9704, { fontProfile: 'bundled' });
    const a2 = await writeDocx(sampleTree(), GBT9704);
    expect(Buffer.from(a2).equals(Buffer.from(a1))).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(a1))).toBe(false);
  });

  it('takes the document properties from the metadata, never the clock', async () => {
    const core = (await render(sampleTree())).part('docProps/core.xml');
    expect(core).toContain('<dc:title>平罗县科学技术局2021年政府信息公开工作年度报告</dc:title>');
    expect(core).toContain('<dc:creator>平罗县科学技术局</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-01-17T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2022-01-17T00:00:00Z</dcterms:modified>');
  });

  it('stamps every zip entry with the report date', async () => {
    const zip = await JSZip.loadAsync(await writeDocx(sampleTree(), GBT9704));
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString().slice(0, 10)));
    expect([...dates]).toEqual(['2022-01-17']);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    const tree = sampleTree();
    tree.meta.date = '2022-02-30';
    await expect(writeDocx(tree, GBT9704)).rejects.toThrow(/YYYY-MM-DD/);
  });
});

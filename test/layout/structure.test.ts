import * as path from 'node:path';
import { layoutDocument } from '../../src/layout';
import type { FrameItem, GroupItem, PageFrame } from '../../src/layout/frames';
import type { StructElement } from '../../src/layout/structure';
import { checkReportFile } from '../../src/pipeline/check-report';
import { GBT9704 } from '../../src/style/settings';
import { buildDocTree } from '../../src/template/build-doc-tree';
import { realFonts } from './support/real-fonts';

const fonts = realFonts();
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'pingluo-kejiju-2021.yaml');

interface Owned {
  text: string;
  tag?: number;
  artifact?: string;
  /** The text a wrapped cell reads as, when the glyph is part of one. */
  actualText?: string;
}

/** Every text item of a page with the tag or artifact kind of the groups that hold it. */
function textOwners(page: PageFrame): Owned[] {
  const out: Owned[] = [];
  const walk = (items: readonly FrameItem[], tag?: number, artifact?: string, actualText?: string) => {
    for (const it of items) {
      if (it.kind === 'text') out.push({ text: it.text, tag, artifact, actualText });
      else if (it.kind === 'group') walk(it.items, it.tag ?? tag, it.artifact ?? artifact, it.actualText ?? actualText);
    }
  };
  walk(page.items);
  return out;
}

const textOf = (owners: { text: string }[]) => owners.map((o) => o.text).join('');

(fonts ? describe : describe.skip)('the logical structure of the example (tagged PDF)', () => {
  const { tree } = buildDocTree(checkReportFile(EXAMPLE).report!);
  const { pages, structure } = layoutDocument(tree, GBT9704, fonts!);
  const children = (id: number) => structure.filter((e) => e.parent === id);
  const owners = pages.map(textOwners);
  const contentOf = (id: number) => textOf(owners.flat().filter((o) => o.tag === id && !o.artifact));

  test('every glyph is content of exactly one element or an artifact, and tags name leaf elements', () => {
    const leafRoles = new Set(['H1', 'H2', 'H3', 'H4', 'P', 'TH', 'TD']);
    for (const o of owners.flat()) {
      expect(o.tag !== undefined || o.artifact !== undefined).toBe(true);
      if (o.tag !== undefined && !o.artifact) expect(leafRoles.has(structure[o.tag].role)).toBe(true);
    }
    // No group is both content and an artifact.
    const groups: GroupItem[] = [];
    const collect = (items: readonly FrameItem[]) => items.forEach((i) => i.kind === 'group' && (groups.push(i), collect(i.items)));
    pages.forEach((p) => collect(p.items));
    expect(groups.filter((g) => g.tag !== undefined && g.artifact)).toEqual([]);
  });

  test('the document reads title, sections and paragraphs in order, headings carry their text', () => {
    const top = children(0);
    expect(top[0]).toMatchObject({ role: 'H1', title: '平罗县科学技术局2021年政府信息公开工作年度报告' });
    const h2 = top.filter((e) => e.role === 'H2').map((e) => e.title);
    expect(h2).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(top.filter((e) => e.role === 'H3').map((e) => e.title)).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
    expect(top.filter((e) => e.role === 'Table')).toHaveLength(3);
    const overview = top.findIndex((e) => e.title === '一、总体情况');
    expect(top[overview + 1].role).toBe('P');
    expect(contentOf(top[overview + 1].id)).toMatch(/^我局按照《自治区人民政府政务公开办公室/);
    // A paragraph crossing pages 1 and 2 is one element with content on both.
    const crossing = top.find((e) => e.role === 'P' && contentOf(e.id).includes('二是重点领域公开情况。我局制定'));
    expect(crossing).toBeDefined();
    const onPages = pages.map((_, i) => owners[i].some((o) => o.tag === crossing!.id)).map((x, i) => (x ? i + 1 : 0)).filter(Boolean);
    expect(onPages).toEqual([1, 2]);
  });

  test('table 三: THead with its three header rows of TH, TBody of TD with the spans, as in HTML', () => {
    const table = children(0).filter((e) => e.role === 'Table')[1];
    const [head, body] = children(table.id);
    expect([head.role, body.role]).toEqual(['THead', 'TBody']);
    const headRows = children(head.id);
    expect(headRows.map((r) => r.role)).toEqual(['TR', 'TR', 'TR']);
    const th = headRows.flatMap((r) => children(r.id));
    expect(th.every((c) => c.role === 'TH' && c.scope === 'Column')).toBe(true);
    expect(th.map((c) => contentOf(c.id))).toContain('法人或其他组织');
    const bodyRows = children(body.id);
    expect(bodyRows.length).toBe(25);
    const cells = bodyRows.flatMap((r) => children(r.id));
    expect(cells.every((c) => c.role === 'TD')).toBe(true);
    const label: StructElement = cells.find((c) => contentOf(c.id) === '三、本年度办理结果')!;
    expect(label.rowSpan).toBe(22);
    expect(cells.find((c) => contentOf(c.id) === '一、本年新收政府信息公开申请数量')!.colSpan).toBe(3);
  });

  test('on the page table 三 continues on, its repeated header rows and label are pagination artifacts', () => {
    const continued = owners.filter((o) => textOf(o).includes('法人或其他组织'));
    expect(continued.length).toBe(2);
    const [first, second] = continued;
    const labelOn = (page: Owned[]) => page.filter((o) => o.actualText === '三、本年度办理结果');
    expect(first.filter((o) => o.text === '申请人情况' && !o.artifact)).toHaveLength(1);
    expect(second.filter((o) => o.text === '申请人情况').map((o) => o.artifact)).toEqual(['Pagination']);
    expect(labelOn(first).some((o) => !o.artifact)).toBe(true);
    expect(labelOn(second).length).toBeGreaterThan(0);
    expect(labelOn(second).every((o) => o.artifact === 'Pagination')).toBe(true);
    // Page numbers are artifacts too, so a sentence across pages reads whole.
    expect(owners.flat().filter((o) => /^— \d+ —$/.test(o.text)).every((o) => o.artifact === 'Pagination')).toBe(true);
  });
});

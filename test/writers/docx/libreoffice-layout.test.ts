/**
 * LibreOffice lays out the .docx with the PDF's metrics: a fontconfig that maps the official font
 * names to the bundled Fandol faces, so what differs from our PDF is the layout, not the fonts.
 * Checked for the example and a large agency: the same page count as our PDF, 22 lines on full
 * body pages, table 三's header rows repeated on its continuation page, and its narrow label
 * upright, broken where the PDF breaks it. Skipped, with a message, where `soffice`, `pdftotext` or
 * fontconfig is not installed (CI installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocTree } from '../../../src/doc/tree';
import { layoutDocument } from '../../../src/layout';
import { flattenItems, type FrameItem, type GroupItem, type TextItem } from '../../../src/layout/frames';
import { resolveTables } from '../../../src/layout/table-model';
import { fontMeasure } from '../../../src/layout/text-measure';
import { ROLE_FONTS } from '../../../src/style/font-roles';
import { GBT9704 } from '../../../src/style/settings';
import { writeDocxSync } from '../../../src/writers/docx';
import { ROOT } from '../../support/cli';
import { exampleDocTree, largeAgencyTree } from '../../support/large-agency';
import { realFonts } from '../../layout/support/real-fonts';
import { libreOfficeToPdf, whereInstalled } from '../../support/tools';

const { available, maybe } = whereInstalled('the LibreOffice layout comparison', ['soffice', 'pdftotext', 'fc-match'], 'Debian libreoffice-writer, poppler-utils, fontconfig');

/** fontconfig: only the repository's fonts/, each official name (font-roles.ts) mapped to its bundled face. */
function fontsConf(dir: string): string {
  const rules: string[] = [];
  for (const role of Object.values(ROLE_FONTS)) {
    const face = role.bundled.face; // e.g. FandolSong-Bold
    const [family, style] = face.split('-');
    const names = new Set([role.word.official.eastAsia, role.word.official.altName, ...role.system.flatMap((s) => s.names)].filter((n): n is string => !!n));
    for (const name of names) {
      rules.push(
        `<match target="pattern"><test name="family"><string>${name}</string></test>` +
          `<edit name="family" mode="assign" binding="strong"><string>${family}</string></edit>` +
          (style === 'Bold' ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : '') +
          '</match>',
      );
    }
  }
  return `<?xml version="1.0"?><fontconfig><dir>${join(ROOT, 'fonts')}</dir><cachedir>${dir}/fc</cachedir>${rules.join('')}</fontconfig>`;
}

interface Word {
  text: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
}

/** The words of each page of a PDF, with their boxes (pdftotext -bbox). */
function pdfWords(file: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[5],
        x0: Number(m[1]),
        x1: Number(m[3]),
        y: Number(m[2]),
        h: Number(m[4]) - Number(m[2]),
      })),
    );
}

/** Groups of a page that hold a wrapped table label (marked with the label as its actual text). */
function flattenGroups(items: readonly FrameItem[]): GroupItem[] {
  const out: GroupItem[] = [];
  for (const it of items) {
    if (it.kind !== 'group') continue;
    if (it.actualText !== undefined && it.items.every((i) => i.kind === 'text')) out.push(it);
    else out.push(...flattenGroups(it.items));
  }
  return out;
}

/** Body lines (16 pt type: words 19–23 pt tall) of a page, by their distinct tops. */
const bodyLines = (words: Word[]): number => new Set(words.filter((w) => w.h > 19 && w.h < 23).map((w) => Math.round(w.y))).size;

/** Our PDF's pages: body lines per page and whether a table is drawn on it. */
function ourPages(tree: DocTree): { lines: number; table: boolean }[] {
  return layoutDocument(tree, GBT9704, realFonts()!).pages.map((p) => {
    const items = flattenItems(p.items);
    const texts = items.filter((i): i is TextItem => i.kind === 'text' && i.size === GBT9704.roles.body.size);
    return { lines: new Set(texts.map((t) => Math.round(t.y))).size, table: items.some((i) => i.kind === 'line') };
  });
}

const CASES: [string, () => DocTree][] = [
  ['example', exampleDocTree],
  ['large', () => largeAgencyTree()],
];

describe('LibreOffice lays the .docx out as our PDF', () => {
  let dir = '';
  const rendered = new Map<string, Word[][]>();
  beforeAll(() => {
    if (!available) return;
    dir = mkdtempSync(join(tmpdir(), 'xxgk-lo-layout-'));
    writeFileSync(join(dir, 'fonts.conf'), fontsConf(dir));
    const fonts = realFonts()!;
    const measure = fontMeasure(fonts, GBT9704);
    for (const [name, tree] of CASES) {
      const t = tree();
      writeFileSync(join(dir, `${name}.docx`), writeDocxSync(t, GBT9704, { measure, tables: resolveTables(t, GBT9704, measure) }));
    }
    libreOfficeToPdf(dir, CASES.map(([n]) => join(dir, `${n}.docx`)), { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') });
    for (const [name] of CASES) rendered.set(name, pdfWords(join(dir, `${name}.pdf`)));
    // the mapping took: LibreOffice drew with the bundled faces, not a substitute
    const fontsUsed = execFileSync('pdffonts', [join(dir, 'example.pdf')], { encoding: 'utf8' });
    for (const face of ['FandolFang', 'FandolHei', 'FandolKai', 'FandolSong']) expect(fontsUsed).toContain(face);
    readFileSync(join(dir, 'large.pdf'));
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  maybe.each(CASES.map(([n]) => n))('%s: the same page count, and 22 lines on every full body page', (name) => {
    const ours = ourPages(CASES.find(([n]) => n === name)![1]());
    const lo = rendered.get(name)!;
    expect(lo.length).toBe(ours.length);
    const full = ours.map((p, i) => (p.lines === 22 && !p.table ? i : -1)).filter((i) => i >= 0);
    expect(full.length).toBeGreaterThan(0);
    for (const i of full) expect([i + 1, bodyLines(lo[i])]).toEqual([i + 1, 22]);
  });

  maybe.each(CASES.map(([n]) => n))("%s: table 三's header rows repeat on its continuation page", (name) => {
    const lo = rendered.get(name)!;
    const text = lo.map((ws) => ws.map((w) => w.text).join(''));
    const start = text.findIndex((t) => t.includes('本列数据的勾稽关系为'));
    expect(start).toBeGreaterThanOrEqual(0);
    const end = text.findIndex((t) => t.includes('四、结转下年度继续办理'));
    expect(end).toBeGreaterThan(start);
    for (let p = start + 1; p <= end; p++) {
      for (const head of ['本列数据的勾稽关系为', '申请人情况', '法人或其他组织', '总计']) expect([p + 1, text[p].includes(head)]).toEqual([p + 1, true]);
    }
  });

  maybe.each(CASES.map(([n]) => n))('%s: 三、本年度办理结果 stands upright, broken where the PDF breaks it', (name) => {
    const page = rendered.get(name)!.find((ws) => ws.some((w) => w.text === '三、'))!;
    const first = page.find((w) => w.text === '三、')!;
    const column = page.filter((w) => (w.x0 + w.x1) / 2 > first.x0 - 2 && (w.x0 + w.x1) / 2 < first.x1 + 2 && w.y >= first.y - 1 && w.y < first.y + 100);
    expect(column.sort((a, b) => a.y - b.y).map((w) => w.text)).toEqual(['三、', '本年', '度办', '理结', '果']);
  });

  maybe.each(CASES.map(([n]) => n))('%s: every label the PDF wraps, LibreOffice wraps into the same lines', (name) => {
    const tree = CASES.find(([n]) => n === name)![1]();
    const words = new Set(rendered.get(name)!.flat().map((w) => w.text));
    const missing: string[] = [];
    let lines = 0;
    for (const p of layoutDocument(tree, GBT9704, realFonts()!).pages) {
      for (const g of flattenGroups(p.items)) {
        const byY = new Map<number, string>();
        for (const t of flattenItems(g.items)) if (t.kind === 'text') byY.set(t.y, (byY.get(t.y) ?? '') + t.text);
        if (byY.size < 2) continue;
        for (const line of byY.values()) {
          lines++;
          if (!words.has(line)) missing.push(line);
        }
      }
    }
    expect(lines).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  maybe('large: every number of 表三 drawn whole', () => {
    const words = rendered.get('large')!.flat().map((w) => w.text);
    for (const n of ['123456', '23456', '146912']) expect(words.filter((w) => w === n)).toHaveLength(3);
    expect(words.some((w) => /^(1234|2345|1469)$/.test(w))).toBe(false);
  });
});

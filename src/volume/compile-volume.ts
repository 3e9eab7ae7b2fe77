/**
 * A compiled volume (年报汇编): one PDF of many reports, laid out as one document: a cover,
 * the 目录, then each report starting on an odd page. Cover and 目录 carry no page number
 * and are padded to an even number of pages, so printed numbers and sheet sides agree;
 * numbering starts at 1 on the first report and runs through the volume, and a blank page
 * put before a report to start it on an odd page counts but shows no number. Every report
 * is a Part of the one structure tree (its title an H1, its sections H2–H4), so the
 * bookmarks are one per unit with its sections below; fonts are subset once for the
 * whole volume.
 */
import { checkReportFile } from '../pipeline/check-report';
import type { RenderSettings } from '../pipeline/render-types';
import { buildDocTree } from '../template/build-doc-tree';
import { GBT9704 } from '../style/settings';
import type { LayoutContext } from '../layout/context';
import type { FrameItem, PageFrame } from '../layout/frames';
import { pageGeometry } from '../layout/geometry';
import { StructureBuilder, DOCUMENT_ELEMENT, type StructElement } from '../layout/structure';
import { pageNumberItems } from '../layout/page-number';
import { coverPage, tocPageCount, tocPages, type CoverText, type TocEntry } from './front-matter';

/** One report of the volume. */
export interface VolumeUnit {
  file: string;
}

/** Where a unit's report is in the volume. */
export interface PlacedUnit {
  file: string;
  agency: string;
  /** The printed number of its first page. */
  firstPage: number;
  /** Its first page counted from the cover (1-based): the page a PDF viewer shows. */
  sheetPage: number;
  pages: number;
}

/** The volume: its bytes and where each unit is. */
export interface CompiledVolume {
  bytes: Uint8Array;
  /** Every page, front matter and blanks included. */
  pageCount: number;
  frontPages: number;
  blankPages: number;
  units: PlacedUnit[];
  /** Findings laying out the cover and 目录 (a character no font has in the issuer's name, say). */
  warnings: string[];
}

/** A report that could not go into the volume (it no longer reads cleanly). */
export class VolumeError extends Error {}

/** Re-tags a page's groups with the volume's element ids. */
function retag(items: readonly FrameItem[], ids: readonly number[]): FrameItem[] {
  return items.map((it) => (it.kind === 'group' ? { ...it, tag: it.tag === undefined ? undefined : ids[it.tag], items: retag(it.items, ids) } : it));
}

/** Lays out and writes the volume of `units` in the given order. */
export async function compileVolume(units: readonly VolumeUnit[], cover: CoverText, settings: RenderSettings): Promise<CompiledVolume> {
  const { resolveFontSet, facesOf } = require('../fonts/resolve') as typeof import('../fonts/resolve');
  const { layoutDocument } = require('../layout/index') as typeof import('../layout/index');
  const { writePdf } = require('../writers/pdf/index') as typeof import('../writers/pdf/index');
  const style = settings.style ?? GBT9704;
  const fonts = resolveFontSet({ userFonts: settings.fonts, systemFonts: settings.systemFonts ?? true });
  const structure = new StructureBuilder();
  const ctx: LayoutContext = { style, fonts, geo: pageGeometry(style), diags: [], structure };

  const laid = units.map((u) => {
    const checked = checkReportFile(u.file);
    if (!checked.report) throw new VolumeError(`${u.file} 无法读取，未能编入汇编`);
    const { tree } = buildDocTree(checked.report, { templateDir: settings.templateDir });
    const layout = layoutDocument(tree, style, fonts, { pageNumbers: false });
    return { file: u.file, agency: checked.report.agency, tree, layout };
  });
  if (laid.length === 0) throw new VolumeError('没有可以编入汇编的报告');

  // Page numbers: each report starts on an odd number, after a blank page when needed.
  let next = 1;
  let blankPages = 0;
  const starts = laid.map((r) => {
    if (next % 2 === 0) {
      next++;
      blankPages++;
    }
    const first = next;
    next += r.layout.pages.length;
    return first;
  });
  const entries: TocEntry[] = laid.map((r, i) => ({ name: r.agency, page: starts[i] }));
  const tocCount = tocPageCount(entries, ctx);
  // The cover, a blank back, the 目录 and, when it has an odd number of pages, a blank after it.
  const frontPages = 2 + tocCount + (tocCount % 2);

  const front = structure.add('Part', DOCUMENT_ELEMENT);
  const pages: PageFrame[] = [coverPage(cover, ctx, structure, front), { width: ctx.geo.pageWidth, height: ctx.geo.pageHeight, items: [] }];
  pages.push(...tocPages(entries, ctx, structure, front));
  if (tocCount % 2) pages.push({ width: ctx.geo.pageWidth, height: ctx.geo.pageHeight, items: [] });

  const placed: PlacedUnit[] = [];
  let number = 1;
  laid.forEach((r, i) => {
    while (number < starts[i]) {
      pages.push({ width: ctx.geo.pageWidth, height: ctx.geo.pageHeight, items: [] });
      number++;
    }
    // The report's elements join the volume's tree under a Part named after the unit.
    const ids: number[] = [];
    for (const e of r.layout.structure as StructElement[]) {
      ids[e.id] =
        e.id === DOCUMENT_ELEMENT
          ? structure.add('Part', DOCUMENT_ELEMENT, { title: r.agency })
          : structure.add(e.role, ids[e.parent], { title: e.title, rowSpan: e.rowSpan, colSpan: e.colSpan, scope: e.scope });
    }
    placed.push({ file: r.file, agency: r.agency, firstPage: number, sheetPage: pages.length + 1, pages: r.layout.pages.length });
    for (const p of r.layout.pages) {
      pages.push({ ...p, items: [...retag(p.items, ids), pageNumberItems(number, ctx)] });
      number++;
    }
  });

  const latest = laid.map((r) => r.tree.meta.date).sort().pop()!;
  const meta = { title: cover.title, author: cover.issuer ?? '', date: latest, language: 'zh-CN' as const };
  const bytes = await writePdf(pages, facesOf(fonts), meta, { structure: structure.elements });
  const warnings = [...new Set(ctx.diags.map((d) => `${d.code}：${d.message}`))];
  return { bytes, pageCount: pages.length, frontPages, blankPages, units: placed, warnings };
}

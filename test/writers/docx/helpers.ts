/** Helpers for the Word writer's tests: render a tree and read the package's parts. */
import JSZip from 'jszip';
import type { DocTree } from '../../../src/doc/tree';
import { GBT9704, type StyleSettings } from '../../../src/style/settings';
import { writeDocx, type DocxOptions } from '../../../src/writers/docx';

export interface Package {
  bytes: Uint8Array;
  files: string[];
  part(name: string): string;
}

export async function render(tree: DocTree, style: StyleSettings = GBT9704, options: DocxOptions = {}): Promise<Package> {
  const bytes = await writeDocx(tree, style, options);
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) parts.set(name, await zip.files[name].async('string'));
  }
  return {
    bytes,
    files: [...parts.keys()],
    part(name: string): string {
      const p = parts.get(name);
      if (p === undefined) throw new Error(`no part ${name} in ${[...parts.keys()].join(', ')}`);
      return p;
    },
  };
}

/** All matches of a regular expression (global). */
export function all(re: RegExp, s: string): string[] {
  return s.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')) ?? [];
}

/** The `<w:tbl>` elements of a document part (tables are not nested here). */
export function tables(doc: string): string[] {
  return all(/<w:tbl>.*?<\/w:tbl>/s, doc);
}

/** The rows of a table and the cells of a row. */
export const rowsOf = (tbl: string): string[] => all(/<w:tr[ >].*?<\/w:tr>/s, tbl);
export const cellsOf = (tr: string): string[] => all(/<w:tc>.*?<\/w:tc>/s, tr);
export const spanOf = (tc: string): number => Number(/w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
export const textOf = (xml: string): string => all(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/, xml).map((t) => t.replace(/<[^>]+>/g, '')).join('');

/** The `<w:style>` element with this id. */
export function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

/**
 * Applies the page's edits to a report workbook (docs/WORKBOOK.md) by patching the changed
 * cells in the sheet XML in place: every other zip entry is copied byte for byte (its local
 * header, data and central directory record), and the workbook is set to recalculate its
 * formulas (the totals) when it is opened.
 */
import { crc32 } from '../util/crc32';
import { posix } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { FORMAT_2021, OUTCOME_ROWS } from '../catalogue/format-2021';
import { definedNameOf, LEVEL_WORDS } from '../workbook/layout';
import { openWorkbook } from '../workbook/open-workbook';
import { readReportWorkbook } from '../workbook/read-workbook';
import { childNamed, childrenNamed, encodeXstring, parseXml } from '../workbook/xml';
import { readZipDirectory, readZipEntry, type ZipEntry } from '../workbook/zip';
import type { CheckedEdit } from './edit-paths';
import { EditApplyError } from './edit-yaml';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The new `<c>` element for a cell, keeping its address and style. */
function cellXml(old: string, value: string | number | null, path: string): string {
  const open = /^<c\b([^>]*?)\/?>/.exec(old)![1];
  const attrs = open.replace(/\s+t="[^"]*"/, '').replace(/\s+cm="[^"]*"|\s+vm="[^"]*"/g, '');
  if (value === null) return `<c${attrs}/>`;
  if (typeof value === 'number') return `<c${attrs}><v>${value}</v></c>`;
  const text = path === 'level' && (value === 'department' || value === 'government') ? LEVEL_WORDS[value] : value;
  if (path === 'proactive.fees' && /^\d+(\.\d+)?$/.test(text)) return `<c${attrs}><v>${text}</v></c>`;
  return `<c${attrs} t="inlineStr"><is><t xml:space="preserve">${escapeXml(encodeXstring(text))}</t></is></c>`;
}

/** The 总计 of the data, by data path (a row's 7th number, the （七）总计 row, a 表四 `total`); absent where a figure is not a number. */
function totalsOf(data: unknown): Map<string, number> {
  const at = (path: string): unknown =>
    path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '').reduce<unknown>((x, k) => (x && typeof x === 'object' && Object.hasOwn(x, k) ? (x as Record<string, unknown>)[k] : undefined), data);
  const num = (path: string) => {
    const v = at(path);
    return typeof v === 'number' ? v : undefined;
  };
  const sum = (paths: string[]) => paths.reduce<number | undefined>((a, p) => (a === undefined || num(p) === undefined ? undefined : a + num(p)!), 0);
  const out = new Map<string, number>();
  const put = (path: string, v: number | undefined) => v !== undefined && out.set(path, v);
  const cols = [0, 1, 2, 3, 4, 5];
  for (const f of FORMAT_2021.figures) {
    const row = /^(applications\.(.+))\[6\]$/.exec(f.path);
    if (row && row[2] !== 'total') put(f.path, sum(cols.map((c) => `${row[1]}[${c}]`)));
  }
  for (const c of cols) put(`applications.total[${c}]`, sum(OUTCOME_ROWS.map((r) => `applications.${r.key}[${c}]`)));
  put('applications.total[6]', sum(OUTCOME_ROWS.flatMap((r) => cols.map((c) => `applications.${r.key}[${c}]`))));
  for (const part of ['review', 'litigationDirect', 'litigationAfterReview']) {
    put(`reviewLitigation.${part}.total`, sum(['upheld', 'corrected', 'other', 'pending'].map((k) => `reviewLitigation.${part}.${k}`)));
  }
  return out;
}

/** Sets `fullCalcOnLoad` in workbook.xml, so Excel and WPS recompute the 总计 formulas on opening. */
function recalcOnLoad(xml: string): string {
  const calc = /<calcPr\b[^>]*?\/?>/.exec(xml);
  if (calc) {
    if (/fullCalcOnLoad="(1|true)"/.test(calc[0])) return xml;
    const patched = calc[0].replace(/\s+fullCalcOnLoad="[^"]*"/, '').replace(/^<calcPr/, '<calcPr fullCalcOnLoad="1"');
    return xml.slice(0, calc.index) + patched + xml.slice(calc.index + calc[0].length);
  }
  // calcPr follows definedNames in the schema's order, or sheets when there are no names.
  const after = /<\/definedNames>|<definedNames\/>/.exec(xml) ?? /<\/sheets>/.exec(xml);
  if (!after) throw new EditApplyError('工作簿的结构无法识别（workbook.xml 中没有工作表列表）');
  const at = after.index + after[0].length;
  return xml.slice(0, at) + '<calcPr fullCalcOnLoad="1"/>' + xml.slice(at);
}

/** Where each sheet's XML is in the zip, by sheet name. */
function sheetParts(bytes: Uint8Array, byName: Map<string, ZipEntry>): { workbook: string; sheets: Map<string, string> } {
  const rootRels = parseXml(readZipEntry(bytes, byName.get('_rels/.rels')!).toString('utf8'), '_rels/.rels');
  const doc = childrenNamed(rootRels, 'Relationship').find((r) => /officeDocument$/.test(r.attrs.Type ?? ''));
  const workbook = doc ? posix.normalize((doc.attrs.Target ?? '').replace(/^\//, '')) : 'xl/workbook.xml';
  const dir = posix.dirname(workbook);
  const relsName = posix.join(dir, '_rels', `${posix.basename(workbook)}.rels`);
  const rels = new Map<string, string>();
  const relsEntry = byName.get(relsName);
  if (relsEntry) for (const r of childrenNamed(parseXml(readZipEntry(bytes, relsEntry).toString('utf8'), relsName), 'Relationship')) rels.set(r.attrs.Id, r.attrs.Target);
  const wb = parseXml(readZipEntry(bytes, byName.get(workbook)!).toString('utf8'), workbook);
  const sheets = new Map<string, string>();
  for (const s of childrenNamed(childNamed(wb, 'sheets') ?? { name: '', attrs: {}, children: [] }, 'sheet')) {
    const t = rels.get(s.attrs['r:id'] ?? s.attrs.id);
    if (t) sheets.set(s.attrs.name, t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(dir, t)));
  }
  return { workbook, sheets };
}

/** Rewrites a zip with some entries replaced; every other entry is copied as it was stored. */
function replaceEntries(bytes: Uint8Array, entries: readonly ZipEntry[], replaced: Map<string, Buffer>): Buffer {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const dirOffset = b.readUInt32LE(eocd + 16);
  const starts = entries.map((e) => e.localOffset).sort((x, y) => x - y);
  const spanEnd = (off: number) => starts.find((s) => s > off) ?? dirOffset;
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let p = dirOffset;
  for (const e of entries) {
    const nameLen = b.readUInt16LE(p + 28);
    const recLen = 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    const rec = Buffer.from(b.subarray(p, p + recLen));
    p += recLen;
    const data = replaced.get(e.name);
    let local: Buffer;
    if (data) {
      const packed = deflateRawSync(data, { level: 9 });
      const crc = crc32(data);
      const oldLocal = b.subarray(e.localOffset, e.localOffset + 30);
      const name = b.subarray(e.localOffset + 30, e.localOffset + 30 + b.readUInt16LE(e.localOffset + 26));
      const head = Buffer.from(oldLocal);
      head.writeUInt16LE(head.readUInt16LE(6) & ~0x0008, 6); // sizes are in the header now, no data descriptor
      head.writeUInt16LE(8, 8);
      head.writeUInt32LE(crc, 14);
      head.writeUInt32LE(packed.length, 18);
      head.writeUInt32LE(data.length, 22);
      head.writeUInt16LE(0, 28);
      local = Buffer.concat([head, name, packed]);
      rec.writeUInt16LE(rec.readUInt16LE(8) & ~0x0008, 8);
      rec.writeUInt16LE(8, 10);
      rec.writeUInt32LE(crc, 16);
      rec.writeUInt32LE(packed.length, 20);
      rec.writeUInt32LE(data.length, 24);
    } else local = b.subarray(e.localOffset, spanEnd(e.localOffset));
    rec.writeUInt32LE(offset, 42);
    out.push(local);
    central.push(rec);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.from(b.subarray(eocd));
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dir, end]);
}

/** The workbook with the edited cells changed; a field the workbook has no cell for is refused with a message. */
export function patchWorkbook(bytes: Uint8Array, edits: readonly CheckedEdit[]): Buffer {
  const loaded = readReportWorkbook(bytes);
  if (loaded.data === undefined) throw new EditApplyError(`工作簿无法读取，请先在 Excel/WPS 中修正：${loaded.diagnostics[0]?.message ?? ''}`);
  const entries = readZipDirectory(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const { workbook, sheets } = sheetParts(bytes, byName);
  const texts = new Map<string, string>();
  const partText = (name: string) => {
    if (!texts.has(name)) texts.set(name, readZipEntry(bytes, byName.get(name)!).toString('utf8'));
    return texts.get(name)!;
  };
  for (const e of edits) {
    const cell = e.kind === 'value' ? loaded.sourceMap.cellOf?.(e.path) : undefined;
    const m = cell ? /^(.+)!([A-Z]+\d+)$/.exec(cell) : null;
    const part = m ? sheets.get(m[1]) : undefined;
    if (e.kind !== 'value' || !m || !part || !byName.has(part)) {
      const what = e.kind === 'list' ? (e.path === 'overview' ? '“一、总体情况”的分项（添加、删除、调整顺序）' : '已确认的警告') : `“${e.path}”`;
      throw new EditApplyError(`在页面中还不能修改工作簿中的${what}：请在 Excel/WPS 中修改，或用 xxgk convert 转成 YAML 后在页面中编辑`);
    }
    const xml = partText(part);
    const found = new RegExp(`<c\\b[^>]*?\\br="${m[2]}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
    if (!found) throw new EditApplyError(`工作簿中找不到单元格 ${cell}：请在 Excel/WPS 中填写`);
    texts.set(part, xml.slice(0, found.index) + cellXml(found[0], e.value, e.path) + xml.slice(found.index + found[0].length));
  }
  // The totals are formulas; their stored results are brought up to date too, for readers that do not recalculate.
  const edited = Buffer.from(replaceEntries(bytes, entries, new Map([...texts].map(([n, t]) => [n, Buffer.from(t, 'utf8')]))));
  const names = openWorkbook(edited, []).definedNames;
  for (const [path, value] of totalsOf(readReportWorkbook(edited).data)) {
    const ref = names.get(definedNameOf(path));
    const m = ref ? /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref) : null;
    const part = m ? sheets.get(m[1]) : undefined;
    if (!m || !part) continue;
    const xml = partText(part);
    const found = new RegExp(`<c\\b[^>]*?\\br="${m[2]}${m[3]}"[^>]*?>([\\s\\S]*?)</c>`).exec(xml);
    if (!found || !/<f[\s>\/]/.test(found[1])) continue; // a stated total (a constant) is the user's, not ours
    const cell = found[0].replace(/<v>[^<]*<\/v>|<v\/>/, '').replace(/<\/c>$/, `<v>${value}</v></c>`).replace(/\s+t="[^"]*"/, '');
    texts.set(part, xml.slice(0, found.index) + cell + xml.slice(found.index + found[0].length));
  }
  texts.set(workbook, recalcOnLoad(partText(workbook)));
  const replaced = new Map<string, Buffer>();
  for (const [name, text] of texts) {
    const data = Buffer.from(text, 'utf8');
    if (!data.equals(readZipEntry(bytes, byName.get(name)!))) replaced.set(name, data);
  }
  return replaced.size ? replaceEntries(bytes, entries, replaced) : Buffer.from(bytes);
}

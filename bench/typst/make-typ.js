#!/usr/bin/env node
'use strict';
// node bench/typst/make-typ.js [report.yaml] [-o out.typ] [--agency NAME]
// Rebuilds a report as a Typst document for `npm run bench -- --peer typst`. The words, the
// tables and their merged cells come from xxgk's own loader and templates (dist/), so the
// figures are never typed twice and the two tools set the same text; the page, the type sizes
// and the faces come from xxgk's style settings and font roles, so both draw the same page.
// Needs `npm run build` first.
const { readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const dist = (p) => join(root, 'dist', p);
const EXAMPLE = join(root, 'examples', 'pingluo-kejiju-2021.yaml');
const OUT = join(__dirname, 'report.typ');

// The family names Typst reads from the bundled files (their name tables), by file name.
const TYPST_FAMILY = {
  'FandolSong-Regular': { family: 'FandolSong', weight: 'regular' },
  'FandolSong-Bold': { family: 'FandolSong', weight: 'bold' },
  'FandolFang-Regular': { family: 'FandolFang R', weight: 'regular' },
  'FandolHei-Regular': { family: 'FandolHei', weight: 'regular' },
  'FandolKai-Regular': { family: 'FandolKai', weight: 'regular' },
  'NotoSerifSC-Regular': { family: 'Noto Serif SC', weight: 'regular' },
};

/** The report's data, read and checked by xxgk; throws when the file is not a report. */
function loadReport(file, bytes) {
  const { checkReportBytes } = require(dist('pipeline/check-report.js'));
  const checked = checkReportBytes(file, bytes ?? readFileSync(file), {});
  if (!checked.report) {
    const first = checked.diagnostics.find((d) => d.severity === 'error');
    throw new Error(`${file}: not a report${first ? `: ${first.message}` : ''}`);
  }
  return checked.report;
}

/** A Typst string literal. */
const str = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
const pt = (x) => `${Math.round(x * 1000) / 1000}pt`;

/** Typst `font:` and `weight:` arguments of a role: its bundled face, then the fallback faces. */
function fontArgs(role) {
  const { ROLE_FONTS } = require(dist('style/font-roles.js'));
  const r = ROLE_FONTS[role];
  const face = TYPST_FAMILY[r.bundled.face];
  if (!face) throw new Error(`no Typst family for ${r.bundled.face}`);
  const families = [face.family, ...r.fallbacks.map((f) => TYPST_FAMILY[f]?.family ?? f)];
  return `font: (${families.map(str).join(', ')}), weight: ${str(face.weight)}`;
}

/** Inline content as Typst markup built only from string literals (nothing in the text is read as markup). */
function inlines(children) {
  let out = '';
  for (const n of children) {
    if (n.kind === 'text') out += `#${str(n.text)}`;
    else if (n.kind === 'strong') out += `#strong[${inlines(n.children)}]`;
    else if (n.kind === 'runIn') out += `#runin${n.level}[#${str(n.text)}]`;
    else if (n.kind === 'lineBreak') out += '#linebreak()';
    else throw new Error(`unknown inline ${n.kind}`);
  }
  return out;
}

const ALIGN = { justify: 'left', left: 'left', center: 'center', right: 'right' };

function table(node) {
  const cols = node.widths.map((w) => `${w}fr`).join(', ');
  let header = 0;
  while (header < node.rows.length && node.rows[header].header) header++;
  const row = (r) =>
    r.cells
      .map((c) => {
        const args = [];
        if (c.rowSpan > 1) args.push(`rowspan: ${c.rowSpan}`);
        if (c.colSpan > 1) args.push(`colspan: ${c.colSpan}`);
        if (c.align !== 'center') args.push(`align: ${ALIGN[c.align]} + horizon`);
        return `table.cell(${args.join(', ')})[${inlines(c.children)}]`;
      })
      .join(', ');
  const lines = [`#table(`, `  columns: (${cols}),`];
  if (header > 0) lines.push(`  table.header(repeat: true,`, ...node.rows.slice(0, header).map((r) => `    ${row(r)},`), `  ),`);
  for (const r of node.rows.slice(header)) lines.push(`  ${row(r)},`);
  lines.push(')');
  return lines.join('\n');
}

/**
 * The Typst source of a report file. `agency` replaces the report's agency (the title, the
 * opening paragraph and the metadata follow it, as they do in xxgk), so that each run of a
 * benchmark compiles a different document.
 */
function makeTyp(file = EXAMPLE, { bytes, agency } = {}) {
  const report = loadReport(file, bytes);
  if (agency !== undefined) report.agency = agency;
  const { buildDocTree } = require(dist('template/build-doc-tree.js'));
  const { GBT9704, charPitchPt } = require(dist('style/settings.js'));
  const { tree } = buildDocTree(report, {});
  const s = GBT9704;
  const P = s.linePitchPt;
  const body = s.roles.body.size;
  // Every line box is the em box (0.88 em above the baseline, 0.12 below, as xxgk sets CJK
  // type), so the leading is what is left of the line pitch and lines stay on the body grid.
  const lead = P - body;
  const pitch = charPitchPt(s);
  const tracking = pitch - body;
  // xxgk centres the first line's em box in the first grid line: the page area starts half a leading lower.
  const half = lead / 2;
  const pn = s.roles.pageNumber.size;
  const title = s.roles.title.size;
  const titlePitch = 1.25 * P;
  const tbl = s.roles.table.size;
  const [y, m, d] = tree.meta.date.split('-').map(Number);

  const out = [];
  out.push(
    `// Generated by bench/typst/make-typ.js from ${file.startsWith(root) ? file.slice(root.length + 1) : file}: do not edit.`,
    `#set document(title: ${str(tree.meta.title)}, author: ${str(tree.meta.author)}, date: datetime(year: ${y}, month: ${m}, day: ${d}))`,
    `#set page(width: ${s.page.widthMm}mm, height: ${s.page.heightMm}mm,`,
    `  margin: (top: ${s.margins.topMm}mm + ${pt(half)}, bottom: ${s.margins.bottomMm}mm - ${pt(half)}, left: ${s.margins.leftMm}mm, right: ${s.margins.rightMm}mm),`,
    // The page number's dashes (its em box's centre) sit pageNumberDropMm below the type area, one character in from the outer side.
    `  footer-descent: ${s.pageNumberDropMm}mm - ${pt(half)} - ${pt(pn / 2)},`,
    `  footer: context {`,
    `    let n = counter(page).get().first()`,
    `    set text(${fontArgs('pageNumber')}, size: ${pt(pn)}, tracking: 0pt)`,
    `    let s = [— #n —]`,
    `    if calc.odd(n) { align(right + top, s + h(${pt(pn)})) } else { align(left + top, h(${pt(pn)}) + s) }`,
    `  })`,
    `#set text(${fontArgs('body')}, size: ${pt(body)}, lang: "zh", region: "cn", fallback: false,`,
    `  top-edge: 0.88em, bottom-edge: -0.12em, tracking: ${pt(tracking)}, cjk-latin-spacing: none)`,
    `#set par(justify: true, leading: ${pt(lead)}, spacing: ${pt(lead)}, first-line-indent: (amount: ${pt(s.indentChars * pitch)}, all: true))`,
    `#set block(above: ${pt(lead)}, below: ${pt(lead)})`,
    `#show heading: it => block(above: ${pt(lead)}, below: ${pt(lead)}, sticky: true, par(first-line-indent: 0pt)[#h(${pt(s.indentChars * pitch)})#it.body])`,
    `#show heading.where(level: 1): set text(${fontArgs('heading1')}, size: ${pt(s.roles.heading1.size)})`,
    `#show heading.where(level: 2): set text(${fontArgs('heading2')}, size: ${pt(s.roles.heading2.size)})`,
    `#show heading.where(level: 3): set text(${fontArgs('heading3')}, size: ${pt(s.roles.heading3.size)})`,
    // FandolFang has no bold face: xxgk strokes the outlines (1/30 em), and so does this.
    `#show strong: set text(stroke: ${pt(body / 30)})`,
    `#let runin2(body) = text(${fontArgs('heading2')}, body)`,
    `#let runin3(body) = text(${fontArgs('heading3')}, body)`,
    `#set table(stroke: ${pt(s.tableBorderPt)}, inset: ${pt(s.tableCellPaddingPt)}, align: center + horizon)`,
    `#show table: set text(${fontArgs('table')}, size: ${pt(tbl)}, tracking: 0pt)`,
    `#show table: set par(justify: false, first-line-indent: 0pt, leading: ${pt((s.tableLineHeight - 1) * tbl)})`,
    '',
  );
  for (const b of tree.blocks) {
    switch (b.kind) {
      case 'title': {
        // xxgk balances the title's lines; the usual title breaks before its fixed phrase.
        const text = b.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
        const at = text.indexOf('政府信息公开工作年度报告');
        const parts = at > 0 && b.children.every((c) => c.kind === 'text') ? [text.slice(0, at), text.slice(at)] : null;
        const content = parts ? parts.map((p) => `#${str(p)}`).join('#linebreak()') : inlines(b.children);
        const n = parts ? parts.length : 1;
        // A title of n lines takes ⌈(n−1)·1.25⌉ + 1 grid lines, its lines centred in them, then a blank grid line.
        const g = Math.ceil(((n - 1) * titlePitch) / P - 1e-9) + 1;
        out.push(
          `#block(width: 100%, height: ${pt(g * P - lead)}, above: 0pt, below: ${pt(lead + P)}, align(center + horizon, {`,
          `  set text(${fontArgs('title')}, size: ${pt(title)}, tracking: 0pt)`,
          `  set par(justify: false, first-line-indent: 0pt, leading: ${pt(titlePitch - title)})`,
          `  par[${content}]`,
          '}))',
          '',
        );
        break;
      }
      case 'heading':
        out.push(`#heading(level: ${b.level})[${inlines(b.children)}]`, '');
        break;
      case 'paragraph': {
        let p = inlines(b.children);
        if (!b.indent) p = `#par(first-line-indent: 0pt)[${p}]`;
        if (b.align !== 'justify') p = `#align(${ALIGN[b.align]})[${p}]`;
        out.push(p, '');
        break;
      }
      case 'table':
        out.push(table(b), '');
        break;
      case 'pageBreak':
        out.push('#pagebreak()', '');
        break;
      case 'signature':
        out.push(`#v(${pt(P)})`, `#block(breakable: false, align(right, par(first-line-indent: 0pt)[${b.lines.map((l) => `#${str(l)}`).join('#linebreak()')}#h(${pt(s.indentChars * pitch)})]))`, '');
        break;
      default:
        throw new Error(`unknown block ${b.kind}`);
    }
  }
  return out.join('\n');
}

module.exports = { makeTyp, EXAMPLE, OUT };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const out = opt('-o') ?? OUT;
  const agency = opt('--agency');
  const file = args[0] ? resolve(args[0]) : EXAMPLE;
  writeFileSync(out, makeTyp(file, { agency }));
  process.stderr.write(`wrote ${out}\n`);
}

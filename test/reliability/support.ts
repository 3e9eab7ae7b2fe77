/** Shared helpers of the reliability tests: hostile inputs, output checks, run counts. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { EXAMPLE } from '../support/cli';

/** The example report as text and as data. */
export const EXAMPLE_TEXT = readFileSync(EXAMPLE, 'utf8');

export { DEFAULT_FUZZ_SEED, fuzzParams, fuzzRuns, fuzzSeed } from '../support/fuzz';

/** True when the output has a JavaScript stack trace line (`    at f (file:1:2)`). */
export function hasStackTrace(output: string): boolean {
  return /^\s+at \S/m.test(output);
}

/** A small valid report (no errors; warnings allowed). */
export function minimalReport(): Record<string, unknown> {
  return {
    agency: '某某县统计局',
    year: 2023,
    overviewIntro: '本局认真贯彻落实政府信息公开条例。',
    overview: [{ heading: '主动公开', body: '本年度主动公开政府信息12条。' }],
    problems: '一是公开内容不够全面。二是更新不够及时。下一步将加强培训，完善制度。',
    otherMatters: '本年度未收取信息处理费。',
  };
}

export const toYaml = (data: unknown): string => stringify(data, { lineWidth: 0 });

/** Text in GBK: 平罗县科学技术局 (checked in the tests against TextDecoder('gb18030')). */
export const GBK_AGENCY = Buffer.from([0xc6, 0xbd, 0xc2, 0xde, 0xcf, 0xd8, 0xbf, 0xc6, 0xd1, 0xa7, 0xbc, 0xbc, 0xca, 0xf5, 0xbe, 0xd6]);
/** 𠮷 in GB18030 (a four-byte sequence). */
export const GB18030_JI = Buffer.from([0x95, 0x34, 0xb2, 0x35]);

/** True when bytes are a whole PDF: header, trailer, and (when qpdf is installed) a clean `qpdf --check`. */
export function isCompletePdf(bytes: Uint8Array): { ok: boolean; why?: string } {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 32))).toString('latin1');
  if (head !== '%PDF-') return { ok: false, why: `header ${JSON.stringify(head)}` };
  if (!/%%EOF\s*$/.test(tail)) return { ok: false, why: `tail ${JSON.stringify(tail)}` };
  return { ok: true };
}

let qpdfPresent: boolean | undefined;
/** `qpdf --check` of a file, or undefined when qpdf is not installed. */
export function qpdfCheck(file: string): { ok: boolean; output: string } | undefined {
  qpdfPresent ??= spawnSync('qpdf', ['--version']).status === 0;
  if (!qpdfPresent) return undefined;
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  // 0: fine; 3: warnings only
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Characters XML 1.0 does not allow anywhere. */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Checks that a string is well-formed XML (one root, tags balanced and properly
 * nested, attributes quoted, entities known, no raw `<` or `&`, no illegal
 * characters). Returns the first problem, or undefined.
 */
export function xmlProblem(xml: string): string | undefined {
  const bad = XML_ILLEGAL.exec(xml);
  if (bad) return `illegal character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const name = /^[A-Za-z_][\w.:-]*/;
  const checkText = (text: string, at: number): string | undefined => {
    const amp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
    if (amp) return `bare & at ${at + amp.index}`;
    return undefined;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    const p = checkText(text, i);
    if (p) return p;
    if (text.trim() !== '' && stack.length === 0) return `text outside the root at ${i}`;
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) return 'unterminated processing instruction';
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) return 'unterminated comment';
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) return 'unterminated CDATA';
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt === -1) return `unterminated tag at ${lt}`;
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const n = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== n) return `</${n}> closes <${open}> at ${lt}`;
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = name.exec(body);
      if (!m) return `bad tag name at ${lt}: ${body.slice(0, 20)}`;
      const attrs = body.slice(m[0].length);
      const attrRe = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*')/y;
      let pos = 0;
      const seen = new Set<string>();
      while (pos < attrs.length) {
        if (/^\s*$/.test(attrs.slice(pos))) break;
        attrRe.lastIndex = pos;
        const a = attrRe.exec(attrs);
        if (!a) return `bad attribute in <${m[0]}> at ${lt}: ${attrs.slice(pos, pos + 30)}`;
        if (seen.has(a[1])) return `duplicate attribute ${a[1]} at ${lt}`;
        seen.add(a[1]);
        const ap = checkText(a[2], lt);
        if (ap) return ap;
        pos = attrRe.lastIndex;
      }
      if (stack.length === 0) roots++;
      if (roots > 1) return `second root element at ${lt}`;
      if (!selfClosing) stack.push(m[0]);
    }
    i = gt + 1;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return 'no root element';
  return undefined;
}

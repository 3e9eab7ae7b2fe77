/**
 * The package's fixed parts: content types, relationships, settings (odd/even footers), the font
 * table (names the CJK faces with the GB2312 character set so Word and WPS substitute sensibly when a
 * face is missing) and the document properties (dates from the report, never the clock).
 */
import type { DocMeta } from '../../doc/tree';
import { FONT_PROFILES, ROLE_FONTS, TIMES_NEW_ROMAN } from '../../style/font-roles';
import { ROLES } from '../../style/settings';
import type { DocxContext } from './context';
import type { EmbeddedFace } from './embed-fonts';
import { el, escapeXml, W_NS, XML_DECL } from './xml';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** Relationship ids of word/document.xml's parts (fixed, so output is reproducible). */
export const DOC_RELS = {
  styles: 'rId1',
  settings: 'rId2',
  fontTable: 'rId3',
  footerOdd: 'rId4',
  footerEven: 'rId5',
} as const;

/** Paths of the footer parts. */
export const FOOTER_ODD = 'word/footer1.xml';
export const FOOTER_EVEN = 'word/footer2.xml';

export function contentTypesXml(embedsFonts = false): string {
  const override = (part: string, type: string): string => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (embedsFonts ? '<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>' : '') +
    override('word/document.xml', `${WML}.document.main+xml`) +
    override('word/styles.xml', `${WML}.styles+xml`) +
    override('word/settings.xml', `${WML}.settings+xml`) +
    override('word/fontTable.xml', `${WML}.fontTable+xml`) +
    override(FOOTER_ODD, `${WML}.footer+xml`) +
    override(FOOTER_EVEN, `${WML}.footer+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function rels(list: readonly (readonly [string, string, string])[]): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${PKG_REL}">` +
    list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
    '</Relationships>'
  );
}

/** _rels/.rels */
export function packageRelsXml(): string {
  return rels([
    ['rId1', `${REL}/officeDocument`, 'word/document.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
    ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
  ]);
}

/** word/_rels/document.xml.rels */
export function documentRelsXml(): string {
  return rels([
    [DOC_RELS.styles, `${REL}/styles`, 'styles.xml'],
    [DOC_RELS.settings, `${REL}/settings`, 'settings.xml'],
    [DOC_RELS.fontTable, `${REL}/fontTable`, 'fontTable.xml'],
    [DOC_RELS.footerOdd, `${REL}/footer`, 'footer1.xml'],
    [DOC_RELS.footerEven, `${REL}/footer`, 'footer2.xml'],
  ]);
}

/** word/settings.xml: odd and even footers, no punctuation compression, Word 2013+ layout, embedded fonts kept as subsets. */
export function settingsXml(embedsFonts = false): string {
  return (
    XML_DECL +
    `<w:settings xmlns:w="${W_NS}">` +
    '<w:zoom w:percent="100"/>' +
    (embedsFonts ? '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>' : '') +
    '<w:defaultTabStop w:val="420"/>' +
    '<w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' +
    '<w:decimalSymbol w:val="."/>' +
    '<w:listSeparator w:val=","/>' +
    '</w:settings>'
  );
}

/** Other names Word and WPS know the named faces by. */
const ALT_NAMES = new Map<string, string>();
for (const role of ROLES) {
  for (const profile of FONT_PROFILES) {
    const { eastAsia, altName } = ROLE_FONTS[role].word[profile];
    if (altName) ALT_NAMES.set(eastAsia, altName);
  }
}

/** Latin faces (everything else is treated as a GB2312 CJK face). */
const LATIN = new Set([TIMES_NEW_ROMAN]);

/** word/_rels/fontTable.xml.rels: the embedded font parts. */
export function fontTableRelsXml(faces: readonly EmbeddedFace[]): string {
  return rels(faces.map((f) => [f.relId, `${REL}/font`, f.path.replace(/^word\//, '')] as const));
}

/** word/fontTable.xml: every face the document names, in role order, with its embedded subsets. */
export function fontTableXml(ctx: DocxContext, embedded: readonly EmbeddedFace[] = []): string {
  const names: string[] = [];
  for (const role of ROLES) {
    const f = ctx.fonts[role];
    for (const n of [f.eastAsia, f.ascii]) if (!names.includes(n)) names.push(n);
  }
  const fonts = names
    .map((name) => {
      const latin = LATIN.has(name);
      return (
        `<w:font w:name="${escapeXml(name)}">` +
        (ALT_NAMES.has(name) ? el('w:altName', { 'w:val': ALT_NAMES.get(name)! }) : '') +
        el('w:charset', { 'w:val': latin ? '00' : '86' }) +
        el('w:family', { 'w:val': latin ? 'roman' : 'modern' }) +
        el('w:pitch', { 'w:val': latin ? 'variable' : 'fixed' }) +
        embedded
          .filter((f) => f.family === name)
          .sort((a, b) => (a.style === b.style ? 0 : a.style === 'Regular' ? -1 : 1))
          .map((f) => el(`w:embed${f.style}`, { 'r:id': f.relId, 'w:fontKey': f.fontKey, 'w:subsetted': 1 }))
          .join('') +
        '</w:font>'
      );
    })
    .join('');
  return `${XML_DECL}<w:fonts xmlns:w="${W_NS}"${embedded.length ? ` xmlns:r="${REL}"` : ''}>${fonts}</w:fonts>`;
}

/** `meta.date` (YYYY-MM-DD) as a W3CDTF timestamp at midnight UTC; throws on anything else. */
export function metaTimestamp(meta: DocMeta): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  if (!m || !d || d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new Error(`document date must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(meta.date)}`);
  }
  return `${m[1]}-${m[2]}-${m[3]}T00:00:00Z`;
}

/** docProps/core.xml from the document's metadata: title, author, language, created = modified = its date. */
export function coreXml(meta: DocMeta): string {
  const when = metaTimestamp(meta);
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:creator>${escapeXml(meta.author)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy>` +
    `<dc:language>${escapeXml(meta.language)}</dc:language>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml naming the generator. */
export function appXml(): string {
  return (
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>xxgk</Application></Properties>'
  );
}

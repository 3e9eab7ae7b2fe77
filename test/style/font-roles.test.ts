import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { DocTree } from '../../src/doc/tree';
import { listFaces } from '../../src/fonts/load';
import { BUNDLED_DIR } from '../../src/fonts/resolve';
import { FONT_PROFILES, ROLE_FONTS, type RoleFonts } from '../../src/style/font-roles';
import { GBT9704, ROLES, type Role } from '../../src/style/settings';
import { tempDir } from '../support/cli';
import { obfuscateFont } from '../../src/writers/docx/embed-fonts';
import { sampleTree } from '../writers/docx/fixtures';
import { style as styleOf } from '../writers/docx/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit');

/** The web page's rules that set text in each role. */
const SELECTORS: Record<Role, string[]> = {
  title: ['.xxgk-report h1'],
  body: ['.xxgk-report'],
  heading1: ['.xxgk-report h2'],
  heading2: ['.xxgk-report h3', '.xxgk-report .run-in-2'],
  heading3: ['.xxgk-report h4', '.xxgk-report .run-in-3'],
  table: ['.xxgk-report table'],
  pageNumber: [],
};

type FontRolesModule = typeof import('../../src/style/font-roles');

/** The names and stacks of the real table, none of which may show once the table is replaced. */
const REAL_WORD_NAMES = new Set(ROLES.flatMap((r) => FONT_PROFILES.flatMap((p) => Object.values(ROLE_FONTS[r].word[p]) as string[])));
const REAL_WEB_FAMILIES = new Set(ROLES.flatMap((r) => [...(ROLE_FONTS[r].web ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1])));

const FANDOL = ['FandolFang-Regular', 'FandolHei-Regular', 'FandolKai-Regular', 'FandolSong-Regular', 'FandolSong-Bold'];

/** A made-up row per role: other names, other faces, other fallbacks, other system fonts, other stacks. */
function standIn(role: Role, i: number): RoleFonts {
  const f = i % 4;
  return {
    word: {
      official: { eastAsia: `官方-${role}`, ascii: `Latin-${role}`, altName: `别名-${role}` },
      bundled: { eastAsia: `Open-${role}`, ascii: `OpenLatin-${role}` },
    },
    bundled: { face: FANDOL[f], boldFace: role === 'heading3' ? 'FandolSong-Bold' : undefined },
    fallbacks: [FANDOL[(f + 1) % 5], FANDOL[(f + 2) % 5]],
    system: [{ key: `sys-${role}`, names: [role === 'heading2' ? 'Noto Serif SC' : `nowhere-${role}`], files: [`sys-${role}.ttf`], fileHints: [] }],
    web: role === 'pageNumber' ? undefined : `"web-${role}", serif`,
  };
}

/** The consumers, loaded afresh after the table's rows are replaced by stand-ins. */
function consumersOfStandInTable() {
  let mods!: {
    roles: FontRolesModule;
    writeDocx: typeof import('../../src/writers/docx').writeDocx;
    writeHtml: typeof import('../../src/writers/html').writeHtml;
    indexPage: typeof import('../../src/batch/index-page').indexPage;
    resolveFontSet: typeof import('../../src/fonts/resolve').resolveFontSet;
  };
  jest.isolateModules(() => {
    const roles = require('../../src/style/font-roles') as FontRolesModule;
    const table = roles.ROLE_FONTS as Record<Role, RoleFonts>;
    ROLES.forEach((role, i) => (table[role] = standIn(role, i)));
    mods = {
      roles,
      writeDocx: require('../../src/writers/docx').writeDocx,
      writeHtml: require('../../src/writers/html').writeHtml,
      indexPage: require('../../src/batch/index-page').indexPage,
      resolveFontSet: require('../../src/fonts/resolve').resolveFontSet,
    };
  });
  return mods;
}

const xmlParts = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) parts.set(name, await zip.files[name].async('string'));
  return { zip, parts };
};

describe('the role → font table (style/font-roles.ts)', () => {
  let tree: DocTree;
  let mods: ReturnType<typeof consumersOfStandInTable>;
  const tmp = tempDir();
  beforeAll(() => {
    tree = sampleTree();
    mods = consumersOfStandInTable();
  });
  afterAll(tmp.cleanup);

  it.each(FONT_PROFILES)('is where Word takes every role’s names from (%s profile)', async (profile) => {
    const { parts } = await xmlParts(await mods.writeDocx(tree, GBT9704, { fontProfile: profile, embedFonts: false }));
    const styles = parts.get('word/styles.xml')!;
    const fontTable = parts.get('word/fontTable.xml')!;
    for (const role of ROLES) {
      const { eastAsia, ascii, altName } = mods.roles.ROLE_FONTS[role].word[profile];
      expect(styles).toContain(`w:ascii="${ascii}" w:hAnsi="${ascii}" w:eastAsia="${eastAsia}"`);
      expect(fontTable).toContain(`<w:font w:name="${eastAsia}">${altName ? `<w:altName w:val="${altName}"/>` : ''}`);
    }
    const named = new Set([...[...parts.values()].join('').matchAll(/w:(?:ascii|hAnsi|eastAsia|cs|name|val)="([^"]+)"/g)].map((m) => m[1]));
    for (const real of REAL_WORD_NAMES) expect(named).not.toContain(real);
  });

  it('is where Word asks for bold and embeds faces from, with the bundled profile', async () => {
    const { zip, parts } = await xmlParts(await mods.writeDocx(tree, GBT9704, { fontProfile: 'bundled' }));
    const fontTable = parts.get('word/fontTable.xml')!;
    const rels = await zip.file('word/_rels/fontTable.xml.rels')!.async('string');
    const embedded = new Map<string, string>();
    for (const [font, family] of fontTable.matchAll(/<w:font w:name="([^"]+)">.*?<\/w:font>/g)) {
      for (const [, style, id, key] of font.matchAll(/<w:embed(Regular|Bold) r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"/g)) {
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
        const data = await zip.file(`word/${target}`)!.async('uint8array');
        embedded.set(`${family} ${style}`, fontkit.create(Buffer.from(obfuscateFont(data, key))).postscriptName);
      }
    }
    const fonts = (r: Role) => mods.roles.ROLE_FONTS[r];
    for (const role of ROLES) expect(embedded.get(`${fonts(role).word.bundled.eastAsia} Regular`)).toBe(fonts(role).bundled.face);
    // heading3 is bold and its stand-in family has a bold face; the title's stand-in has none.
    expect(embedded.get(`Open-heading3 Bold`)).toBe('FandolSong-Bold');
    expect([...embedded.keys()].filter((k) => k.endsWith(' Bold'))).toEqual(['Open-heading3 Bold']);
    // The real title's bundled face is FandolSong's bold one, so Word asks for bold; the stand-in's is not.
    expect(styleOf(parts.get('word/styles.xml')!, 'Title')).not.toContain('<w:b/>');
  });

  it('is where the PDF takes the system fonts, bundled face and fallbacks of every role from', () => {
    const sys = path.join(tmp.dir, 'system-fonts');
    fs.mkdirSync(sys);
    fs.symlinkSync(path.join(BUNDLED_DIR, 'NotoSerifSC-Regular.ttf'), path.join(sys, 'sys-heading2.ttf'));
    const set = mods.resolveFontSet({ systemDirs: [sys] });
    for (const role of ROLES) {
      const f = mods.roles.ROLE_FONTS[role];
      const expected = [f.bundled.face, ...f.fallbacks].map((ps) => [ps, 'bundled']);
      if (role === 'heading2') expected.unshift(['NotoSerifSC-Regular', 'system']);
      expect(set[role].map((face) => [face.postscriptName, face.source])).toEqual(expected);
    }
  });

  it('is where the web page and the batch index take every role’s font stack from', () => {
    const html = new TextDecoder().decode(mods.writeHtml(tree));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const rule = (selector: string) => new RegExp(`^${selector.replace(/[.]/g, '\\.')} \\{([^}]*)\\}`, 'm').exec(style)?.[1] ?? '';
    for (const role of ROLES) {
      const web = mods.roles.ROLE_FONTS[role].web;
      for (const selector of SELECTORS[role]) expect([selector, rule(selector)]).toEqual([selector, expect.stringContaining(`font-family: ${web};`)]);
    }
    const index = mods.indexPage({ results: [] } as unknown as Parameters<typeof mods.indexPage>[0]);
    for (const role of ['body', 'title'] as const) expect(index).toContain(`font-family: ${mods.roles.ROLE_FONTS[role].web};`);
    for (const real of REAL_WEB_FAMILIES) {
      expect(style).not.toContain(`"${real}"`);
      expect(index).not.toContain(`"${real}"`);
    }
  });

  describe('its real rows', () => {
    it('name in Word the official font the PDF looks for first, and the family the bundled face states', () => {
      for (const role of ROLES) {
        const f = ROLE_FONTS[role];
        expect(f.word.official.eastAsia).toBe(f.system[0].key);
        const [face] = listFaces(path.join(BUNDLED_DIR, `${f.bundled.face}.ttf`));
        expect(face.families).toContain(f.word.bundled.eastAsia);
        for (const name of [f.bundled.boldFace, ...f.fallbacks]) if (name) expect(fs.existsSync(path.join(BUNDLED_DIR, `${name}.ttf`))).toBe(true);
      }
    });

    it('give the roles GB/T 9704 sets in one face one row, and every text role but page numbers a web stack', () => {
      expect(ROLE_FONTS.heading3).toBe(ROLE_FONTS.body);
      expect(ROLE_FONTS.table).toBe(ROLE_FONTS.body);
      expect(ROLES.filter((r) => !ROLE_FONTS[r].web)).toEqual(['pageNumber']);
    });
  });
});

/**
 * Font loading and resolution. Hermetic: the system lookup is disabled or pointed at a
 * temporary folder, so installed fonts never change the outcome.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BUNDLED_DIR,
  defaultFontDirs,
  describeFontSet,
  facesOf,
  findUncoveredChars,
  FontError,
  formatFontSet,
  loadFontFace,
  parseFontOption,
  resolveFontSet,
  subsetFace,
} from '../../src/fonts';
import { ROLES } from '../../src/style/settings';
import { buildFonts, nameTable, tablesOf } from './sfnt-build';

const RARE = '堃喆旻玥镕彧';
const bundled = (name: string) => loadFontFace(path.join(BUNDLED_DIR, `${name}.ttf`), { source: 'bundled' });
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-fonts-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('bundled font set (system lookup off)', () => {
  const set = resolveFontSet({ systemFonts: false });

  test('every role has its Fandol face first and Noto Serif SC last', () => {
    expect(set.title[0].postscriptName).toBe('FandolSong-Bold');
    expect(set.body[0].postscriptName).toBe('FandolFang-Regular');
    expect(set.heading1[0].postscriptName).toBe('FandolHei-Regular');
    expect(set.heading2[0].postscriptName).toBe('FandolKai-Regular');
    expect(set.heading3[0].postscriptName).toBe('FandolFang-Regular');
    expect(set.table[0].postscriptName).toBe('FandolFang-Regular');
    expect(set.pageNumber[0].postscriptName).toBe('FandolSong-Regular');
    for (const role of ROLES) {
      expect(set[role]).toHaveLength(2);
      expect(set[role][1].postscriptName).toBe('NotoSerifSC-Regular');
      for (const f of set[role]) expect(f.source).toBe('bundled');
    }
  });

  test('the fallback covers the rare name characters Fandol lacks', () => {
    const body = set.body;
    expect(findUncoveredChars(RARE, [body[0]]).map((u) => u.char).join('')).toBe(RARE);
    expect(findUncoveredChars(`某局局长${RARE}同志\n`, body)).toEqual([]);
    for (const role of ROLES) expect(findUncoveredChars(RARE, set[role])).toEqual([]);
    const miss = findUncoveredChars('正文\u{10FFFD}文', body);
    expect(miss).toEqual([{ char: '\u{10FFFD}', codePoint: 0x10fffd }]);
  });

  test('faces are parsed once per process and share one object', () => {
    expect(bundled('FandolFang-Regular')).toBe(set.body[0]);
    const byName = loadFontFace(path.join(BUNDLED_DIR, 'FandolFang-Regular.ttf'), { source: 'bundled', faceName: 'FandolFang-Regular' });
    expect(byName).toBe(set.body[0]);
    expect(set.table[0]).toBe(set.body[0]);
    expect(facesOf(set).size).toBe(6);
  });

  test('hasChar is false for .notdef; advances are cached font units', () => {
    const f = set.body[0];
    expect(f.unitsPerEm).toBe(1000);
    expect(f.hasChar(0x4e00)).toBe(true);
    expect(f.hasChar(0x5803)).toBe(false); // 堃
    expect(f.hasChar(0xe000)).toBe(false);
    expect(f.advance(0x4e00)).toBe(1000);
    expect(f.advance(0x31)).toBeGreaterThan(0);
    expect(f.advance(0x31)).toBeLessThan(1000);
    expect(f.ascender).toBeGreaterThan(0);
    expect(f.descender).toBeLessThan(0);
    // FandolSong states a positive hhea descent; the OS/2 value is used.
    expect(set.pageNumber[0].descender).toBeLessThan(0);
  });

  test('describe and format the set', () => {
    const d = describeFontSet(set);
    expect(d.map((r) => r.role)).toEqual([...ROLES]);
    expect(d[1].faces[0]).toMatchObject({ postscriptName: 'FandolFang-Regular', source: 'bundled' });
    const text = formatFontSet(d);
    expect(text).toContain('正文（body）');
    expect(text).toContain('内置字体');
    expect(text).toContain(path.join(BUNDLED_DIR, 'NotoSerifSC-Regular.ttf'));
  });
});

describe('--font ROLE=FILE', () => {
  test('parses English and Chinese role names and a .ttc face', () => {
    expect(parseFontOption('body=/a/b.ttf')).toEqual({ role: 'body', file: '/a/b.ttf' });
    expect(parseFontOption('正文=/a/仿宋.ttf')).toEqual({ role: 'body', file: '/a/仿宋.ttf' });
    expect(parseFontOption('pagenumber=/a/simsun.ttc#SimSun')).toEqual({ role: 'pageNumber', file: '/a/simsun.ttc', faceName: 'SimSun' });
  });

  test.each([
    ['body', /格式不对.*角色=字体文件/],
    ['bodytext=/a.ttf', /角色“bodytext”不存在.*body（正文）/],
    ['body=', /缺少字体文件路径/],
    ['body=/a/x.ttc#', /缺少字体名/],
  ])('%s → clear Chinese error', (spec, msg) => {
    expect(() => parseFontOption(spec)).toThrow(FontError);
    expect(() => parseFontOption(spec)).toThrow(msg);
  });

  test('missing file, non-font file and CFF font are refused naming role and file', () => {
    const missing = path.join(tmp, 'nope.ttf');
    expect(() => resolveFontSet({ systemFonts: false, userFonts: [`body=${missing}`] })).toThrow(/--font body（正文）：找不到字体文件 .*nope\.ttf/);
    const text = path.join(tmp, 'notes.ttf');
    fs.writeFileSync(text, '这不是字体文件，只是文字说明。');
    expect(() => resolveFontSet({ systemFonts: false, userFonts: [`heading1=${text}`] })).toThrow(/--font heading1（一级标题）：.*notes\.ttf 不是可用的字体文件/);
    const cff = path.join(tmp, 'cff.otf');
    const t = tablesOf(subsetFace(bundled('FandolKai-Regular'), [0x4e00]).bytes);
    t.set('CFF ', new Uint8Array(8));
    fs.writeFileSync(cff, buildFonts([t], false, 0x4f54544f));
    expect(() => resolveFontSet({ systemFonts: false, userFonts: [`title=${cff}`] })).toThrow(/--font title（标题）：.*CFF.*TrueType/);
  });

  test('a font whose licence bits forbid embedding is refused (user) or skipped (system)', () => {
    const withFsType = (fsType: number) => {
      const t = tablesOf(subsetFace(bundled('FandolHei-Regular'), [0x4e00, 0x9ed1]).bytes);
      const os2 = t.get('OS/2')!;
      new DataView(os2.buffer, os2.byteOffset).setUint16(8, fsType);
      return buildFonts([t], false);
    };
    const restricted = path.join(tmp, 'restricted.ttf');
    fs.writeFileSync(restricted, withFsType(0x0002));
    expect(() => resolveFontSet({ systemFonts: false, userFonts: [`heading1=${restricted}`] })).toThrow(/--font heading1（一级标题）：.*restricted\.ttf：字体授权不允许嵌入/);
    const noSubset = path.join(tmp, 'nosubset.ttf');
    fs.writeFileSync(noSubset, withFsType(0x0100));
    expect(() => resolveFontSet({ systemFonts: false, userFonts: [`heading1=${noSubset}`] })).toThrow(/不允许子集化/);
    const printable = path.join(tmp, 'printable.ttf');
    fs.writeFileSync(printable, withFsType(0x0004));
    expect(resolveFontSet({ systemFonts: false, userFonts: [`heading1=${printable}`] }).heading1[0].source).toBe('user');
  });

  test('a user font leads its chain; body also serves heading3 and table', () => {
    const file = path.join(BUNDLED_DIR, 'FandolKai-Regular.ttf');
    const set = resolveFontSet({ systemFonts: false, userFonts: [`body=${file}`, { role: 'title', file }] });
    for (const role of ['body', 'heading3', 'table', 'title'] as const) {
      expect(set[role][0].postscriptName).toBe('FandolKai-Regular');
      expect(set[role][0].source).toBe('user');
    }
    expect(set.body.map((f) => f.postscriptName)).toEqual(['FandolKai-Regular', 'FandolFang-Regular', 'NotoSerifSC-Regular']);
    expect(set.heading2.map((f) => f.postscriptName)).toEqual(['FandolKai-Regular', 'NotoSerifSC-Regular']);
    expect(set.heading2[0].source).toBe('bundled');
  });

  test('a .ttc collection: face picked by name, or a message listing its faces', () => {
    const hei = tablesOf(subsetFace(bundled('FandolHei-Regular'), [0x4e00, 0x9ed1]).bytes);
    const kai = tablesOf(subsetFace(bundled('FandolKai-Regular'), [0x4e00, 0x6977]).bytes);
    const ttc = path.join(tmp, 'pair.ttc');
    fs.writeFileSync(ttc, buildFonts([hei, kai], true));
    expect(() => resolveFontSet({ systemFonts: false, userFonts: [`heading2=${ttc}`] })).toThrow(/集合.*FandolHei-Regular、FandolKai-Regular/);
    expect(() => resolveFontSet({ systemFonts: false, userFonts: [`heading2=${ttc}#楷体`] })).toThrow(/没有名为“楷体”的字体/);
    const set = resolveFontSet({ systemFonts: false, userFonts: [`heading2=${ttc}#FandolKai-Regular`] });
    const face = set.heading2[0];
    expect(face.postscriptName).toBe('FandolKai-Regular');
    expect(face.hasChar(0x6977)).toBe(true);
    expect(face.hasChar(0x9ed1)).toBe(false);
    // A subset of the face is a standalone font, not the collection.
    const sub = subsetFace(face, [0x6977]);
    expect(new DataView(sub.bytes.buffer, sub.bytes.byteOffset).getUint32(0)).toBe(0x00010000);
    expect(sub.glyphIds.get(0x6977)).toBeGreaterThan(0);
    expect(tablesOf(sub.bytes).get('name')).toEqual(kai.get('name'));
  });
});

describe('official fonts on the system', () => {
  test('the usual folders per platform', () => {
    expect(defaultFontDirs('win32')[0]).toMatch(/Fonts$/);
    expect(defaultFontDirs('darwin')).toContain('/Library/Fonts');
    expect(defaultFontDirs('linux')).toContain('/usr/share/fonts');
    expect(defaultFontDirs('linux')).toContain(path.join(os.homedir(), '.local', 'share', 'fonts'));
  });

  test('found by file name and the family name in the name table, .ttc face by name', () => {
    const dir = path.join(tmp, 'sys');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    const renamed = (src: string, cps: number[], family: string, zh: string, ps: string) => {
      const t = tablesOf(subsetFace(bundled(src), cps).bytes);
      t.set(
        'name',
        nameTable([
          { id: 1, lang: 0x409, text: family },
          { id: 4, lang: 0x409, text: family },
          { id: 6, lang: 0x409, text: ps },
          { id: 1, lang: 0x804, text: zh },
        ]),
      );
      return t;
    };
    fs.writeFileSync(path.join(dir, 'simhei.ttf'), buildFonts([renamed('FandolHei-Regular', [0x4e00, 0x9ed1], 'SimHei', '黑体', 'SimHei')], false));
    // SimSun in a collection after NSimSun, in a sub-folder.
    fs.writeFileSync(
      path.join(dir, 'sub', 'simsun.ttc'),
      buildFonts(
        [
          renamed('FandolSong-Regular', [0x4e00], 'NSimSun', '新宋体', 'NSimSun'),
          renamed('FandolSong-Regular', [0x4e00, 0x5b8b], 'SimSun', '宋体', 'SimSun'),
        ],
        true,
      ),
    );
    // A file whose name does not look like an official font is never opened.
    fs.writeFileSync(path.join(dir, 'random.ttf'), 'not a font');
    const set = resolveFontSet({ systemDirs: [dir] });
    expect(set.heading1.map((f) => [f.postscriptName, f.source])).toEqual([
      ['SimHei', 'system'],
      ['FandolHei-Regular', 'bundled'],
      ['NotoSerifSC-Regular', 'bundled'],
    ]);
    expect(set.pageNumber[0]).toMatchObject({ postscriptName: 'SimSun', source: 'system' });
    expect(set.pageNumber[0].hasChar(0x5b8b)).toBe(true);
    expect(set.body[0].source).toBe('bundled');
    expect(formatFontSet(describeFontSet(set))).toContain('系统字体');
  });

  test('a system font whose licence forbids embedding is skipped', () => {
    const dir = path.join(tmp, 'sys-restricted');
    fs.mkdirSync(dir, { recursive: true });
    const t = tablesOf(subsetFace(bundled('FandolKai-Regular'), [0x4e00]).bytes);
    t.set('name', nameTable([{ id: 1, lang: 0x409, text: 'KaiTi' }, { id: 6, lang: 0x409, text: 'KaiTi' }]));
    new DataView(t.get('OS/2')!.buffer, t.get('OS/2')!.byteOffset).setUint16(8, 0x0002);
    fs.writeFileSync(path.join(dir, 'simkai.ttf'), buildFonts([t], false));
    const set = resolveFontSet({ systemDirs: [dir] });
    expect(set.heading2[0]).toMatchObject({ postscriptName: 'FandolKai-Regular', source: 'bundled' });
  });
});

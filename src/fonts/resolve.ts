/**
 * Resolving the font set: for every role, a chain of faces. In order:
 *   1. the user's `--font ROLE=FILE` (a `body` font also serves heading3 and table unless
 *      those are given too);
 *   2. the official fonts installed on the system (unless disabled, e.g. in tests);
 *   3. the bundled open font of the role (fonts/, Fandol);
 *   4. the wide-coverage fallbacks (Noto Serif SC).
 * Steps 2–4 come from the role's row of style/font-roles.ts.
 */
import * as path from 'node:path';
import { ROLE_FONTS } from '../style/font-roles';
import { ROLE_LABELS, ROLES, type Role } from '../style/settings';
import type { FontFace, FontSet } from './font-face';
import { embeddingRefusal, FontError, loadFontFace } from './load';
import { findSystemFonts } from './system';

/** Folder of the bundled fonts (the same relative place from src/fonts and dist/fonts). */
export const BUNDLED_DIR = path.resolve(__dirname, '..', '..', 'fonts');

/** Chinese names of the roles are accepted in `--font` too. */
export { ROLE_LABELS };

/** A parsed `--font ROLE=FILE[#FACE]`. */
export interface FontOption {
  role: Role;
  file: string;
  /** Face of a .ttc collection (PostScript, family or full name). */
  faceName?: string;
}

function roleList(): string {
  return ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、');
}

/**
 * Parses `ROLE=FILE` or `ROLE=FILE#FACE` (FACE picks a face of a .ttc). ROLE is an English
 * role name or its Chinese label. Throws `FontError` with a Chinese message.
 */
export function parseFontOption(spec: string): FontOption {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new FontError(`--font 参数“${spec}”格式不对，应为“角色=字体文件”，例如 body=/path/仿宋_GB2312.ttf；可用的角色：${roleList()}`);
  const name = spec.slice(0, eq).trim();
  const value = spec.slice(eq + 1).trim();
  const role = ROLES.find((r) => r.toLowerCase() === name.toLowerCase() || ROLE_LABELS[r] === name);
  if (!role) throw new FontError(`--font 参数中的角色“${name}”不存在；可用的角色：${roleList()}`);
  if (!value) throw new FontError(`--font ${name}= 缺少字体文件路径`);
  const hash = value.lastIndexOf('#');
  if (hash > 0 && /\.(ttc|otc)$/i.test(value.slice(0, hash))) {
    const faceName = value.slice(hash + 1).trim();
    if (!faceName) throw new FontError(`--font ${name}=${value}：“#”后缺少字体名`);
    return { role, file: value.slice(0, hash), faceName };
  }
  return { role, file: value };
}

/** Options of `resolveFontSet`. */
export interface ResolveOptions {
  /** `--font` values, raw (`ROLE=FILE`) or parsed. */
  userFonts?: ReadonlyArray<string | FontOption>;
  /** Look for the official fonts on the system (default true; tests pass false). */
  systemFonts?: boolean;
  /** Directories to search instead of the usual system ones. */
  systemDirs?: readonly string[];
  /** Folder of the bundled fonts (default `fonts/` of this package). */
  bundledDir?: string;
}

/** Roles a user font given for `body` also serves when not given themselves. */
const BODY_LIKE: readonly Role[] = ['heading3', 'table'];

function loadUser(opt: FontOption): FontFace {
  try {
    const face = loadFontFace(opt.file, { source: 'user', faceName: opt.faceName });
    const refusal = embeddingRefusal(face);
    if (refusal) throw new FontError(`${opt.file}：${refusal}；请换用允许嵌入的字体`);
    return face;
  } catch (e) {
    if (e instanceof FontError) throw new FontError(`--font ${opt.role}（${ROLE_LABELS[opt.role]}）：${e.message}`);
    throw e;
  }
}

/**
 * The chains of faces for every role. Throws `FontError` (Chinese message naming the role
 * or file) for a bad `--font` value or a missing bundled font.
 */
export function resolveFontSet(options: ResolveOptions = {}): FontSet {
  const userByRole = new Map<Role, FontFace>();
  for (const u of options.userFonts ?? []) {
    const opt = typeof u === 'string' ? parseFontOption(u) : u;
    userByRole.set(opt.role, loadUser(opt));
  }
  const body = userByRole.get('body');
  if (body) for (const r of BODY_LIKE) if (!userByRole.has(r)) userByRole.set(r, body);

  const system = options.systemFonts === false ? undefined : findSystemFonts(options.systemDirs);
  const dir = options.bundledDir ?? BUNDLED_DIR;
  const bundled = (name: string): FontFace => {
    try {
      return loadFontFace(path.join(dir, `${name}.ttf`), { source: 'bundled' });
    } catch (e) {
      throw new FontError(`内置字体 ${name}.ttf 无法使用（${(e as Error).message}）；请重新安装 xxgk`);
    }
  };

  const set = {} as FontSet;
  for (const role of ROLES) {
    const chain: FontFace[] = [];
    const add = (f: FontFace) => {
      if (!chain.some((c) => c.id === f.id)) chain.push(f);
    };
    const user = userByRole.get(role);
    if (user) add(user);
    const fonts = ROLE_FONTS[role];
    for (const official of system ? fonts.system : []) {
      const found = system!.get(official.key);
      if (!found || found.cff) continue;
      try {
        const face = loadFontFace(found.file, { source: 'system', faceName: found.faceName });
        if (!embeddingRefusal(face)) add(face);
      } catch {
        // An unreadable system font, or one whose licence forbids embedding, is skipped;
        // the bundled font serves instead.
      }
    }
    add(bundled(fonts.bundled.face));
    for (const name of fonts.fallbacks) add(bundled(name));
    set[role] = chain;
  }
  return set;
}

/** Every face of a set by id, for the PDF painter. */
export function facesOf(set: FontSet): Map<string, FontFace> {
  const m = new Map<string, FontFace>();
  for (const role of ROLES) for (const f of set[role] ?? []) if (!m.has(f.id)) m.set(f.id, f);
  return m;
}

/** One face of a role's chain, as `xxgk fonts` shows it. */
export interface FaceDescription {
  id: string;
  family: string;
  postscriptName: string;
  file: string;
  source: FontFace['source'];
}

/** Which files serve a role, first the role's own face, then fallbacks. */
export interface RoleDescription {
  role: Role;
  label: string;
  faces: FaceDescription[];
}

/** The set as data (for `xxgk fonts --json`). */
export function describeFontSet(set: FontSet): RoleDescription[] {
  return ROLES.map((role) => ({
    role,
    label: ROLE_LABELS[role],
    faces: (set[role] ?? []).map((f) => ({ id: f.id, family: f.family, postscriptName: f.postscriptName, file: f.file, source: f.source })),
  }));
}

const SOURCE_LABELS: Record<FontFace['source'], string> = { user: '用户指定', system: '系统字体', bundled: '内置字体' };

/** The set as text, one role per block (for `xxgk fonts`). */
export function formatFontSet(desc: readonly RoleDescription[]): string {
  const lines: string[] = [];
  for (const r of desc) {
    lines.push(`${r.label}（${r.role}）`);
    r.faces.forEach((f, i) => {
      lines.push(`  ${i === 0 ? '使用' : '备用'}：${f.family}（${f.postscriptName}，${SOURCE_LABELS[f.source]}）${f.file}`);
    });
  }
  return lines.join('\n') + '\n';
}

/** A character no face of a chain has. */
export interface UncoveredChar {
  char: string;
  codePoint: number;
}

/**
 * Characters of `text` that no face of `chain` covers, each once, in order of first
 * appearance (line breaks and tabs are ignored). For `xxgk fonts --check`.
 */
export function findUncoveredChars(text: string, chain: readonly FontFace[]): UncoveredChar[] {
  const seen = new Set<number>();
  const out: UncoveredChar[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x0d || cp === 0x09 || seen.has(cp)) continue;
    seen.add(cp);
    if (!chain.some((f) => f.hasChar(cp))) out.push({ char: ch, codePoint: cp });
  }
  return out;
}

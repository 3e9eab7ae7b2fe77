/**
 * The one table of fonts by typographic role. Every writer takes its fonts from here:
 *
 * - Word (writers/docx): the names a run carries, per profile; the alternative names of the
 *   font table; with the bundled profile, the faces whose subsets are embedded.
 * - PDF (fonts/resolve, fonts/system): the official fonts looked for on the system, then the
 *   bundled open face, then the fallbacks.
 * - The web page (writers/html, batch/index-page): the CSS font stacks.
 *
 * Roles that GB/T 9704 sets in the same face (body, heading3, table) share one entry, so they
 * cannot drift apart. The faces and sizes are those of docs/FORMAT.md §D.
 */
import { ROLES, type Role } from './settings';

/** Which set of font names a Word document references. */
export type FontProfile = 'official' | 'bundled';

/** All profiles, default first. */
export const FONT_PROFILES: readonly FontProfile[] = ['official', 'bundled'];

/** Latin font commonly used for digits and Latin letters in official documents, when asked for. */
export const TIMES_NEW_ROMAN = 'Times New Roman';

/** The names a Word run carries. */
export interface WordFont {
  /** The East Asian slot (Chinese text). */
  eastAsia: string;
  /** The Latin slots (ascii, hAnsi, cs) unless `--latin-font` puts Times New Roman there. */
  ascii: string;
  /** Another name Word and WPS know the face by (`w:altName` in the font table). */
  altName?: string;
}

/** An official font looked for on the system. */
export interface OfficialFont {
  /** The name it is known by (also the key of `findSystemFonts`' result). */
  key: string;
  /** Family names, any of which identifies the font (compared case-insensitively). */
  names: readonly string[];
  /** Usual file names, lower case: such files are opened first. */
  files: readonly string[];
  /** Fragments of file names (lower case) that make a file worth opening. */
  fileHints: readonly string[];
}

/** The fonts of one role. */
export interface RoleFonts {
  /** Names written into Word documents, per profile. */
  word: Record<FontProfile, WordFont>;
  /** Open faces shipped in `fonts/` (file names without .ttf). */
  bundled: {
    /** The face the PDF draws the role in and Word embeds for its regular text. */
    face: string;
    /** The family's bold face, where it has one (Word embeds it for bold text). */
    boldFace?: string;
  };
  /** Bundled faces the PDF falls back to, in order, for characters the role's faces lack. */
  fallbacks: readonly string[];
  /** Official fonts the PDF uses when installed, in order of preference. */
  system: readonly OfficialFont[];
  /** CSS `font-family` of the web page; absent where the web page has no such text (page numbers). */
  web?: string;
}

/** The wide-coverage face that ends every chain (rare characters). */
export const FALLBACK_FACE = 'NotoSerifSC-Regular';

export const XIAOBIAOSONG: OfficialFont = {
  key: '方正小标宋简体',
  names: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05'],
  files: ['fzxbsjw.ttf', 'fzxbsk.ttf', '方正小标宋简体.ttf', 'fzxiaobiaosong-b05s.ttf', '方正小标宋_gbk.ttf'],
  fileHints: ['fzxbs', 'xiaobiaosong', '小标宋'],
};
export const FANGSONG_GB2312: OfficialFont = {
  key: '仿宋_GB2312',
  names: ['仿宋_GB2312', 'FangSong_GB2312'],
  files: ['仿宋_gb2312.ttf', 'fangsong_gb2312.ttf', 'simfang_gb2312.ttf', 'fs_gb2312.ttf'],
  fileHints: ['fangsong', 'simfang', '仿宋', '_gb2312'],
};
export const FANGSONG: OfficialFont = { key: '仿宋', names: ['仿宋', 'FangSong'], files: ['simfang.ttf', '仿宋.ttf', 'fangsong.ttf'], fileHints: ['fangsong', 'simfang', '仿宋'] };
export const HEITI: OfficialFont = { key: '黑体', names: ['黑体', 'SimHei'], files: ['simhei.ttf', '黑体.ttf'], fileHints: ['simhei', '黑体'] };
export const KAITI_GB2312: OfficialFont = {
  key: '楷体_GB2312',
  names: ['楷体_GB2312', 'KaiTi_GB2312'],
  files: ['楷体_gb2312.ttf', 'kaiti_gb2312.ttf', 'simkai_gb2312.ttf', 'kt_gb2312.ttf'],
  fileHints: ['kaiti', 'simkai', '楷体', '_gb2312'],
};
export const KAITI: OfficialFont = { key: '楷体', names: ['楷体', 'KaiTi'], files: ['simkai.ttf', '楷体.ttf', 'kaiti.ttf'], fileHints: ['kaiti', 'simkai', '楷体'] };
export const SONGTI: OfficialFont = { key: '宋体', names: ['宋体', 'SimSun'], files: ['simsun.ttc', 'simsun.ttf', '宋体.ttf'], fileHints: ['simsun', '宋体'] };

/** 2号方正小标宋简体; FandolSong's bold face stands in for it, in the PDF and in Word alike. */
const TITLE_FONTS: RoleFonts = {
  word: {
    official: { eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', altName: '方正小标宋_GBK' },
    bundled: { eastAsia: 'FandolSong', ascii: 'FandolSong' },
  },
  bundled: { face: 'FandolSong-Bold', boldFace: 'FandolSong-Bold' },
  fallbacks: [FALLBACK_FACE],
  system: [XIAOBIAOSONG],
  web: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif',
};

/** 仿宋_GB2312 (or 仿宋): body text, 1. headings, tables. */
const FANGSONG_FONTS: RoleFonts = {
  word: {
    official: { eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', altName: '仿宋' },
    bundled: { eastAsia: 'FandolFang', ascii: 'FandolFang' },
  },
  bundled: { face: 'FandolFang-Regular' },
  fallbacks: [FALLBACK_FACE],
  system: [FANGSONG_GB2312, FANGSONG],
  web: '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC", serif',
};

/** 黑体: 一、 headings. */
const HEITI_FONTS: RoleFonts = {
  word: {
    official: { eastAsia: '黑体', ascii: '黑体' },
    bundled: { eastAsia: 'FandolHei', ascii: 'FandolHei' },
  },
  bundled: { face: 'FandolHei-Regular' },
  fallbacks: [FALLBACK_FACE],
  system: [HEITI],
  web: '"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
};

/** 楷体_GB2312 (or 楷体): （一） headings. */
const KAITI_FONTS: RoleFonts = {
  word: {
    official: { eastAsia: '楷体_GB2312', ascii: '楷体_GB2312', altName: '楷体' },
    bundled: { eastAsia: 'FandolKai', ascii: 'FandolKai' },
  },
  bundled: { face: 'FandolKai-Regular' },
  fallbacks: [FALLBACK_FACE],
  system: [KAITI_GB2312, KAITI],
  web: '"楷体_GB2312", "楷体", "KaiTi", "STKaiti", "KaiTi_GB2312", "Noto Serif CJK SC", serif',
};

/** 4号宋体 page numbers; no web stack, the web page has no pages. */
const SONGTI_FONTS: RoleFonts = {
  word: {
    official: { eastAsia: '宋体', ascii: '宋体' },
    bundled: { eastAsia: 'FandolSong', ascii: 'FandolSong' },
  },
  bundled: { face: 'FandolSong-Regular', boldFace: 'FandolSong-Bold' },
  fallbacks: [FALLBACK_FACE],
  system: [SONGTI],
};

/** The fonts of every role. */
export const ROLE_FONTS: Readonly<Record<Role, RoleFonts>> = {
  title: TITLE_FONTS,
  body: FANGSONG_FONTS,
  heading1: HEITI_FONTS,
  heading2: KAITI_FONTS,
  heading3: FANGSONG_FONTS,
  table: FANGSONG_FONTS,
  pageNumber: SONGTI_FONTS,
};

/** The Word names of every role in a profile. */
export function wordFonts(profile: FontProfile = 'official'): Record<Role, WordFont> {
  const out = {} as Record<Role, WordFont>;
  for (const role of ROLES) out[role] = ROLE_FONTS[role].word[profile];
  return out;
}

/** True when the role's bundled face is its bold face, so Word must ask for bold to get it. */
export function bundledFaceIsBold(role: Role): boolean {
  const b = ROLE_FONTS[role].bundled;
  return b.boldFace === b.face;
}

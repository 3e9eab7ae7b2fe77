/**
 * Finding the official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312 …) installed on
 * the system. Fast by design: directories are listed (no font is opened) and only files
 * whose names look like one of these fonts have their name tables read; the face is then
 * chosen by the family name it states. The result is cached per process.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROLE_FONTS, type OfficialFont } from '../style/font-roles';
import { ROLES } from '../style/settings';
import { listFaces } from './load';

/** Every official font some role looks for, once each, in role order. */
export const OFFICIAL_FONTS: readonly OfficialFont[] = [...new Set(ROLES.flatMap((role) => ROLE_FONTS[role].system))];

/** Fragments of file names that make a file worth opening. */
const FILE_HINTS = [...new Set(OFFICIAL_FONTS.flatMap((o) => o.fileHints))];
const FONT_EXT = /\.(ttf|ttc|otf)$/i;

/** The usual font directories of this platform (Windows, macOS, or Linux and other Unix). */
export function defaultFontDirs(platform: NodeJS.Platform = process.platform): string[] {
  const home = os.homedir();
  if (platform === 'win32') {
    const dirs = [path.join(process.env.WINDIR || 'C:\\Windows', 'Fonts')];
    if (process.env.LOCALAPPDATA) dirs.push(path.join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  if (platform === 'darwin') return ['/Library/Fonts', path.join(home, 'Library', 'Fonts'), '/System/Library/Fonts'];
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.fonts'), path.join(home, '.local', 'share', 'fonts')];
}

/** Font files under `dirs` (recursively, bounded), listed without opening them. */
function listFontFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= 50000) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 5) walk(p, depth + 1);
      } else if (FONT_EXT.test(e.name)) out.push(p);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

/** A system font file serving an official font. */
export interface SystemFont {
  font: OfficialFont;
  file: string;
  /** The face's PostScript name (picks the face in a .ttc). */
  faceName: string;
  /** True when the face has CFF outlines (cannot be embedded). */
  cff: boolean;
}

const cache = new Map<string, Map<string, SystemFont>>();

/**
 * Official fonts found under `dirs` (default: the usual system font directories),
 * keyed by `OfficialFont.key`. The first file in directory order wins.
 */
export function findSystemFonts(dirs: readonly string[] = defaultFontDirs()): Map<string, SystemFont> {
  const cacheKey = dirs.join('\n');
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const found = new Map<string, SystemFont>();
  const files = listFontFiles(dirs);
  const likely = (f: string) => {
    const base = path.basename(f).toLowerCase();
    return OFFICIAL_FONTS.some((o) => o.files.includes(base)) || FILE_HINTS.some((h) => base.includes(h));
  };
  // Exact usual file names first, then the looser matches.
  const exact = files.filter((f) => OFFICIAL_FONTS.some((o) => o.files.includes(path.basename(f).toLowerCase())));
  const loose = files.filter((f) => likely(f) && !exact.includes(f));
  for (const file of [...exact, ...loose]) {
    if (found.size === OFFICIAL_FONTS.length) break;
    let faces;
    try {
      faces = listFaces(file);
    } catch {
      continue;
    }
    for (const face of faces) {
      const names = face.families.map((n) => n.toLowerCase());
      for (const o of OFFICIAL_FONTS) {
        if (found.has(o.key) || !o.names.some((n) => names.includes(n.toLowerCase()))) continue;
        found.set(o.key, { font: o, file, faceName: face.postscriptName || face.families[0], cff: face.cff });
      }
    }
  }
  cache.set(cacheKey, found);
  return found;
}

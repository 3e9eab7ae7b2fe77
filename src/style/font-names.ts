/**
 * Font family names by role, for writers that reference fonts by name (the .docx writer).
 *
 * - `official`: the faces GB/T 9704 practice names (format.md §D). They are proprietary but installed on
 *   most government PCs, so a document naming them looks right there.
 * - `bundled`: the open Fandol faces shipped in `fonts/`, with their family names exactly as the font
 *   files state them (name ID 1; checked with `fc-scan`), for machines without the official fonts.
 */
import type { Role } from './settings';

/** Which set of font names a document references. */
export type FontProfile = 'official' | 'bundled';

/** All profiles, default first. */
export const FONT_PROFILES: readonly FontProfile[] = ['official', 'bundled'];

/** The East Asian family name of each role. */
export type FontNames = Record<Role, string>;

/** 方正小标宋简体 title, 仿宋_GB2312 body and tables, 黑体 / 楷体_GB2312 / 仿宋_GB2312 headings, 宋体 page numbers. */
export const OFFICIAL_FONT_NAMES: FontNames = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  table: '仿宋_GB2312',
  pageNumber: '宋体',
};

/** The open Fandol families shipped in `fonts/` (FandolSong stands in for both 小标宋 and 宋体). */
export const BUNDLED_FONT_NAMES: FontNames = {
  title: 'FandolSong',
  body: 'FandolFang',
  heading1: 'FandolHei',
  heading2: 'FandolKai',
  heading3: 'FandolFang',
  table: 'FandolFang',
  pageNumber: 'FandolSong',
};

/** The font names of a profile. */
export function fontNames(profile: FontProfile = 'official'): FontNames {
  return profile === 'bundled' ? BUNDLED_FONT_NAMES : OFFICIAL_FONT_NAMES;
}

/** Latin font commonly used for digits and Latin letters in official documents, when asked for. */
export const TIMES_NEW_ROMAN = 'Times New Roman';

import type { FontSet } from '../../../src/fonts/font-face';
import type { LayoutContext } from '../../../src/layout/context';
import { pageGeometry } from '../../../src/layout/geometry';
import { StructureBuilder } from '../../../src/layout/structure';
import { GBT9704, type StyleSettings } from '../../../src/style/settings';
import { fakeFonts } from './fake-fonts';

/** A layout context with GB/T 9704 settings and fake fonts unless given. */
export function testContext(fonts: FontSet = fakeFonts(), style: StyleSettings = GBT9704): LayoutContext {
  return { style, fonts, geo: pageGeometry(style), diags: [], structure: new StructureBuilder() };
}

/**
 * Ways to measure styled text for the table model: with the faces the PDF draws with (the same
 * advances as the layout), or, where no fonts are at hand, by ems (CJK one em, half-width forms
 * and ASCII half an em).
 */
import type { FontSet } from '../fonts/font-face';
import type { StyleSettings } from '../style/settings';
import type { StyledText } from './collect';
import { itemize } from './itemize';
import { measure } from './measure';
import type { TextMeasure } from './table-model';

/** Measures with the document's faces; characters no face has are reported by the layout, not here. */
export function fontMeasure(fonts: FontSet, style: StyleSettings): TextMeasure {
  return (st: StyledText) => measure(st.text, itemize(st, fonts, style, '', []));
}

/** Advance of a code point in ems when no font is at hand. */
export function emAdvance(cp: number): number {
  return cp < 0x1100 || (cp >= 0xff61 && cp <= 0xffdc) ? 0.5 : 1;
}

/** Measures by ems at the roles' sizes. */
export function emMeasure(style: StyleSettings): TextMeasure {
  return (st: StyledText) => {
    const adv = new Float64Array(st.text.length);
    for (const span of st.spans) {
      const size = style.roles[span.role].size;
      for (let i = span.start; i < span.end; i++) {
        const c = st.text.charCodeAt(i);
        if (c === 0x0a || (c >= 0xdc00 && c <= 0xdfff)) continue;
        adv[i] = emAdvance(st.text.codePointAt(i)!) * size;
      }
    }
    return adv;
  };
}

import { flattenItems, type LineItem, type PageFrame, type TextItem } from '../../../src/layout/frames';

export const texts = (p: PageFrame): TextItem[] => flattenItems(p.items).filter((i): i is TextItem => i.kind === 'text');
export const rules = (p: PageFrame): LineItem[] => flattenItems(p.items).filter((i): i is LineItem => i.kind === 'line');
/** All text of a page, items joined in reading order. */
export const pageText = (p: PageFrame): string => texts(p).map((t) => t.text).join('');

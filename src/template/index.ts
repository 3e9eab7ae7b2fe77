/** Report → DocTree through a handlebars template folder (docs/ARCHITECTURE.md §1). */
export { buildDocTree, renderMarkup, type BuildOptions, type BuildResult } from './build-doc-tree';
export { TemplateError, displayPath } from './errors';
export { loadTemplateSet, clearTemplateCache, DEFAULT_TEMPLATE_DIR, MAIN_TEMPLATE, type TemplateSet } from './template-set';
export { buildView, type ReportView } from './view-model';
export { chineseNumeral, chineseOrdinal, formatChineseDate, formatAmountAsEntered, paragraphsMarkup } from './format';

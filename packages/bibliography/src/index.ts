export type * from './types.js';
export { bibliographyExtensions, loadBibliographyFile, loadBibliographyText } from './load.js';
export { assignYearSuffixes, authorYearKey, entryNames, entryYear, nameForCitation } from './names.js';
export { citeprocHtmlToMarkdown, formatReferenceList, toCiteprocItem } from './format.js';
export { doiUrl, normalizeDoi } from './doi.js';
export { defaultLocale, defaultLocaleFor, defaultStyle, resolveLocale, resolveStyle } from './styles.js';
export type { CslResource } from './styles.js';
export { bibliographyRules, checkBibliography, foldText, missingFields } from './rules.js';

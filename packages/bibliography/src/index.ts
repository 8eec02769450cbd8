export type * from './types.js';
export { bibliographyExtensions, loadBibliographyFile, loadBibliographyText } from './load.js';
export { assignYearSuffixes, entryNames, entryYear, nameForCitation } from './names.js';

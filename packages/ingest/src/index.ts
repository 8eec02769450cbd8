export { manuscriptFromBlocks } from './build-manuscript.js';
export { detectLanguage, detectManuscriptLanguage } from './detect-language.js';
export type { LanguageGuess, ThesisLanguage } from './detect-language.js';
export { levelOfNumber, splitHeadingNumber } from './heading-number.js';
export type { HeadingLabel } from './heading-number.js';
export { decideLineJoin } from './line-join.js';
export type { LineJoin } from './line-join.js';
export { markdownToManuscript } from './markdown-to-manuscript.js';
export {
  isAbbreviationPeriod,
  offsetAtPlace,
  passageAt,
  passageAtPlace,
  sentenceOfText,
} from './passage.js';
export type { Passage, PassageOptions, PassagePlace } from './passage.js';
export {
  formatOfPath,
  manuscriptSizeLimit,
  readManuscriptBytes,
} from './read-manuscript.js';
export {
  isBackMatterHeading,
  isReferenceListHeading,
  parseReferenceEntry,
  referenceListHeadings,
} from './reference-list.js';
export { textToManuscript } from './text-to-manuscript.js';
export {
  isUnsupportedExtension,
  refuseUnsupportedFormat,
  supportedManuscriptExtensions,
} from './unsupported-format.js';
export { analyseTextLayout, pageNumberOf } from './text-layout.js';
export type { PageNumberChain, TextLayout, TextLine } from './text-layout.js';
export type { TextSource } from './text-to-manuscript.js';
export type { FieldCitation, FieldCitationItem, ReferenceManager } from './docx-types.js';
export type * from './types.js';

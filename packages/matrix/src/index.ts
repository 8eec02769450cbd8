export { buildMatrix, relationName, relations } from './build-matrix.js';
export { buildDiscussionMap, findChapter, matchCitationToRecord } from './discussion-map.js';
export type { Chapter, DiscussionMapInput } from './discussion-map.js';
export { compileConceptTerms } from './concept-terms.js';
export { narrativeCitation } from './author-date.js';
export { matrixRules } from './rules.js';
export type {
  DiscussionMap,
  DiscussionMention,
  FindingRow,
  Matrix,
  MatrixCodingLink,
  MatrixConcept,
  MatrixInput,
  MatrixLink,
  MatrixRecord,
  Relation,
  SourceConceptCell,
  SourceRow,
} from './types.js';
export {
  frameworkRules,
  parseCoding,
  parseConcepts,
} from './framework/index.js';
export type {
  Coding,
  CodingContext,
  CodingLink,
  CodingResult,
  Concept,
  ConceptFramework,
  ConceptsOptions,
  ConceptsResult,
  FrameworkRuleId,
  Theory,
} from './framework/index.js';

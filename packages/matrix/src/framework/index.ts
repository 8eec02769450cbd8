export { parseConcepts } from './load-concepts.js';
export { parseCoding } from './load-coding.js';
export { frameworkRules } from './rules.js';
export type { FrameworkRuleId } from './rules.js';
export type {
  Coding,
  CodingContext,
  CodingLink,
  CodingResult,
  Concept,
  ConceptFramework,
  ConceptsOptions,
  ConceptsResult,
  Theory,
} from './types.js';

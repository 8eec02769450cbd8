export { checkManuscript } from './check-manuscript.js';
export { entriesFromFields } from './field-entries.js';
export { checkRules } from './rules.js';
export { resolveCitation } from './resolve-citation.js';
export type { CitedWork, Resolution } from './resolve-citation.js';
export { referencesFromEntries, referencesFromList } from './references.js';
export { foldName, normalizeName } from './names.js';
export { findQuotations } from './quotations.js';
export type { Quotation } from './quotations.js';
export type {
  CheckedCitation,
  CheckOptions,
  CheckLanguage,
  CheckResult,
  CheckSummary,
  MatchKind,
  MatchReason,
  MatchReasonKind,
  Reference,
  ReferenceOrigin,
} from './types.js';

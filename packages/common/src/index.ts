export { LitsynthError, exitCodes, isLitsynthError } from './errors.js';
export type { Lang, LitsynthErrorCode, LitsynthErrorOptions } from './errors.js';
export { applyRuleSettings, compareDiagnostics, completeLocalized } from './diagnostic.js';
export type { Diagnostic, Localized, RuleSetting, Severity } from './diagnostic.js';
export {
  defaultSeverity,
  findRule,
  isRuleId,
  ruleDocsPath,
  ruleRegistry,
  rulesOf,
} from './rules.js';
export type { RuleDefinition, RuleId, RuleIdOf, RuleScope } from './rules.js';
export { decodeText, defaultMaxBinaryBytes, defaultMaxTextBytes } from './decode-text.js';
export type { TextEncoding, TextFile } from './decode-text.js';
export { closestName, editDistance } from './edit-distance.js';
export { memoryFileSource, sizeLimit } from './file-source.js';
export type { FileKind, FileSource, ReadRequest } from './file-source.js';

export { LitsynthError, exitCodes, isLitsynthError } from './errors.js';
export type { Lang, LitsynthErrorCode, LitsynthErrorOptions } from './errors.js';
export { applyRuleSettings, compareDiagnostics, completeLocalized } from './diagnostic.js';
export type { Diagnostic, Localized, RuleDefinition, RuleSetting, Severity } from './diagnostic.js';
export { decodeText, defaultMaxBinaryBytes, defaultMaxTextBytes, readFileBytes, readTextFile } from './read-text-file.js';
export type { ReadTextFileOptions, TextEncoding, TextFile } from './read-text-file.js';
export { writeFileAtomic } from './write-file-atomic.js';
export { closestName, editDistance } from './edit-distance.js';

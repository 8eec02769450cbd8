export { loadStudy, studyFileName } from './load-study.js';
export type { LoadStudyOptions } from './load-study.js';
export { norwegianStudyFields, parseStudyConfig } from './study-config.js';
export { unknownRuleSettings } from './rule-settings.js';
export { studyRules } from './study-rules.js';
export type * from './types.js';

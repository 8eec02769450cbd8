export {
  loadStudy,
  readStudyEntries,
  readStudyFile,
  readStudyRecords,
  shownPath,
  studyFileName,
  studyTree,
} from './load-study.js';
export type { LoadStudyOptions, StudyEntries, StudyFile } from './load-study.js';
export { norwegianStudyFields, parseStudyConfig, parseStudyYaml } from './study-config.js';
export type { StudyYaml } from './study-config.js';
export { unknownRuleSettings } from './rule-settings.js';
export { studyRules } from './study-rules.js';
export type * from './types.js';

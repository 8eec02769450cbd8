export {
  checkExitCode,
  checkJson,
  citationToJson,
  combineCheck,
  countByRule,
  referenceListToJson,
  severityCounts,
} from './check-output.js';
export type { CombinedCheck } from './check-output.js';
export { diagnosticToJson } from './diagnostics-json.js';
export type { DiagnosticJson } from './diagnostics-json.js';
export { memoryFileSource, sizeLimit } from './file-source.js';
export type { FileKind, FileSource, ReadRequest } from './file-source.js';
export { documentTitle, failureMessage, openManuscript } from './open-manuscript.js';
export type {
  ManuscriptCheck,
  ManuscriptReferences,
  ManuscriptSession,
  OpenManuscriptOptions,
  StudyContext,
} from './open-manuscript.js';
export {
  bibliographyCheckJson,
  bibliographySummary,
  citationUses,
  citedWithTheirNamesakes,
  coveredByTodo,
  diagnosticsOfListed,
  makeReferenceList,
} from './reference-list.js';
export type { MadeReferenceList, ReferenceListRequest } from './reference-list.js';
export { openStudy } from './open-study.js';
export type {
  OpenStudyOptions,
  StudyCheckInput,
  StudyMatrix,
  StudyRecords,
  StudySession,
  StudyTableFiles,
} from './open-study.js';
export { studyReportData } from './study-report.js';
export type { StudyReportInput } from './study-report.js';

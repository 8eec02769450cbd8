export { parseSourceRecord } from './parse-source-record.js';
export { readSourceRecords } from './read-source-records.js';
export { recordRules } from './rules.js';
export type { RecordRuleId } from './rules.js';
export { sourceRecordSchema } from './validate-frontmatter.js';
export type {
  Finding,
  FindingQuote,
  ReadSourceRecordsOptions,
  SourceRecord,
  SourceRecordResult,
  SourceRecordsResult,
  StudyCharacteristics,
} from './types.js';

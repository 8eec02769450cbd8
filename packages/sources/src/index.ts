export { parseSourceRecord, parseSourceRecordFrontmatter } from './parse-source-record.js';
export {
  readSourceRecordFindings,
  readSourceRecordFrontmatters,
  readSourceRecords,
} from './read-source-records.js';
export { recordRules } from './rules.js';
export type { RecordRuleId } from './rules.js';
export { sourceRecordSchema } from './validate-frontmatter.js';
export type {
  Finding,
  FindingQuote,
  ReadSourceRecordsOptions,
  SourceRecord,
  SourceRecordFrontmatter,
  SourceRecordFrontmatterResult,
  SourceRecordFrontmattersResult,
  SourceRecordResult,
  SourceRecordsResult,
  StudyCharacteristics,
} from './types.js';

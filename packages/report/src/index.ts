export { citationContext, citationOf, renderReport } from './render-report.js';
export { labels as reportLabels } from './labels.js';
export type {
  ReportBlock,
  ReportCitationMark,
  ReportCounts,
  ReportData,
  ReportDiscussionMap,
  ReportFailure,
  ReportHeatMap,
  ReportHeatMapCell,
  ReportKeyLabel,
  ReportManuscript,
  ReportReference,
  ReportStudy,
  ReportTable,
  ReportTypedEntry,
  ReportTypedList,
} from './types.js';
export {
  manuscriptToReportBlocks,
  matrixToHeatMap,
  referenceListToReport,
  typedListToReport,
} from './report-data.js';
export type {
  EntryWithVerification,
  FormattedReference,
  HeatMapInput,
  ManuscriptLike,
  PlacedCitation,
  ResolvedCitation,
  TypedListManuscript,
} from './report-data.js';

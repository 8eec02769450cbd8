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
  ReportManuscript,
  ReportReference,
  ReportStudy,
  ReportTable,
} from './types.js';

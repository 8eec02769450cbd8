export { citationContext, renderReport } from './render-report.js';
export { labels as reportLabels } from './labels.js';
export type {
  ReportBlock,
  ReportCitationMark,
  ReportCounts,
  ReportData,
  ReportFailure,
  ReportHeatMap,
  ReportHeatMapCell,
  ReportManuscript,
  ReportReference,
  ReportStudy,
  ReportTable,
} from './types.js';

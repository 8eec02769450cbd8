export { cellText, createTable, tableRows } from './create-table.js';
export {
  renderTableFiles,
  tableToCsv,
  tableToHtml,
  tableToHtmlSection,
  tableToJson,
  tableToJsonData,
  tableToMarkdown,
  tableToMdast,
  tablesToHtml,
  tablesToMarkdown,
} from './write-table.js';
export type { RenderTableFilesOptions, TableFile } from './write-table.js';
export { tableToGfm } from './table-to-gfm.js';
export { tableToHastElement, tableToHtmlString } from './table-to-hast.js';
export {
  articleMatrixTable,
  discussionTables,
  searchHistoryTable,
  similaritiesTable,
} from './thesis-tables.js';
export type { EntryLike, StudyTablesInput } from './thesis-tables.js';
export {
  discussionMapTable,
  findingsMatrixTable,
  gapsTable,
  matrixToTable,
} from './matrix-tables.js';
export type { MatrixTablesInput } from './matrix-tables.js';
export { notStated, notStatedNote } from './labels.js';
export type {
  CellContent,
  CreateTableOptions,
  CsvOptions,
  TableJson,
  TableWriteOptions,
  ThesisTable,
} from './types.js';

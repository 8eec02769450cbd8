import { exitCodes, type Lang } from '@litsynth/common';
import {
  articleMatrixTable,
  discussionTables,
  renderTableFiles,
  searchHistoryTable,
  similaritiesTable,
} from '@litsynth/tables';
import { csvSeparator } from '../output/csv-separator.js';
import { buildStudyMatrix, outputDir, report, type MatrixCommandOptions } from './matrix.js';

/**
 * `litsynth tables <study>`: the thesis tables — search history, article matrix, one discussion
 * table per coded concept, similarities and differences — in Markdown, HTML, CSV and JSON, written
 * to `<study>/out` (or --out): tables.md, tables.html, tables.json and tables/<id>.md|html|csv|json.
 * Exit 1 when a problem of severity error was found (the tables are still written).
 */
export async function tablesCommand(
  studyDir: string,
  options: MatrixCommandOptions,
): Promise<number> {
  const given = csvSeparator(options.csvSeparator);
  const outDir = await outputDir(studyDir, options);
  const built = await buildStudyMatrix(studyDir, {
    allowOutside: options.allowOutsideStudy === true,
  });
  const { study, concepts, matrix, discussion } = built;
  const separator = given ?? study.config.csvSeparator;
  const lang: Lang = options.lang ?? study.config.language;
  const tables = [
    searchHistoryTable(study.config.search, { lang }),
    articleMatrixTable(study.records, { lang }),
  ];
  if (concepts.length > 0) {
    const input = {
      records: study.records,
      concepts,
      matrix,
      entries: study.entries,
      lang,
      ...(discussion ? { discussion } : {}),
    };
    tables.push(...discussionTables(input), similaritiesTable(input));
  }
  const files = renderTableFiles(tables, {
    name: 'tables',
    title:
      lang === 'nb' ? `Tabeller: ${study.config.title.nb}` : `Tables: ${study.config.title.en}`,
    separator,
    tableDir: 'tables',
  });
  await report(built, files, outDir, lang);
  return built.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
    ? exitCodes.errorsFound
    : exitCodes.ok;
}

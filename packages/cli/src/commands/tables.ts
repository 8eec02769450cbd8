import { exitCodes, type Lang } from '@litsynth/common';
import { csvSeparator } from '../output/csv-separator.js';
import {
  type MatrixCommandOptions,
  openStudyOf,
  outputDir,
  report,
  studyMatrix,
} from './matrix.js';

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
  const session = openStudyOf(studyDir, options);
  const built = await studyMatrix(session);
  const lang: Lang = options.lang ?? built.study.config.language;
  const { files } = await session.tableFiles(lang, given, await session.matrix());
  await report(built, files, outDir, lang);
  return built.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
    ? exitCodes.errorsFound
    : exitCodes.ok;
}

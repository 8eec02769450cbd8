import { join, resolve } from 'node:path';
import {
  exitCodes,
  LitsynthError,
  ruleRegistry,
  type Diagnostic,
  type Lang,
  type RuleDefinition,
} from '@litsynth/common';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { openStudy, type StudySession } from '@litsynth/engine';
import type { Manuscript } from '@litsynth/ingest';
import type { Study } from '@litsynth/study';
import type { TableFile } from '@litsynth/tables';
import { sourceLines } from '../output/check-output.js';
import { csvSeparator } from '../output/csv-separator.js';
import { nodeFileSource } from '../output/node-file-source.js';
import {
  asGiven,
  refuseFileAsOutDir,
  refuseOutputsOverInputs,
  studyInputs,
} from '../output/paths.js';
import { renderPretty } from '../output/pretty-diagnostics.js';

/** Options of `litsynth matrix` and `litsynth tables`. */
export interface MatrixCommandOptions {
  out?: string;
  csvSeparator?: string;
  lang?: Lang;
  allowOutsideStudy?: boolean;
}

/** What `litsynth matrix` and `litsynth tables` print their problems against and write beside. */
export interface StudyMatrix {
  study: Study;
  manuscript: Manuscript;
  /** Problems in the records, concepts, coding, matrix and discussion map, rule settings applied. */
  diagnostics: Diagnostic[];
}

/**
 * `litsynth matrix <study>`: the findings × concepts and sources × concepts matrix with its gaps,
 * and the discussion map with the supervisor's cross-check, written to `<study>/out` (or --out):
 * matrix.json (all data), matrix.md and matrix.html (the tables), tables/<id>.md|html|csv|json.
 * Exit 1 when a problem of severity error was found (the outputs are still written).
 */
export async function matrixCommand(
  studyDir: string,
  options: MatrixCommandOptions,
): Promise<number> {
  const given = csvSeparator(options.csvSeparator);
  const outDir = await outputDir(studyDir, options);
  const session = openStudyOf(studyDir, options);
  const config = await session.config();
  if (config.concepts === undefined) {
    throw new LitsynthError(
      'usage',
      'The study names no concepts file (concepts: in study.yaml); there is no matrix to build.',
      {
        file: join(studyDir, 'study.yaml'),
        messageNb:
          'Studien har ingen begrepsfil (concepts: i study.yaml); det finnes ingen matrise å bygge.',
      },
    );
  }
  const built = await studyMatrix(session);
  const lang: Lang = options.lang ?? config.language;
  const { files } = await session.matrixFiles(lang, given);
  await report(built, files, outDir, lang);
  return built.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
    ? exitCodes.errorsFound
    : exitCodes.ok;
}

/** The study of `litsynth matrix` and `litsynth tables`, opened through the engine. */
export function openStudyOf(studyDir: string, options: MatrixCommandOptions): StudySession {
  return openStudy(nodeFileSource, studyDir, {
    pathOf: asGiven,
    ...(options.allowOutsideStudy === true ? { allowOutside: true } : {}),
  });
}

/**
 * What the matrix and the tables are reported with: the study, its manuscript (for quoting the
 * lines of problems) and the problems of the records, concepts, coding, matrix and discussion
 * map. Broken records, concepts or links become diagnostics; the rest still builds.
 */
export async function studyMatrix(session: StudySession): Promise<StudyMatrix> {
  const study = await session.study();
  const manuscript = await (await session.manuscript()).manuscript();
  return { study, manuscript, diagnostics: await session.matrixDiagnostics() };
}

/** The output folder: --out, else `<study>/out`; a file there is a usage error, found before any work. */
export async function outputDir(studyDir: string, options: MatrixCommandOptions): Promise<string> {
  const outDir = resolve(options.out ?? join(studyDir, 'out'));
  await refuseFileAsOutDir(outDir, asGiven(outDir));
  return outDir;
}

/** Prints the problems, writes the files atomically (each one whole, or the old one kept) and says where. */
export async function report(
  built: StudyMatrix,
  files: readonly TableFile[],
  outDir: string,
  lang: Lang,
): Promise<void> {
  if (built.diagnostics.length > 0) {
    const rules = new Map<string, RuleDefinition>(ruleRegistry.map((rule) => [rule.id, rule]));
    const lines = await sourceLines(built.manuscript, built.diagnostics);
    process.stderr.write(
      `${renderPretty(built.diagnostics, { lang, lines, rules, color: Boolean(process.stderr.isTTY) }).trimEnd()}\n\n`,
    );
  }
  const where = asGiven(outDir);
  refuseOutputsOverInputs(
    outDir,
    files.map((file) => file.file),
    studyInputs(built.study),
  );
  for (const file of files) await writeFileAtomic(join(outDir, file.file), file.data);
  process.stdout.write(
    `${lang === 'nb' ? `Skrev ${files.length} filer til ${where}:` : `Wrote ${files.length} files to ${where}:`}\n` +
      files.map((file) => `  ${join(where, file.file)}\n`).join(''),
  );
}

import { join, resolve } from 'node:path';
import {
  applyRuleSettings,
  compareDiagnostics,
  exitCodes,
  findRule,
  LitsynthError,
  ruleRegistry,
  writeFileAtomic,
  type Diagnostic,
  type Lang,
  type RuleDefinition,
} from '@litsynth/common';
import { openStudy } from '@litsynth/engine';
import type { Manuscript } from '@litsynth/ingest';
import {
  buildDiscussionMap,
  buildMatrix,
  loadCoding,
  loadConcepts,
  type Concept,
  type DiscussionMap,
  type Matrix,
} from '@litsynth/matrix';
import { loadStudy, type Study } from '@litsynth/study';
import {
  discussionMapTable,
  findingsMatrixTable,
  gapsTable,
  matrixToTable,
  renderTableFiles,
  type TableFile,
} from '@litsynth/tables';
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

/** A study with its concept framework, matrix and discussion map, and every problem found on the way. */
export interface StudyMatrix {
  study: Study;
  /** Empty when the study names no concepts file. */
  concepts: Concept[];
  matrix: Matrix;
  /** Absent when the study names no concepts file. */
  discussion?: DiscussionMap;
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
  const built = await buildStudyMatrix(studyDir, {
    requireConcepts: true,
    allowOutside: options.allowOutsideStudy === true,
  });
  const { study, concepts, matrix, discussion } = built;
  const separator = given ?? study.config.csvSeparator;
  const lang: Lang = options.lang ?? study.config.language;
  const input = { records: study.records, concepts, matrix, lang };
  const tables = [matrixToTable(input), findingsMatrixTable(input), gapsTable(input)];
  if (discussion) tables.push(discussionMapTable({ ...input, discussion }));
  const data = {
    version: 1,
    concepts: concepts.map((concept) => concept.id),
    matrix,
    discussion: discussion ?? null,
  };
  const files: TableFile[] = [
    { file: 'matrix.json', data: `${JSON.stringify(data, null, 2)}\n` },
    ...renderTableFiles(tables, {
      name: 'matrix',
      title:
        lang === 'nb' ? `Matrise: ${study.config.title.nb}` : `Matrix: ${study.config.title.en}`,
      separator,
      tableDir: 'tables',
      combinedJson: false,
    }),
  ];
  await report(built, files, outDir, lang);
  return built.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
    ? exitCodes.errorsFound
    : exitCodes.ok;
}

/**
 * Loads a study and builds what the matrix and the tables rest on: the concept framework and
 * the coding (when the study names them), the matrix, and the discussion map, resolving the
 * manuscript's citations the way `litsynth check` does. Broken records, concepts or links become
 * diagnostics; the rest still builds.
 */
export async function buildStudyMatrix(
  studyDir: string,
  options: { requireConcepts?: boolean; allowOutside?: boolean } = {},
): Promise<StudyMatrix> {
  const study = await loadStudy(studyDir, { allowOutside: options.allowOutside === true });
  const { config } = study;
  if (options.requireConcepts && config.concepts === undefined) {
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
  const problems: Diagnostic[] = study.diagnostics.filter(
    (diagnostic) => findRule(diagnostic.rule)?.scope === 'records',
  );
  let concepts: Concept[] = [];
  let links: Parameters<typeof buildMatrix>[0]['coding'] = [];
  if (config.concepts !== undefined) {
    const loaded = await loadConcepts(asGiven(config.concepts), {
      entryIds: study.entries.map((entry) => entry.id),
    });
    problems.push(...loaded.diagnostics);
    concepts = loaded.framework.concepts;
    if (config.coding !== undefined) {
      const coding = await loadCoding(asGiven(config.coding), { concepts, records: study.records });
      problems.push(...coding.diagnostics);
      links = coding.coding.links;
    }
  }
  const matrix = buildMatrix({ records: study.records, concepts, coding: links });
  problems.push(...matrix.diagnostics);

  const session = openStudy(nodeFileSource, study, { manuscriptPath: asGiven(config.manuscript) });
  const manuscript = await session.manuscript.manuscript();
  let discussion: DiscussionMap | undefined;
  if (config.concepts !== undefined) {
    const citations = await session.manuscript.citations();
    // The check's resolution (fuzzy, with year-only citations taken from their context), so that
    // the map and `litsynth check` agree on which citation is which article.
    const keyByStart = await session.citationKeys();
    discussion = buildDiscussionMap({
      manuscript,
      citations,
      records: study.records,
      concepts,
      matrix,
      chapters: config.chapters,
      resolve: (citation) => keyByStart.get(citation.start) ?? undefined,
    });
    problems.push(...discussion.diagnostics);
  }
  const diagnostics = applyRuleSettings(problems, config.rules).sort(compareDiagnostics);
  const built: StudyMatrix = { study, concepts, matrix, manuscript, diagnostics };
  if (discussion) built.discussion = discussion;
  return built;
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

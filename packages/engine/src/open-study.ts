import type { BibEntry } from '@litsynth/bibliography';
import {
  applyRuleSettings,
  compareDiagnostics,
  type Diagnostic,
  decodeText,
  type FileSource,
  findRule,
  type Lang,
  type RuleScope,
  rulesOf,
} from '@litsynth/common';
import type {
  CodingResult,
  Concept,
  ConceptsResult,
  DiscussionMap,
  Matrix,
} from '@litsynth/matrix';
import type { SourceRecord } from '@litsynth/sources';
import type {
  LoadStudyOptions,
  Study,
  StudyConfig,
  StudyEntries,
  StudyFile,
} from '@litsynth/study';
import type { TableFile, ThesisTable } from '@litsynth/tables';
import { once } from './once.js';
import {
  type ManuscriptSession,
  type OpenManuscriptOptions,
  openManuscript,
  type StudyContext,
} from './open-manuscript.js';

/** How to open a study. */
export interface OpenStudyOptions extends LoadStudyOptions {
  /**
   * The path of a file study.yaml names, as the file source reads it and messages show it (the
   * CLI: relative to the folder the user stands in). Default: relative to the working folder when
   * that is shorter.
   */
  pathOf?: (path: string) => string;
  /** The manuscript's path as the user reads it; default pathOf(the study's manuscript). */
  manuscriptPath?: string;
  /** Bibliography files given beside the study's (`litsynth check --bib`). */
  bib?: readonly string[];
  /**
   * Whether the check of the manuscript reports the problems of the records' bodies (their
   * findings), which it then parses: `litsynth build` does; `litsynth check` reads the records'
   * frontmatter alone.
   */
  recordBodies?: boolean;
  /** Options of the reference list's rendering the platform decides (a cache, other threads). */
  formatOptions?: OpenManuscriptOptions['formatOptions'];
  /**
   * What the check needs of the study, when the platform has it from an earlier run of the same
   * files (the CLI's study cache): then the check reads nothing of the study but its manuscript.
   */
  checkInput?: StudyCheckInput;
}

/** What the check of a study's manuscript needs of the study: plain data, to be kept between runs. */
export interface StudyCheckInput {
  config: StudyConfig;
  /** Every entry, each id once. */
  entries: BibEntry[];
  /** The loading problems the check reports, and the rule settings that name no rule. */
  diagnostics: Diagnostic[];
}

/** The included records with their findings, and the study's problems with theirs. */
export interface StudyRecords {
  records: SourceRecord[];
  /** Every loading problem: study.yaml, bibliography files, whole records, ids defined twice. */
  diagnostics: Diagnostic[];
}

/** The concept framework, the coding and the matrix of a study, with the discussion map. */
export interface StudyMatrix {
  /** The framework as read (absent when the study names no concepts file). */
  framework?: ConceptsResult['framework'];
  /** Empty when the study names no concepts file. */
  concepts: Concept[];
  /** Absent when the study names no coding file (or no concepts file). */
  coding?: CodingResult['coding'];
  matrix: Matrix;
  /** Absent when the study names no concepts file. */
  discussion?: DiscussionMap;
  /** Problems of the concepts, the coding, the matrix and the discussion map (no settings applied). */
  problems: Diagnostic[];
}

/** A study opened once: each part is read or computed when first asked for, and only once. */
export interface StudySession {
  /** The study folder as the user gave it. */
  readonly dir: string;
  /** study.yaml, parsed once and checked (a LitsynthError, exit 2, when unusable). */
  file(): Promise<StudyFile>;
  config(): Promise<StudyConfig>;
  /** The bibliography: the bibliography files and the records' frontmatter (no bodies parsed). */
  entries(): Promise<StudyEntries>;
  /** The included records with their findings (their Markdown parsed). */
  records(): Promise<StudyRecords>;
  /** The study as a whole (configuration, entries, records with findings, problems). */
  study(): Promise<Study>;
  /** Rule settings of study.yaml that name no rule. */
  settingProblems(): Promise<Diagnostic[]>;
  /** What the check of the manuscript needs of the study (as `checkInput` gives it, or read now). */
  checkInput(): Promise<StudyCheckInput>;
  /** The study's manuscript, checked with the study's entries, included articles, rule settings, language and style. */
  manuscript(): Promise<ManuscriptSession>;
  /** The entry each citation points to (the check's resolution), by the citation's start in the text. */
  citationKeys(): Promise<Map<number, string | null>>;
  /** The ids of the entries the manuscript cites. */
  citedKeys(): Promise<Set<string>>;
  /** The concept framework (undefined when the study names no concepts file). */
  concepts(): Promise<ConceptsResult | undefined>;
  /** The coding (undefined when the study names no concepts or no coding file). */
  coding(): Promise<CodingResult | undefined>;
  /**
   * The matrix, and the discussion map resolving citations as the check does (absent when the
   * manuscript cannot be read or checked: that failure is the check's).
   */
  matrix(): Promise<StudyMatrix>;
  /**
   * The problems of `litsynth matrix` and `litsynth tables`: the records', the framework's, the
   * coding's, the matrix's and the discussion map's, the study's rule settings applied, sorted.
   */
  matrixDiagnostics(): Promise<Diagnostic[]>;
  /** The tables and files of `litsynth matrix`: matrix.json, matrix.md|html, tables/<id>.*. */
  matrixFiles(lang: Lang, separator?: ',' | ';'): Promise<StudyTableFiles>;
  /**
   * The thesis tables and their files (`litsynth tables`): search history, article matrix, and
   * with a matrix of concepts, the discussion tables and similarities.
   */
  tableFiles(
    lang: Lang,
    separator?: ',' | ';',
    matrix?: StudyMatrix | undefined,
  ): Promise<StudyTableFiles>;
}

/** Tables and the files they are written as. */
export interface StudyTableFiles {
  tables: ThesisTable[];
  files: TableFile[];
}

// The order the closest-id suggestion has always searched in (a tie goes to the earlier rule).
const settingScopes: readonly RuleScope[] = [
  'check',
  'study',
  'bibliography',
  'records',
  'framework',
  'matrix',
];

/**
 * Opens a study folder over a file source. Nothing is read until asked for: study.yaml is parsed
 * once, the entries need only the records' frontmatter, the records' bodies, the concepts, the
 * coding, the matrix and the tables are read and computed when a command asks for them, each once.
 */
export function openStudy(
  source: FileSource,
  dir: string,
  options: OpenStudyOptions = {},
): StudySession {
  // The study loaders (yaml, the record readers) are imported when the study is first read.
  const studyLibrary = once(() => import('@litsynth/study'));
  const pathOf = async (path: string) =>
    options.pathOf ? options.pathOf(path) : (await studyLibrary()).shownPath(path);
  const file = once(async () => {
    const { readStudyFile } = await studyLibrary();
    return readStudyFile(source, dir, options.allowOutside ? { allowOutside: true } : {});
  });
  const config = once(async () => (await file()).config);
  const entries = once(async () => (await studyLibrary()).readStudyEntries(source, await file()));
  const records = once(async (): Promise<StudyRecords> => {
    const whole = await (await studyLibrary()).readStudyRecords(await entries());
    return { records: whole.records, diagnostics: whole.studyDiagnostics };
  });
  const study = once(async (): Promise<Study> => {
    const read = await records();
    return {
      dir,
      config: await config(),
      entries: (await entries()).entries,
      records: read.records,
      diagnostics: read.diagnostics,
    };
  });
  const settingProblems = once(async () => {
    const read = await file();
    if (Object.keys(read.config.rules).length === 0) return [];
    const known = settingScopes.flatMap((scope) => rulesOf(scope).map((rule) => rule.id));
    return (await studyLibrary()).unknownRuleSettings(read, known);
  });
  const checkInput = once(async (): Promise<StudyCheckInput> => {
    if (options.checkInput) return options.checkInput;
    const loaded = await entries();
    const problems = options.recordBodies ? (await records()).diagnostics : loaded.diagnostics;
    return {
      config: await config(),
      entries: loaded.entries,
      diagnostics: [...problems, ...(await settingProblems())],
    };
  });
  const manuscript = once(async () => {
    const { config: read, entries: known, diagnostics } = await checkInput();
    const context: StudyContext = {
      entries: known,
      included: read.included,
      settings: read.rules,
      language: read.language,
      style: read.style,
      locale: read.locale,
      diagnostics,
    };
    return openManuscript(source, options.manuscriptPath ?? (await pathOf(read.manuscript)), {
      study: context,
      ...(options.bib ? { bib: options.bib } : {}),
      ...(options.formatOptions ? { formatOptions: options.formatOptions } : {}),
    });
  });
  const citationKeys = once(async () => {
    const { result } = await (await manuscript()).check();
    return new Map(result.citations.map((citation) => [citation.start, citation.key]));
  });
  const checkedManuscript = async () => {
    const session = await manuscript();
    return {
      manuscript: await session.manuscript(),
      citations: await session.citations(),
      keyByStart: await citationKeys(),
    };
  };
  const readText = async (path: string, role: string) => {
    const shown = await pathOf(path);
    const bytes = await source.read(shown, { role, binary: false });
    return { text: decodeText(bytes, shown).text, file: shown };
  };
  const matrixLibrary = once(() => import('@litsynth/matrix'));
  const concepts = once(async () => {
    const read = await config();
    if (read.concepts === undefined) return undefined;
    const { text, file } = await readText(read.concepts, 'concept framework');
    const { parseConcepts } = await matrixLibrary();
    return parseConcepts(text, file, {
      entryIds: (await entries()).entries.map((entry) => entry.id),
    });
  });
  const coding = once(async () => {
    const read = await config();
    const framework = await concepts();
    if (framework === undefined || read.coding === undefined) return undefined;
    const { text, file } = await readText(read.coding, 'coding');
    const { parseCoding } = await matrixLibrary();
    return parseCoding(text, file, {
      concepts: framework.framework.concepts,
      records: (await records()).records,
    });
  });
  const matrix = once(async (): Promise<StudyMatrix> => {
    const read = await config();
    const { buildDiscussionMap, buildMatrix } = await matrixLibrary();
    const framework = await concepts();
    const coded = await coding();
    const { records: included } = await records();
    const conceptList = framework?.framework.concepts ?? [];
    const problems: Diagnostic[] = [
      ...(framework?.diagnostics ?? []),
      ...(coded?.diagnostics ?? []),
    ];
    const built = buildMatrix({
      records: included,
      concepts: conceptList,
      coding: coded?.coding.links ?? [],
    });
    problems.push(...built.diagnostics);
    const result: StudyMatrix = { concepts: conceptList, matrix: built, problems };
    if (framework) result.framework = framework.framework;
    if (coded) result.coding = coded.coding;
    // The discussion map needs the manuscript checked; a manuscript that cannot be read or checked
    // is the check's failure to report, and the matrix is built without the map.
    const checked = framework ? await checkedManuscript().catch(() => undefined) : undefined;
    if (checked) {
      // The check's resolution (fuzzy, with year-only citations taken from their context), so that
      // the map and `litsynth check` agree on which citation is which article.
      const { keyByStart } = checked;
      const discussion = buildDiscussionMap({
        manuscript: checked.manuscript,
        citations: checked.citations,
        records: included,
        concepts: conceptList,
        matrix: built,
        chapters: read.chapters,
        resolve: (citation) => keyByStart.get(citation.start) ?? undefined,
      });
      problems.push(...discussion.diagnostics);
      result.discussion = discussion;
    }
    return result;
  });
  const matrixDiagnostics = once(async () => {
    const read = await config();
    const built = await matrix();
    const recordProblems = (await records()).diagnostics.filter(
      (diagnostic) => findRule(diagnostic.rule)?.scope === 'records',
    );
    return applyRuleSettings([...recordProblems, ...built.problems], read.rules).sort(
      compareDiagnostics,
    );
  });
  const tablesLibrary = once(() => import('@litsynth/tables'));
  return {
    dir,
    file,
    config,
    entries,
    records,
    study,
    settingProblems,
    checkInput,
    manuscript,
    citationKeys,
    async citedKeys() {
      return new Set(
        [...(await citationKeys()).values()].filter((key): key is string => key !== null),
      );
    },
    concepts,
    coding,
    matrix,
    matrixDiagnostics,
    async matrixFiles(lang, separator) {
      const read = await config();
      const { concepts: conceptList, matrix: built, discussion } = await matrix();
      const tables = await tablesLibrary();
      const input = {
        records: (await records()).records,
        concepts: conceptList,
        matrix: built,
        lang,
      };
      const list = [
        tables.matrixToTable(input),
        tables.findingsMatrixTable(input),
        tables.gapsTable(input),
      ];
      if (discussion) list.push(tables.discussionMapTable({ ...input, discussion }));
      const data = {
        version: 1,
        concepts: conceptList.map((concept) => concept.id),
        matrix: built,
        discussion: discussion ?? null,
      };
      return {
        tables: list,
        files: [
          { file: 'matrix.json', data: `${JSON.stringify(data, null, 2)}\n` },
          ...tables.renderTableFiles(list, {
            name: 'matrix',
            title: lang === 'nb' ? `Matrise: ${read.title.nb}` : `Matrix: ${read.title.en}`,
            separator: separator ?? read.csvSeparator,
            tableDir: 'tables',
            combinedJson: false,
          }),
        ],
      };
    },
    async tableFiles(lang, separator, withMatrix) {
      const read = await config();
      const tables = await tablesLibrary();
      const { records: included } = await records();
      const list = [
        tables.searchHistoryTable(read.search, { lang }),
        tables.articleMatrixTable(included, { lang }),
      ];
      if (withMatrix && withMatrix.concepts.length > 0) {
        const { concepts: conceptList, matrix: built, discussion } = withMatrix;
        const input = {
          records: included,
          concepts: conceptList,
          matrix: built,
          entries: (await entries()).entries,
          lang,
          ...(discussion ? { discussion } : {}),
        };
        list.push(...tables.discussionTables(input), tables.similaritiesTable(input));
      }
      return {
        tables: list,
        files: tables.renderTableFiles(list, {
          name: 'tables',
          title: lang === 'nb' ? `Tabeller: ${read.title.nb}` : `Tables: ${read.title.en}`,
          separator: separator ?? read.csvSeparator,
          tableDir: 'tables',
        }),
      };
    },
  };
}

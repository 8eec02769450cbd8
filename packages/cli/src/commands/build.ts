import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CheckResult } from '@litsynth/check';
import type { Citation } from '@litsynth/citations';
import {
  applyRuleSettings,
  compareDiagnostics,
  exitCodes,
  isLitsynthError,
  LitsynthError,
  findRule,
  ruleRegistry,
  type Diagnostic,
  type Lang,
  type Localized,
  type RuleId,
} from '@litsynth/common';
import { refuseSystemFolder } from '../output/output-guard.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { Manuscript } from '@litsynth/ingest';
import type { ReportData } from '@litsynth/report';
import type { Study } from '@litsynth/study';
import type { ThesisTable } from '@litsynth/tables';
import {
  type AnnotationSummary,
  describeAnnotation,
  refuseImpossibleAnnotation,
  writeAnnotatedDocx,
} from '../output/annotate.js';
import {
  type ManuscriptReferences,
  openStudy,
  type StudyMatrix,
  type StudySession,
  studyReportData,
} from '@litsynth/engine';
import { checkText, severityCounts } from '../output/check-output.js';
import { nodeFileSource } from '../output/node-file-source.js';
import { nodeFormatPlatform } from '../output/format-platform.js';
import { codeFolders } from '../output/code-files.js';
import {
  asGiven,
  refuseFileAsOutDir,
  refuseOutputsOverInputs,
  studyInputs,
} from '../output/paths.js';
import { csvSeparator } from '../output/csv-separator.js';
import {
  type BuildSnapshot,
  changesJson,
  changesSummary,
  compareBuilds,
  snapshotBuild,
} from '../output/build-changes.js';

/**
 * The packages a build runs, imported only when there is something to build: a build whose
 * stamp still holds needs none of them, and importing them (citeproc, ajv, pdf.js, …) is most of
 * the start-up time.
 */
async function loadLibraries() {
  const [check, citations, ingest, matrix, report] = await Promise.all([
    import('@litsynth/check'),
    import('@litsynth/citations'),
    import('@litsynth/ingest'),
    import('@litsynth/matrix'),
    import('@litsynth/report'),
  ]);
  return { check, citations, ingest, matrix, report };
}

type Libraries = Awaited<ReturnType<typeof loadLibraries>>;
let lib: Libraries;

/** Options of `litsynth build` as commander parses them. */
export interface BuildCommandOptions {
  out?: string;
  quiet?: boolean;
  lang?: Lang;
  /** Also write a copy of the .docx manuscript with a Word comment at each problem to this file. */
  annotate?: string;
  csvSeparator?: string;
  allowOutsideStudy?: boolean;
}

/** A generated file: its path inside the output folder and its full content. */
interface OutputFile {
  path: string;
  content: string;
}

/** A part of the build that failed, with the message the user sees. */
interface PartFailure {
  part: Localized;
  message: Localized;
}

/** What the parts hand on to each other and to the report. */
interface BuildState {
  /** The study opened once: each part asks it for what it needs. */
  session: StudySession;
  study: Study;
  lang: Lang;
  /** The CSV separator: --csv-separator, else the study's. */
  separator: ',' | ';';
  manuscript?: Manuscript;
  citations?: Citation[];
  check?: CheckResult;
  /** Counts of the check's own diagnostics (those in check.json and check.txt). */
  checkCounts?: { errors: number; warnings: number; infos: number };
  matrix?: StudyMatrix;
  diagnostics: Diagnostic[];
  /** The cited entries, the complete ones as listed (trees), and the to-do for the rest. */
  references?: ManuscriptReferences;
  /** The integrity problems of the listed entries (those in bibliography-check.json). */
  bibliography?: Diagnostic[];
  tables: ThesisTable[];
  /** The size of the concept framework and the coding, when the matrix part read them. */
  framework?: { theories: number; concepts: number; links: number };
}

const partNames = {
  check: { nb: 'kildesjekk', en: 'source check' },
  references: { nb: 'referanseliste', en: 'reference list' },
  matrix: { nb: 'matrise', en: 'matrix' },
  tables: { nb: 'tabeller', en: 'tables' },
  report: { nb: 'rapport', en: 'report' },
  annotate: { nb: 'kommentert kopi', en: 'annotated copy' },
  write: { nb: 'skriving', en: 'writing' },
} satisfies Record<string, Localized>;

/**
 * `litsynth build <study>`: the check (as `litsynth check` prints it, JSON and text), the reference
 * list (as `litsynth bib` makes it, Markdown and HTML) with its integrity problems
 * (bibliography-check.json), the matrix and the thesis tables (as
 * `litsynth matrix` and `litsynth tables` write them) and report.html, written to `<study>/out`
 * (or --out). Each file is written
 * atomically and only when its content changed; a part that fails is reported and the others
 * are still written. Exit 0 when every part was written (problems in the thesis are reported in
 * the summary and the report: finding them is the job, not a failure), 2 when the study cannot be
 * read or a part could not be built.
 */
export async function buildCommand(
  studyDir: string,
  options: BuildCommandOptions,
): Promise<number> {
  const started = performance.now();
  const quiet = options.quiet === true;
  const givenSeparator = csvSeparator(options.csvSeparator);
  const outDir = resolve(options.out ?? join(studyDir, 'out'));
  const outGiven = options.out ?? join(studyDir, 'out');
  await refuseFileAsOutDir(outDir, outGiven);
  const stampKey = await buildKey(
    studyDir,
    outDir,
    options.lang,
    givenSeparator,
    options.allowOutsideStudy === true,
  );
  const stampPath = join(outDir, stampFileName);

  // Nothing changed since the last complete build (same inputs, same litsynth, outputs intact):
  // say so, without loading the study again. An annotated copy (outside the output folder) is
  // always written anew.
  const previous = await readStamp(stampPath);
  if (
    options.annotate === undefined &&
    stampKey !== undefined &&
    previous?.key === stampKey &&
    (await stampHolds(previous, outDir))
  ) {
    const seconds = (performance.now() - started) / 1000;
    const count = Object.keys(previous.outputs).length;
    const none =
      previous.facts.lang === 'nb'
        ? '  Endringer siden forrige bygg: ingen'
        : '  Changes since the last build: none';
    if (!quiet)
      process.stdout.write(
        summary({
          facts: previous.facts,
          outDir,
          written: 0,
          unchanged: count,
          failures: 0,
          seconds,
          changes: [none],
        }),
      );
    return exitCodes.ok;
  }

  lib = await loadLibraries();
  const session = openStudy(nodeFileSource, studyDir, {
    pathOf: asGiven,
    // The check of a build reports the problems of the records' findings too.
    recordBodies: true,
    ...(options.allowOutsideStudy === true ? { allowOutside: true } : {}),
    formatOptions: { platform: nodeFormatPlatform() },
  });
  const study = await session.study();
  if (options.annotate !== undefined) {
    refuseSystemFolder(dirname(resolve(options.annotate)), options.annotate);
    await refuseImpossibleAnnotation(asGiven(study.config.manuscript), options.annotate, 'build');
  }
  await createOutDir(outDir, outGiven);
  const lang: Lang = options.lang ?? study.config.language;
  const inputs = await hashFiles(outDir, studyInputs(study));
  const progress = new Progress(!quiet && Boolean(process.stderr.isTTY), lang);
  const state: BuildState = {
    session,
    study,
    lang,
    separator: givenSeparator ?? study.config.csvSeparator,
    diagnostics: [],
    tables: [],
  };
  const files: OutputFile[] = [];
  const failures: PartFailure[] = [];

  const runPart = async (name: Localized, part: () => Promise<OutputFile[]>) => {
    progress.start(name);
    try {
      files.push(...(await part()));
      progress.done(name);
    } catch (error) {
      failures.push({ part: name, message: failureMessage(error) });
      progress.failed(name);
    }
  };

  await runPart(partNames.check, () => checkPart(state));
  await runPart(partNames.references, () => referencesPart(state));
  if (study.config.concepts !== undefined) await runPart(partNames.matrix, () => matrixPart(state));
  await runPart(partNames.tables, () => tablesPart(state));
  const missing = missingParts(state);
  // The report shows what the other parts made, and says which of them failed.
  await runPart(partNames.report, async () => [
    {
      path: 'report.html',
      content: lib.report.renderReport(await reportData(state, failures, missing)),
    },
  ]);
  let annotation: AnnotationSummary | undefined;
  const annotatePath = options.annotate;
  if (annotatePath !== undefined) {
    await runPart(partNames.annotate, async () => {
      annotation = await annotatePart(state, annotatePath);
      return [];
    });
  }

  // What changed since the build before (its snapshot is in the stamp), in changes.json.
  const snapshot = snapshotBuild({
    diagnostics: allDiagnostics(state),
    ...(state.matrix ? { matrix: state.matrix.matrix } : {}),
    tables: state.tables,
  });
  const changes = compareBuilds(previous?.snapshot, snapshot);
  files.push({ path: 'changes.json', content: changesJson(changes, lang) });

  progress.start(partNames.write);
  // An output named like an input (a manuscript check.txt, --out the study folder) is refused
  // before anything is written.
  refuseOutputsOverInputs(
    outDir,
    [...files.map((file) => file.path), stampFileName],
    studyInputs(study),
  );
  const written = await writeOutputs(outDir, files);
  failures.push(...written.failures);
  const facts = factsOf(state, missing);
  // Only a complete build may be skipped next time; every build leaves its snapshot for the next.
  const stamp: BuildStamp = {
    version: 1,
    key: failures.length === 0 && stampKey !== undefined ? stampKey : '',
    inputs,
    outputs: Object.fromEntries(
      files.map((file) => [file.path, hash(Buffer.from(file.content, 'utf8'))]),
    ),
    facts,
    snapshot,
  };
  await writeOutputs(outDir, [
    { path: stampFileName, content: `${JSON.stringify(stamp, null, 2)}\n` },
  ]);
  progress.done(partNames.write);

  const seconds = (performance.now() - started) / 1000;
  // "Built …" only when something was built: when every write failed there is nothing to point to.
  const nothingWritten =
    written.written.length === 0 && written.unchanged.length === 0 && files.length > 0;
  if (!quiet && !nothingWritten) {
    const changeLines = changesSummary(changes, lang, join(asGiven(outDir), 'changes.json'));
    process.stdout.write(
      summary({
        facts,
        outDir,
        written: written.written.length,
        unchanged: written.unchanged.length,
        failures: failures.length,
        seconds,
        changes: changeLines,
      }),
    );
    if (annotation) process.stdout.write(`  ${describeAnnotation(annotation, lang)}`);
  }
  for (const failure of failures) {
    process.stderr.write(`litsynth: ${failure.part[lang]}: ${failure.message[lang]}\n`);
  }
  return failures.length > 0 ? exitCodes.unusableInput : exitCodes.ok;
}

/** Creates the output folder once the study has loaded (not for a study that does not exist). */
async function createOutDir(outDir: string, given: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (cause) {
    throw new LitsynthError(
      'io',
      `Could not create the output folder: ${(cause as Error).message}`,
      {
        file: given,
        messageNb: `Kunne ikke opprette utdatamappen: ${(cause as Error).message}`,
        cause,
      },
    );
  }
}

/** The build stamp: what the last complete build read and wrote, by content hash. */
interface BuildStamp {
  version: 1;
  /** Hash of what else decides the output: litsynth's code, the options, the paths as given. */
  key: string;
  /** Input files (relative to the output folder) → SHA-256. */
  inputs: Record<string, string>;
  /** Output files (relative to the output folder) → SHA-256. */
  outputs: Record<string, string>;
  facts: BuildFacts;
  /** The build's problems, matrix cells and tables, for telling the next build what changed. */
  snapshot?: BuildSnapshot;
}

const stampFileName = '.litsynth-build.json';

async function hashFiles(
  outDir: string,
  files: readonly string[],
): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    hashes[relative(outDir, file)] = bytes === undefined ? 'missing' : hash(bytes);
  }
  return hashes;
}

/**
 * What decides the output besides the input files: the code of every litsynth package (hash of
 * its built files, and the installed version of each of its dependencies), the language option,
 * and the study and output paths as given (paths appear in the outputs). Undefined when the code
 * cannot be found (an unusual installation): then every build is a full build.
 */
async function buildKey(
  studyDir: string,
  outDir: string,
  lang: Lang | undefined,
  separator: string | undefined,
  allowOutside: boolean,
): Promise<string | undefined> {
  try {
    const code = createHash('sha256');
    const names = [
      'common',
      'ingest',
      'citations',
      'bibliography',
      'sources',
      'study',
      'check',
      'matrix',
      'tables',
      'report',
    ];
    for (const folder of await codeFolders(names.map((name) => `@litsynth/${name}`))) {
      for (const path of folder.files)
        code.update(path.slice(folder.path.length)).update(await readFile(path));
      // The bundle holds its dependencies; a workspace package names them in its package.json,
      // installed where pnpm's real paths name their versions (citeproc@2.4.63).
      if (folder.bundled) continue;
      const packageDir = dirname(folder.path);
      const manifest = JSON.parse(
        await readFile(join(packageDir, 'package.json'), 'utf8'),
      ) as Record<string, Record<string, string> | undefined>;
      // The CLI lists its dependencies as devDependencies: the published bundle carries them.
      for (const dependency of Object.keys({
        ...manifest.dependencies,
        ...manifest.devDependencies,
      }).sort()) {
        code.update(
          await realpath(join(packageDir, 'node_modules', dependency)).catch(() => dependency),
        );
      }
    }
    const key = {
      code: code.digest('hex'),
      lang: lang ?? null,
      separator: separator ?? null,
      ...(allowOutside ? { allowOutside } : {}),
      study: asGiven(resolve(studyDir)),
      out: asGiven(outDir),
      cwd: process.cwd(),
    };
    return hash(Buffer.from(JSON.stringify(key), 'utf8'));
  } catch {
    return undefined;
  }
}

async function readStamp(path: string): Promise<BuildStamp | undefined> {
  try {
    const stamp = JSON.parse(await readFile(path, 'utf8')) as BuildStamp;
    return stamp.version === 1 && typeof stamp.key === 'string' && typeof stamp.facts === 'object'
      ? stamp
      : undefined;
  } catch {
    // No stamp, or one we cannot read: build everything.
    return undefined;
  }
}

/** Whether every input still has its hash and every output is still there, unchanged. */
async function stampHolds(stamp: BuildStamp, outDir: string): Promise<boolean> {
  for (const [file, expected] of [
    ...Object.entries(stamp.inputs),
    ...Object.entries(stamp.outputs),
  ]) {
    const bytes = await readFile(resolve(outDir, file)).catch(() => undefined);
    if ((bytes === undefined ? 'missing' : hash(bytes)) !== expected) return false;
  }
  return true;
}

/** The check, as `litsynth check` prints it: check.json and check.txt. */
async function checkPart(state: BuildState): Promise<OutputFile[]> {
  const { lang } = state;
  const session = await state.session.manuscript();
  const manuscript = await session.manuscript();
  const citations = await session.citations();
  const { result, combined } = await session.check();
  state.manuscript = manuscript;
  state.citations = citations;
  state.check = result;
  state.diagnostics = combined.diagnostics;
  state.checkCounts = severityCounts(combined.diagnostics);
  const rules = ruleRegistry;
  return [
    { path: 'check.json', content: await session.checkJson(lang) },
    {
      path: 'check.txt',
      content: await checkText(manuscript, combined, { lang, rules, color: false }),
    },
  ];
}

/** The annotated copy of the .docx manuscript: every problem the build found in it as a Word comment. */
async function annotatePart(state: BuildState, outPath: string): Promise<AnnotationSummary> {
  const { manuscript, lang } = state;
  if (!manuscript) {
    throw new LitsynthError(
      'usage',
      'The manuscript could not be checked, so there is nothing to annotate.',
      {
        messageNb: 'Manuskriptet kunne ikke sjekkes, så det er ingenting å kommentere.',
      },
    );
  }
  const rules = ruleRegistry;
  return writeAnnotatedDocx({ manuscript, diagnostics: state.diagnostics, lang, rules, outPath });
}

/**
 * The reference list as `litsynth bib` makes it, asked of the engine: the cited works plus their
 * namesakes, the complete ones in Markdown and HTML, the to-do for the others
 * (references-todo.md) and the integrity problems of those entries (bibliography-check.json).
 * Without a check (it failed), every entry of the study.
 */
async function referencesPart(state: BuildState): Promise<OutputFile[]> {
  const references = await (await state.session.manuscript()).references(state.lang);
  state.references = references;
  state.bibliography = references.problems;
  return references.files;
}

/**
 * The concept framework and the coding → the findings × concepts matrix, and (when the check read
 * the manuscript) the discussion map. Their problems join the check's diagnostics.
 */
async function matrixPart(state: BuildState): Promise<OutputFile[]> {
  const { study, lang } = state;
  if (study.config.concepts === undefined) return [];
  const built = await state.session.matrix();
  state.framework = {
    theories: built.framework?.theories.length ?? 0,
    concepts: built.concepts.length,
    links: built.coding?.links.length ?? 0,
  };
  state.matrix = built;
  state.diagnostics = [
    ...state.diagnostics,
    ...applyRuleSettings(built.problems, study.config.rules),
  ].sort(compareDiagnostics);
  // The files `litsynth matrix` writes, made the same way.
  const { files } = await state.session.matrixFiles(lang, state.separator);
  return files.map((file) => ({ path: file.file, content: file.data }));
}

/** The thesis tables, as `litsynth tables` writes them: search history, article matrix, discussion tables, similarities. */
async function tablesPart(state: BuildState): Promise<OutputFile[]> {
  const { tables, files } = await state.session.tableFiles(
    state.lang,
    state.separator,
    state.matrix,
  );
  state.tables = tables;
  return files.map((file) => ({ path: file.file, content: file.data }));
}

/** What report.html shows, asked of the engine with what the parts that succeeded made. */
function reportData(
  state: BuildState,
  failures: readonly PartFailure[],
  missing: readonly Localized[],
): Promise<ReportData> {
  return studyReportData({
    study: state.study,
    lang: state.lang,
    manuscript: state.manuscript,
    citations: state.check?.citations ?? [],
    // The reference list's problems join the others (to be filtered alike) and are shown per entry.
    diagnostics: allDiagnostics(state),
    missing,
    failures,
    tables: state.tables,
    matrix: state.matrix,
    references: state.references,
  });
}

/** Every problem of the build: the check's and the loaders' (check.txt), the matrix's, and the reference list's. */
function allDiagnostics(state: BuildState): Diagnostic[] {
  return [
    ...(state.diagnostics.length > 0 ? state.diagnostics : state.study.diagnostics),
    ...(state.bibliography ?? []),
  ].sort(compareDiagnostics);
}

/**
 * What a study still lacks, for a student who has just begun: the title and question, text with
 * citations, a bibliography, included articles (and their findings), concepts, coding. Said in
 * the summary and the report instead of a bare "no problems found".
 */
function missingParts(state: BuildState): Localized[] {
  const { study } = state;
  const { config } = study;
  const missing: Localized[] = [];
  const placeholder = /\((fyll inn|fill in)\)/;
  if (
    [config.title.nb, config.title.en, config.question.nb, config.question.en].some((text) =>
      placeholder.test(text),
    )
  ) {
    missing.push({
      nb: 'tittel og problemstilling: fyll dem inn i study.yaml',
      en: 'title and research question: fill them in in study.yaml',
    });
  }
  if (state.check && state.check.citations.length === 0) {
    const file = asGiven(config.manuscript);
    missing.push({
      nb: `manuskriptet: ${file} har ingen henvisninger ennå (skriv oppgaven der, eller skriv filnavnet til manuskriptet under manuscript: i study.yaml)`,
      en: `the manuscript: ${file} has no citations yet (write the thesis there, or name your manuscript under manuscript: in study.yaml)`,
    });
  }
  const recordIds = new Set(study.records.map((record) => record.id));
  if (study.entries.every((entry) => recordIds.has(entry.id))) {
    const files = config.bibliography.map(asGiven).join(', ');
    missing.push({
      nb: `bibliografien: ingen oppføringer${files ? ` i ${files}` : ' (bibliography: i study.yaml)'} for bøkene, rapportene og lovene oppgaven henviser til`,
      en: `the bibliography: no entries${files ? ` in ${files}` : ' (bibliography: in study.yaml)'} for the books, reports and laws the thesis cites`,
    });
  }
  if (config.included.length === 0) {
    missing.push({
      nb: `kildeposter: ingen inkluderte artikler (litsynth add ${study.dir} artikkel.bib lager kildeposten og fører den opp under included)`,
      en: `source records: no included articles (litsynth add ${study.dir} article.bib creates the record and lists it under included)`,
    });
  } else {
    const withoutFindings = study.records
      .filter((record) => record.findings.length === 0)
      .map((record) => record.id);
    if (withoutFindings.length > 0) {
      missing.push({
        nb: `funn i kildepostene: ${withoutFindings.join(', ')}`,
        en: `findings in the source records: ${withoutFindings.join(', ')}`,
      });
    }
  }
  if (config.concepts === undefined || (state.framework && state.framework.concepts === 0)) {
    missing.push({
      nb: `begreper: ${config.concepts ? asGiven(config.concepts) : 'concepts: i study.yaml'} har ingen teorier og begreper ennå`,
      en: `concepts: ${config.concepts ? asGiven(config.concepts) : 'concepts: in study.yaml'} has no theories and concepts yet`,
    });
  }
  if (config.coding === undefined || (state.framework && state.framework.links === 0)) {
    missing.push({
      nb: `koding: ${config.coding ? asGiven(config.coding) : 'coding: i study.yaml'} kobler ingen funn til begreper ennå`,
      en: `coding: ${config.coding ? asGiven(config.coding) : 'coding: in study.yaml'} links no findings to concepts yet`,
    });
  }
  return missing;
}

interface WriteResult {
  written: string[];
  unchanged: string[];
  failures: PartFailure[];
}

/**
 * Writes the files that changed, each atomically; a file whose content hash equals the new
 * content's is left alone (not even touched), so re-running on unchanged input rewrites nothing.
 */
async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], failures: [] };
  for (const file of files) {
    const path = join(outDir, file.path);
    const existing = await readFile(path).catch(() => undefined);
    if (existing !== undefined && hash(existing) === hash(Buffer.from(file.content, 'utf8'))) {
      result.unchanged.push(file.path);
      continue;
    }
    try {
      await writeFileAtomic(path, file.content);
      result.written.push(file.path);
    } catch (error) {
      result.failures.push({
        part: { nb: file.path, en: file.path },
        message: failureMessage(error),
      });
    }
  }
  return result;
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A failure as the user reads it: our own errors name the file and the problem; others are bugs. */
function failureMessage(error: unknown): Localized {
  if (isLitsynthError(error)) return { nb: error.describe('nb'), en: error.describe('en') };
  const message = error instanceof Error ? error.message : String(error);
  if (process.env.LITSYNTH_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  return {
    nb: `intern feil: ${message} (en feil i litsynth; kjør med LITSYNTH_DEBUG=1 for detaljer)`,
    en: `internal error: ${message} (a bug in litsynth; run with LITSYNTH_DEBUG=1 for details)`,
  };
}

/** Counts of a group of problems. */
interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** What the summary reports; kept in the build stamp so that a skipped build can say it too. */
interface BuildFacts {
  id: string;
  lang: Lang;
  check?: { citations: number; errors: number; warnings: number; infos: number };
  /** Counts of bibliography-check.json. */
  bibliography?: Counts;
  /** Entries in the reference list, and cited works kept out of it (references-todo.md). */
  references?: { listed: number; incomplete: number };
  /** Records read, of the included ones; a record that could not be read is counted out. */
  records: Counts & { records: number; included: number; findings: number };
  /** Absent when the study names no concepts file, or the matrix part failed. */
  concepts?: Counts & { theories: number; concepts: number };
  coding?: Counts & { links: number };
  matrix?: Counts & {
    findings: number;
    findingsInMatrix: number;
    concepts: number;
    conceptsInMatrix: number;
  };
  /** What the study still lacks (missingParts). */
  missing: Localized[];
}

/** The group of problems a rule belongs to in the summary; undefined for the check's own (check.txt). */
function groupOf(rule: RuleId): 'records' | 'concepts' | 'coding' | 'matrix' | undefined {
  if (rule.startsWith('source-record-')) return 'records';
  if (rule.startsWith('concepts-')) return 'concepts';
  if (rule.startsWith('coding-')) return 'coding';
  if (findRule(rule)?.scope === 'matrix') return 'matrix';
  return undefined;
}

function factsOf(state: BuildState, missing: readonly Localized[]): BuildFacts {
  const { study } = state;
  const grouped = (group: ReturnType<typeof groupOf>) =>
    severityCounts(state.diagnostics.filter((diagnostic) => groupOf(diagnostic.rule) === group));
  const findings = study.records.reduce((sum, record) => sum + record.findings.length, 0);
  const facts: BuildFacts = {
    id: study.config.id,
    lang: state.lang,
    records: {
      records: study.records.length,
      included: study.config.included.length,
      findings,
      ...severityCounts(
        study.diagnostics.filter((diagnostic) => groupOf(diagnostic.rule) === 'records'),
      ),
    },
    missing: [...missing],
  };
  // The summary points to check.txt, so it counts what check.txt holds.
  if (state.check && state.checkCounts)
    facts.check = { citations: state.check.citations.length, ...state.checkCounts };
  if (state.bibliography) facts.bibliography = severityCounts(state.bibliography);
  if (state.references)
    facts.references = {
      listed: state.references.listed.length,
      incomplete: state.references.todo.entries.length,
    };
  if (state.framework) {
    facts.concepts = {
      theories: state.framework.theories,
      concepts: state.framework.concepts,
      ...grouped('concepts'),
    };
    facts.coding = { links: state.framework.links, ...grouped('coding') };
  }
  if (state.matrix) {
    const { matrix } = state.matrix;
    facts.matrix = {
      findings,
      findingsInMatrix: findings - matrix.gaps.findingsWithoutConcepts.length,
      concepts: matrix.concepts.length,
      conceptsInMatrix: matrix.concepts.length - matrix.gaps.conceptsWithoutFindings.length,
      ...grouped('matrix'),
    };
  }
  return facts;
}

interface SummaryInput {
  facts: BuildFacts;
  outDir: string;
  written: number;
  unchanged: number;
  failures: number;
  seconds: number;
  /** The lines that say what changed since the last build. */
  changes: string[];
}

/**
 * The build summary: one line per group of problems (check, reference list, records, concepts,
 * coding, matrix), what the study still lacks, what changed, and where the report is.
 */
function summary(input: SummaryInput): string {
  const { facts, written, unchanged, failures, seconds } = input;
  const { check, bibliography } = facts;
  const nb = facts.lang === 'nb';
  const out = asGiven(input.outDir);
  const time = seconds.toLocaleString(nb ? 'nb-NO' : 'en-US', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  const counts = (c: Counts) =>
    nb
      ? `${c.errors} feil, ${c.warnings} advarsler, ${c.infos} merknader`
      : `${c.errors} errors, ${c.warnings} warnings, ${c.infos} notes`;
  const report = join(out, 'report.html');
  const lines: string[] = [];
  if (nb) {
    lines.push(`Bygget ${facts.id} på ${time} s → ${out}/`);
    lines.push(
      `  ${written} fil(er) skrevet, ${unchanged} uendret${failures > 0 ? `, ${failures} del(er) feilet` : ''}`,
    );
    lines.push(
      check
        ? `  Kildesjekk: ${check.citations} henvisninger, ${check.errors} feil, ${check.warnings} advarsler, ${check.infos} merknader om form (${join(out, 'check.txt')})`
        : '  Kildesjekk: ikke laget (se feilen under)',
    );
    lines.push(
      bibliography
        ? `  Referanseliste: ${bibliography.errors} feil, ${bibliography.warnings} advarsler, ${bibliography.infos} merknader om form (${join(out, 'bibliography-check.json')})`
        : '  Referanseliste: ikke laget (se feilen under)',
    );
    if (facts.references && facts.references.incomplete > 0) {
      lines.push(
        `  Litteraturlisten er ikke ferdig: ${facts.references.listed} referanser i listen, ${facts.references.incomplete} må fullføres (${join(out, 'references-todo.md')})`,
      );
    }
    const read =
      facts.records.records < facts.records.included
        ? `${facts.records.records} av ${facts.records.included} inkluderte artikler lest`
        : `${facts.records.records} artikler`;
    lines.push(
      `  Kildeposter: ${read}, ${facts.records.findings} funn; ${counts(facts.records)} (${join(out, 'check.txt')})`,
    );
    if (facts.concepts && facts.coding && facts.matrix) {
      lines.push(
        `  Begreper: ${facts.concepts.concepts} begreper i ${facts.concepts.theories} teorier; ${counts(facts.concepts)} (${report})`,
      );
      lines.push(`  Koding: ${facts.coding.links} koblinger; ${counts(facts.coding)} (${report})`);
      const m = facts.matrix;
      lines.push(
        `  Matrise: ${m.findingsInMatrix} av ${m.findings} funn og ${m.conceptsInMatrix} av ${m.concepts} begreper i matrisen; ${counts(m)} (${report})`,
      );
    } else {
      lines.push(
        '  Begreper, koding og matrise: ikke laget (ingen begrepsfil, eller delen feilet)',
      );
    }
  } else {
    lines.push(`Built ${facts.id} in ${time} s → ${out}/`);
    lines.push(
      `  ${written} file(s) written, ${unchanged} unchanged${failures > 0 ? `, ${failures} part(s) failed` : ''}`,
    );
    lines.push(
      check
        ? `  Source check: ${check.citations} citations, ${check.errors} errors, ${check.warnings} warnings, ${check.infos} notes on form (${join(out, 'check.txt')})`
        : '  Source check: not made (see the error below)',
    );
    lines.push(
      bibliography
        ? `  Reference list: ${bibliography.errors} errors, ${bibliography.warnings} warnings, ${bibliography.infos} notes on form (${join(out, 'bibliography-check.json')})`
        : '  Reference list: not made (see the error below)',
    );
    if (facts.references && facts.references.incomplete > 0) {
      lines.push(
        `  The reference list is not complete: ${facts.references.listed} references listed, ${facts.references.incomplete} to complete (${join(out, 'references-todo.md')})`,
      );
    }
    const read =
      facts.records.records < facts.records.included
        ? `${facts.records.records} of ${facts.records.included} included articles read`
        : `${facts.records.records} articles`;
    lines.push(
      `  Source records: ${read}, ${facts.records.findings} findings; ${counts(facts.records)} (${join(out, 'check.txt')})`,
    );
    if (facts.concepts && facts.coding && facts.matrix) {
      lines.push(
        `  Concepts: ${facts.concepts.concepts} concepts in ${facts.concepts.theories} theories; ${counts(facts.concepts)} (${report})`,
      );
      lines.push(`  Coding: ${facts.coding.links} links; ${counts(facts.coding)} (${report})`);
      const m = facts.matrix;
      lines.push(
        `  Matrix: ${m.findingsInMatrix} of ${m.findings} findings and ${m.conceptsInMatrix} of ${m.concepts} concepts in the matrix; ${counts(m)} (${report})`,
      );
    } else {
      lines.push('  Concepts, coding and matrix: not made (no concepts file, or the part failed)');
    }
  }
  if (facts.missing.length > 0) {
    lines.push(nb ? '  Mangler ennå:' : '  Still missing:');
    for (const item of facts.missing) lines.push(`    - ${item[facts.lang]}`);
  }
  lines.push(...input.changes);
  lines.push(nb ? `  Rapport: ${report}` : `  Report: ${report}`);
  return `${lines.join('\n')}\n`;
}

/** Progress on a terminal (stderr), one line per part; silent when piped or --quiet. */
class Progress {
  private startedAt = 0;
  constructor(
    private readonly enabled: boolean,
    private readonly lang: Lang,
  ) {}

  start(part: Localized): void {
    this.startedAt = performance.now();
    if (this.enabled) process.stderr.write(`  … ${part[this.lang]}`);
  }

  done(part: Localized): void {
    if (this.enabled)
      process.stderr.write(
        `\r\u001b[K  ✓ ${part[this.lang]} (${Math.round(performance.now() - this.startedAt)} ms)\n`,
      );
  }

  failed(part: Localized): void {
    if (this.enabled) process.stderr.write(`\r\u001b[K  ✗ ${part[this.lang]}\n`);
  }
}

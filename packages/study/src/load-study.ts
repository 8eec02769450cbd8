import { basename, dirname, join, parse, relative } from 'pathe';
import {
  readBibliography,
  resolveLocale,
  resolveStyle,
  type BibEntry,
} from '@litsynth/bibliography';
import {
  decodeText,
  isLitsynthError,
  LitsynthError,
  type Diagnostic,
  type FileSource,
} from '@litsynth/common';
import {
  readSourceRecordFindings,
  readSourceRecordFrontmatters,
  type SourceRecordFrontmattersResult,
  type SourceRecordsResult,
} from '@litsynth/sources';
import {
  closest,
  norwegianStudyFields,
  parseStudyYaml,
  studyFields,
  unknownFields,
  type StudyYaml,
} from './study-config.js';
import type { Study } from './types.js';

/** The name of a study's configuration file. */
export const studyFileName = 'study.yaml';

function isInside(path: string, folder: string): boolean {
  const relativePath = relative(folder, path);
  return relativePath === '' || (!relativePath.startsWith('..') && !parse(relativePath).root);
}

/** The folder the user stands in (the root where there is no process: a browser). */
function workingFolder(): string {
  return globalThis.process?.cwd?.() ?? '/';
}

/** A path for messages and for the file source: relative to the working directory when that is shorter. */
export function shownPath(path: string): string {
  const relativePath = relative(workingFolder(), path);
  return relativePath.length < path.length ? relativePath : path;
}

/** Options of loadStudy and readStudyFile. */
export interface LoadStudyOptions {
  /**
   * Read files that study.yaml names outside the study's folder tree (see studyTree). Off by
   * default: a study.yaml from someone else must not make litsynth quote /etc/passwd or ~/.ssh
   * in a report; the CLI's --allow-outside-study turns it on.
   */
  allowOutside?: boolean;
}

/**
 * The folder tree a study's paths must stay in: the study folder, or, for a study laid out as
 * `<project>/studies/<id>/` (the repository layout, sharing `<project>/sources/`), the project folder.
 * Symbolic links are resolved (by the file source).
 */
export function studyTree(source: FileSource, dir: string): string {
  const folder = source.realPath(dir);
  const parent = dirname(folder);
  return basename(parent) === 'studies' ? dirname(parent) : folder;
}

/** A study's study.yaml, read and parsed once, its files checked; what every part of a study starts from. */
export interface StudyFile extends StudyYaml {
  /** The study folder as the user gave it. */
  dir: string;
  /** The path of study.yaml (in the study folder as given). */
  file: string;
  /** Problems of study.yaml that do not stop the study (unknown fields). */
  diagnostics: Diagnostic[];
}

/**
 * Reads a study's study.yaml: validates it (problems with line and column), checks that its style
 * and locale are known, that the files it names stay inside the study's folder tree, and that the
 * manuscript, bibliography files and included records exist. Unusable input is a LitsynthError
 * (exit 2) naming the file; nothing else is read.
 */
export async function readStudyFile(
  source: FileSource,
  dir: string,
  options: LoadStudyOptions = {},
): Promise<StudyFile> {
  const kind = await source.kind(dir);
  if (kind === 'missing') {
    throw new LitsynthError('file-not-found', 'The study folder does not exist.', {
      file: dir,
      messageNb: 'Studiemappen finnes ikke.',
    });
  }
  if (kind === 'file' || kind === 'other') {
    throw new LitsynthError(
      'not-a-study',
      'Expected a study folder (with study.yaml), found a file.',
      {
        file: dir,
        messageNb: 'Forventet en studiemappe (med study.yaml), fant en fil.',
      },
    );
  }
  const configFile = join(dir, studyFileName);
  if ((await source.kind(configFile)) !== 'file') {
    throw new LitsynthError(
      'not-a-study',
      `The folder has no ${studyFileName}; it is not a litsynth study (create one with litsynth init).`,
      {
        file: dir,
        messageNb: `Mappen har ingen ${studyFileName} og er ikke en litsynth-studie (lag en med litsynth init).`,
      },
    );
  }
  const { text } = decodeText(
    await source.read(configFile, { role: 'study file', binary: false }),
    configFile,
  );
  const { config, yaml } = await parseStudyYaml(text, configFile);

  // An unknown style or locale fails here, before any command reads the manuscript or writes an
  // output (build wrote every other file and failed only the reference list).
  for (const [field, resolveResource] of [
    ['style', resolveStyle],
    ['locale', resolveLocale],
  ] as const) {
    try {
      resolveResource(config[field]);
    } catch (cause) {
      if (!isLitsynthError(cause)) throw cause;
      const place = yaml.placeOf([field]);
      throw new LitsynthError('invalid-config', `study.yaml: ${cause.message}`, {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `study.yaml: ${cause.messageNb ?? cause.message}`,
        cause,
      });
    }
  }
  const tree = studyTree(source, dir);
  const requireInside = (
    path: string,
    field: ReadonlyArray<string | number>,
    what: { en: string; nb: string },
  ) => {
    if (options.allowOutside || isInside(source.realPath(shownPath(path)), tree)) return;
    const place = yaml.placeOf(field);
    throw new LitsynthError(
      'invalid-config',
      `${what.en} ${shownPath(path)} named in study.yaml lies outside the study's folder tree (${shownPath(tree)}); pass --allow-outside-study to read it.`,
      {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `${what.nb} ${shownPath(path)} som study.yaml viser til, ligger utenfor studiens mappetre (${shownPath(tree)}); bruk --allow-outside-study for å lese den.`,
      },
    );
  };
  requireInside(config.manuscript, ['manuscript'], { en: 'The manuscript', nb: 'Manuskriptet' });
  for (const [index, file] of config.bibliography.entries())
    requireInside(file, ['bibliography', index], {
      en: 'The bibliography file',
      nb: 'Bibliografifilen',
    });
  requireInside(config.sourcesDir, ['sourcesDir'], { en: 'The sources folder', nb: 'Kildemappen' });
  for (const [index, id] of config.included.entries()) {
    requireInside(join(config.sourcesDir, `${id}.md`), ['included', index], {
      en: `The record of the included source "${id}",`,
      nb: `Posten for den inkluderte kilden «${id}»,`,
    });
  }
  if (config.concepts !== undefined)
    requireInside(config.concepts, ['concepts'], { en: 'The concepts file', nb: 'Begrepsfilen' });
  if (config.coding !== undefined)
    requireInside(config.coding, ['coding'], { en: 'The coding file', nb: 'Kodingsfilen' });

  const requireFile = async (
    path: string,
    field: ReadonlyArray<string | number>,
    what: { en: string; nb: string },
  ) => {
    const found = await source.kind(shownPath(path));
    if (found === 'file') return;
    const place = yaml.placeOf(field);
    // A device or FIFO (/dev/zero) would be read forever: refused here, before anything reads it.
    const problem = {
      missing: { en: 'does not exist', nb: 'finnes ikke' },
      folder: { en: 'is a folder, not a file', nb: 'er en mappe, ikke en fil' },
      other: {
        en: 'is not a regular file (it is a device, pipe or socket)',
        nb: 'er ikke en vanlig fil (men en enhet, et rør eller en socket)',
      },
    }[found];
    throw new LitsynthError(
      found === 'missing' ? 'file-not-found' : 'usage',
      `${what.en} ${shownPath(path)} named in study.yaml ${problem.en}.`,
      {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `${what.nb} ${shownPath(path)} som study.yaml viser til, ${problem.nb}.`,
      },
    );
  };
  await requireFile(config.manuscript, ['manuscript'], {
    en: 'The manuscript',
    nb: 'Manuskriptet',
  });
  for (const [index, file] of config.bibliography.entries()) {
    await requireFile(file, ['bibliography', index], {
      en: 'The bibliography file',
      nb: 'Bibliografifilen',
    });
  }
  if (
    config.included.length > 0 &&
    (await source.kind(shownPath(config.sourcesDir))) !== 'folder'
  ) {
    const place = yaml.placeOf(['sourcesDir']);
    throw new LitsynthError(
      'file-not-found',
      `The sources folder ${shownPath(config.sourcesDir)} named in study.yaml does not exist.`,
      {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `Kildemappen ${shownPath(config.sourcesDir)} som study.yaml viser til, finnes ikke.`,
      },
    );
  }
  for (const [index, id] of config.included.entries()) {
    await requireFile(join(config.sourcesDir, `${id}.md`), ['included', index], {
      en: `The record of the included source "${id}",`,
      nb: `Posten for den inkluderte kilden «${id}»,`,
    });
  }

  const diagnostics: Diagnostic[] = unknownFields(yaml).map(({ key, line, column }) => {
    const near = closest(key, [...studyFields, ...Object.keys(norwegianStudyFields)]);
    return {
      rule: 'unknown-study-field',
      severity: 'warning' as const,
      message: {
        nb: `study.yaml har feltet «${key}», som litsynth ikke kjenner; det blir ikke brukt.`,
        en: `study.yaml has the field "${key}", which litsynth does not know; it is ignored.`,
      },
      file: shownPath(configFile),
      line,
      column,
      raw: key,
      ...(near ? { suggestion: { nb: `Mente du «${near}»?`, en: `Did you mean "${near}"?` } } : {}),
    };
  });
  return { dir, file: configFile, config, yaml, diagnostics };
}

/** A study's bibliography: every entry (bibliography files, then the records'), and their problems. */
export interface StudyEntries {
  /** All entries, each id once (the first kept), in a stable order. */
  entries: BibEntry[];
  /** The included records as their frontmatter gives them (readStudyRecords adds their findings). */
  records: SourceRecordFrontmattersResult;
  /** Problems of study.yaml, the bibliography files and the records' frontmatter, and ids defined twice. */
  diagnostics: Diagnostic[];
  /** The problems of study.yaml and the bibliography files, and of ids defined twice (beside the records'). */
  parts: { files: Diagnostic[]; duplicates: Diagnostic[] };
}

/**
 * Reads a study's entries: its bibliography files and the frontmatter of its included records
 * (their Markdown bodies are not parsed). Problems inside them are diagnostics; the valid parts
 * still load.
 */
export async function readStudyEntries(
  source: FileSource,
  study: StudyFile,
): Promise<StudyEntries> {
  const { config } = study;
  const diagnostics: Diagnostic[] = [...study.diagnostics];
  const entries: BibEntry[] = [];
  for (const file of config.bibliography) {
    const loaded = await readBibliography(source, shownPath(file));
    entries.push(...loaded.entries);
    diagnostics.push(...loaded.diagnostics);
  }
  const records =
    config.included.length > 0
      ? await readSourceRecordFrontmatters(
          source,
          config.included.map((id) => shownPath(join(config.sourcesDir, `${id}.md`))),
          { ids: config.included },
        )
      : { records: [], diagnostics: [], texts: new Map<string, string>() };
  const files = [...diagnostics];
  diagnostics.push(...records.diagnostics);
  const duplicates: Diagnostic[] = [];
  // An id defined twice would make citations resolve by accident of order: keep the first, say so.
  const seen = new Map<string, BibEntry>();
  const unique: BibEntry[] = [];
  for (const entry of [...entries, ...records.records.map((record) => record.entry)]) {
    const earlier = seen.get(entry.id);
    if (earlier) {
      duplicates.push({
        rule: 'duplicate-entry-id',
        severity: 'error',
        message: {
          nb: `Id-en «${entry.id}» er definert to ganger; den første (${earlier.origin.file}:${earlier.origin.line}) brukes.`,
          en: `The id "${entry.id}" is defined twice; the first (${earlier.origin.file}:${earlier.origin.line}) is used.`,
        },
        file: entry.origin.file,
        line: entry.origin.line,
        column: 1,
        key: entry.id,
      });
      continue;
    }
    seen.set(entry.id, entry);
    unique.push(entry);
  }
  diagnostics.push(...duplicates);
  return { entries: unique, records, diagnostics, parts: { files, duplicates } };
}

/**
 * The included records with their findings (their Markdown bodies parsed now), and the study's
 * problems with the records' own in place of those of their frontmatter alone.
 */
export async function readStudyRecords(
  entries: StudyEntries,
): Promise<SourceRecordsResult & { studyDiagnostics: Diagnostic[] }> {
  const whole = await readSourceRecordFindings(entries.records);
  const { files, duplicates } = entries.parts;
  return { ...whole, studyDiagnostics: [...files, ...whole.diagnostics, ...duplicates] };
}

/**
 * Loads a study folder from a file source: study.yaml (readStudyFile), the bibliography entries,
 * and the included records with their findings.
 */
export async function loadStudy(
  source: FileSource,
  dir: string,
  options: LoadStudyOptions = {},
): Promise<Study> {
  const file = await readStudyFile(source, dir, options);
  const entries = await readStudyEntries(source, file);
  const records = await readStudyRecords(entries);
  return {
    dir,
    config: file.config,
    entries: entries.entries,
    records: records.records,
    diagnostics: records.studyDiagnostics,
  };
}

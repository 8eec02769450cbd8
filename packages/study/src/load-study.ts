import { stat } from 'node:fs/promises';
import { basename, dirname, join, parse, relative } from 'pathe';
import {
  isLitsynthError,
  LitsynthError,
  readTextFile,
  realPathOf,
  type Diagnostic,
} from '@litsynth/common';
import {
  loadBibliographyFile,
  resolveLocale,
  resolveStyle,
  type BibEntry,
} from '@litsynth/bibliography';
import { readSourceRecords } from '@litsynth/sources';
import {
  closest,
  norwegianStudyFields,
  parseStudyConfig,
  placeOfField,
  studyFields,
  unknownFields,
} from './study-config.js';
import type { Study } from './types.js';

/** The name of a study's configuration file. */
export const studyFileName = 'study.yaml';

async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function isInside(path: string, folder: string): boolean {
  const relativePath = relative(folder, path);
  return relativePath === '' || (!relativePath.startsWith('..') && !parse(relativePath).root);
}

/** A path for messages: relative to the working directory when that is shorter. */
function shown(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath.length < path.length ? relativePath : path;
}

/** Options of loadStudy. */
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
 * Symbolic links are resolved.
 */
export function studyTree(dir: string): string {
  const folder = realPathOf(dir);
  const parent = dirname(folder);
  return basename(parent) === 'studies' ? dirname(parent) : folder;
}

/**
 * Loads a study folder: validates study.yaml (problems with line and column), checks that the
 * manuscript, bibliography files and included records exist, loads the bibliography entries and
 * the included records. Unusable input is a LitsynthError (exit 2) naming the file; problems inside
 * bibliography files and records are diagnostics, and their valid parts still load.
 */
export async function loadStudy(dir: string, options: LoadStudyOptions = {}): Promise<Study> {
  const kind = await kindOf(dir);
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
  if ((await kindOf(configFile)) !== 'file') {
    throw new LitsynthError(
      'not-a-study',
      `The folder has no ${studyFileName}; it is not a litsynth study (create one with litsynth init).`,
      {
        file: dir,
        messageNb: `Mappen har ingen ${studyFileName} og er ikke en litsynth-studie (lag en med litsynth init).`,
      },
    );
  }
  const { text } = await readTextFile(configFile, { role: 'study file' });
  const config = parseStudyConfig(text, configFile);

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
      const place = placeOfField(text, [field]);
      throw new LitsynthError('invalid-config', `study.yaml: ${cause.message}`, {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `study.yaml: ${cause.messageNb ?? cause.message}`,
        cause,
      });
    }
  }
  const tree = studyTree(dir);
  const requireInside = (
    path: string,
    field: ReadonlyArray<string | number>,
    what: { en: string; nb: string },
  ) => {
    if (options.allowOutside || isInside(realPathOf(path), tree)) return;
    const place = placeOfField(text, field);
    throw new LitsynthError(
      'invalid-config',
      `${what.en} ${shown(path)} named in study.yaml lies outside the study's folder tree (${shown(tree)}); pass --allow-outside-study to read it.`,
      {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `${what.nb} ${shown(path)} som study.yaml viser til, ligger utenfor studiens mappetre (${shown(tree)}); bruk --allow-outside-study for å lese den.`,
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
    const found = await kindOf(path);
    if (found === 'file') return;
    const place = placeOfField(text, field);
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
      `${what.en} ${shown(path)} named in study.yaml ${problem.en}.`,
      {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `${what.nb} ${shown(path)} som study.yaml viser til, ${problem.nb}.`,
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
  if (config.included.length > 0 && (await kindOf(config.sourcesDir)) !== 'folder') {
    const place = placeOfField(text, ['sourcesDir']);
    throw new LitsynthError(
      'file-not-found',
      `The sources folder ${shown(config.sourcesDir)} named in study.yaml does not exist.`,
      {
        file: configFile,
        line: place.line,
        column: place.column,
        messageNb: `Kildemappen ${shown(config.sourcesDir)} som study.yaml viser til, finnes ikke.`,
      },
    );
  }
  for (const [index, id] of config.included.entries()) {
    await requireFile(join(config.sourcesDir, `${id}.md`), ['included', index], {
      en: `The record of the included source "${id}",`,
      nb: `Posten for den inkluderte kilden «${id}»,`,
    });
  }

  const diagnostics: Diagnostic[] = unknownFields(text).map(({ key, line, column }) => {
    const near = closest(key, [...studyFields, ...Object.keys(norwegianStudyFields)]);
    return {
      rule: 'unknown-study-field',
      severity: 'warning' as const,
      message: {
        nb: `study.yaml har feltet «${key}», som litsynth ikke kjenner; det blir ikke brukt.`,
        en: `study.yaml has the field "${key}", which litsynth does not know; it is ignored.`,
      },
      file: shown(configFile),
      line,
      column,
      raw: key,
      ...(near ? { suggestion: { nb: `Mente du «${near}»?`, en: `Did you mean "${near}"?` } } : {}),
    };
  });
  const entries: BibEntry[] = [];
  for (const file of config.bibliography) {
    const loaded = await loadBibliographyFile(shown(file));
    entries.push(...loaded.entries);
    diagnostics.push(...loaded.diagnostics);
  }
  const records =
    config.included.length > 0
      ? await readSourceRecords(
          config.included.map((id) => shown(join(config.sourcesDir, `${id}.md`))),
          { ids: config.included },
        )
      : { records: [], diagnostics: [] };
  diagnostics.push(...records.diagnostics);

  // An id defined twice would make citations resolve by accident of order: keep the first, say so.
  const seen = new Map<string, BibEntry>();
  const unique: BibEntry[] = [];
  for (const entry of [...entries, ...records.records.map((record) => record.entry)]) {
    const earlier = seen.get(entry.id);
    if (earlier) {
      diagnostics.push({
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
  return { dir, config, entries: unique, records: records.records, diagnostics };
}

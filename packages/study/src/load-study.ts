import { stat } from 'node:fs/promises';
import { join, relative } from 'pathe';
import { LitsynthError, readTextFile, type Diagnostic } from '@litsynth/common';
import { loadBibliographyFile, type BibEntry } from '@litsynth/bibliography';
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

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** A path for messages: relative to the working directory when that is shorter. */
function shown(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath.length < path.length ? relativePath : path;
}

/**
 * Loads a study folder: validates study.yaml (problems with line and column), checks that the
 * manuscript, bibliography files and included records exist, loads the bibliography entries and
 * the included records. Unusable input is a LitsynthError (exit 2) naming the file; problems inside
 * bibliography files and records are diagnostics, and their valid parts still load.
 */
export async function loadStudy(dir: string): Promise<Study> {
  const kind = await kindOf(dir);
  if (kind === 'missing') {
    throw new LitsynthError('file-not-found', 'The study folder does not exist.', { file: dir, messageNb: 'Studiemappen finnes ikke.' });
  }
  if (kind === 'file') {
    throw new LitsynthError('not-a-study', 'Expected a study folder (with study.yaml), found a file.', {
      file: dir,
      messageNb: 'Forventet en studiemappe (med study.yaml), fant en fil.',
    });
  }
  const configFile = join(dir, studyFileName);
  if ((await kindOf(configFile)) !== 'file') {
    throw new LitsynthError('not-a-study', `The folder has no ${studyFileName}; it is not a litsynth study (create one with litsynth init).`, {
      file: dir,
      messageNb: `Mappen har ingen ${studyFileName} og er ikke en litsynth-studie (lag en med litsynth init).`,
    });
  }
  const { text } = await readTextFile(configFile, { role: 'study file' });
  const config = parseStudyConfig(text, configFile);

  const requireFile = async (path: string, field: ReadonlyArray<string | number>, what: { en: string; nb: string }) => {
    const found = await kindOf(path);
    if (found === 'file') return;
    const place = placeOfField(text, field);
    throw new LitsynthError('file-not-found', `${what.en} ${shown(path)} named in study.yaml does not exist.`, {
      file: configFile,
      line: place.line,
      column: place.column,
      messageNb: `${what.nb} ${shown(path)} som study.yaml viser til, finnes ikke.`,
    });
  };
  await requireFile(config.manuscript, ['manuscript'], { en: 'The manuscript', nb: 'Manuskriptet' });
  for (const [index, file] of config.bibliography.entries()) {
    await requireFile(file, ['bibliography', index], { en: 'The bibliography file', nb: 'Bibliografifilen' });
  }
  if (config.included.length > 0 && (await kindOf(config.sourcesDir)) !== 'folder') {
    const place = placeOfField(text, ['sourcesDir']);
    throw new LitsynthError('file-not-found', `The sources folder ${shown(config.sourcesDir)} named in study.yaml does not exist.`, {
      file: configFile,
      line: place.line,
      column: place.column,
      messageNb: `Kildemappen ${shown(config.sourcesDir)} som study.yaml viser til, finnes ikke.`,
    });
  }
  for (const [index, id] of config.included.entries()) {
    await requireFile(join(config.sourcesDir, `${id}.md`), ['included', index], { en: `The record of the included source "${id}",`, nb: `Posten for den inkluderte kilden «${id}»,` });
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
  const records = config.included.length > 0
    ? await readSourceRecords(config.included.map((id) => shown(join(config.sourcesDir, `${id}.md`))), { ids: config.included })
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

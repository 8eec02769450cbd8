import type { Diagnostic } from '@litsynth/common';
import type { Study } from '@litsynth/study';
import type { FileSource } from './file-source.js';
import {
  type ManuscriptSession,
  type OpenManuscriptOptions,
  openManuscript,
  type StudyContext,
} from './open-manuscript.js';

/** How to open a study that has been loaded. */
export interface OpenStudyOptions {
  /** The manuscript's path as the user reads it (the study's, made relative to where they stand). */
  manuscriptPath?: string;
  /** Problems found beside the loaders' (unknown rule settings), joined to the check's. */
  diagnostics?: readonly Diagnostic[];
  /** Options of the reference list's rendering the platform decides (workers, cache folder). */
  formatOptions?: OpenManuscriptOptions['formatOptions'];
}

/** A study opened once: its manuscript checked against it, and what the other commands ask of the check. */
export interface StudySession {
  readonly study: Study;
  /** The study's manuscript, checked with the study's entries, included articles, rule settings, language and style. */
  readonly manuscript: ManuscriptSession;
  /** The entry each citation points to (the check's resolution), by the citation's start in the text. */
  citationKeys(): Promise<Map<number, string | null>>;
  /** The ids of the entries the manuscript cites. */
  citedKeys(): Promise<Set<string>>;
}

/** What a study gives the check of its manuscript. */
export function studyContext(study: Study, diagnostics: readonly Diagnostic[] = []): StudyContext {
  return {
    entries: study.entries,
    included: study.config.included,
    settings: study.config.rules,
    language: study.config.language,
    style: study.config.style,
    diagnostics: [...study.diagnostics, ...diagnostics],
  };
}

/**
 * Opens a loaded study over a file source: its manuscript is read and checked once, on demand, and
 * every command that needs to know which entry a citation points to asks this one check.
 */
export function openStudy(
  source: FileSource,
  study: Study,
  options: OpenStudyOptions = {},
): StudySession {
  const manuscript = openManuscript(source, options.manuscriptPath ?? study.config.manuscript, {
    study: studyContext(study, options.diagnostics),
    ...(options.formatOptions ? { formatOptions: options.formatOptions } : {}),
  });
  let keys: Promise<Map<number, string | null>> | undefined;
  const citationKeys = () => {
    keys ??= manuscript
      .check()
      .then(
        ({ result }) => new Map(result.citations.map((citation) => [citation.start, citation.key])),
      );
    return keys;
  };
  return {
    study,
    manuscript,
    citationKeys,
    async citedKeys() {
      return new Set(
        [...(await citationKeys()).values()].filter((key): key is string => key !== null),
      );
    },
  };
}

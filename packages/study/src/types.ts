import type { Diagnostic, Lang, Localized, RuleSetting } from '@litsynth/common';
import type { BibEntry } from '@litsynth/bibliography';
import type { SourceRecord } from '@litsynth/sources';

/** One search of the search history; fields the thesis does not give are absent (shown blank). */
export interface SearchEntry {
  database: string;
  date?: string;
  terms: string[];
  combination?: Localized;
  limits?: Localized;
  hits?: number;
  titlesRead?: number;
  abstractsRead?: number;
  fullTextsRead?: number;
  included?: number;
}

/** study.yaml, validated, with paths resolved against the study folder. */
export interface StudyConfig {
  id: string;
  title: Localized;
  question: Localized;
  language: Lang;
  /** A CSL style id ("norsk-apa-manual", "apa") or an absolute path to a .csl file. */
  style: string;
  locale: string;
  /** Absolute path of the manuscript. */
  manuscript: string;
  /** Absolute paths of the bibliography files. */
  bibliography: string[];
  /** Absolute path of the source records folder. */
  sourcesDir: string;
  /** Ids of the included articles (records in sourcesDir). */
  included: string[];
  /** Absolute paths, when the study has them. */
  concepts?: string;
  coding?: string;
  /** Heading numbers of the chapters by role ("5.0"). */
  chapters: { results?: string; theory?: string; discussion?: string };
  inclusion: Localized[];
  exclusion: Localized[];
  search: SearchEntry[];
  rules: Record<string, RuleSetting>;
  /** The CSV separator of the tables: `csvSeparator` in study.yaml, else ";" for a Norwegian study (Norwegian Excel splits on it), "," for an English one. */
  csvSeparator: ',' | ';';
}

/** A loaded study: its configuration, every bibliography entry, the included records. */
export interface Study {
  /** The study folder as the user gave it. */
  dir: string;
  config: StudyConfig;
  /** All entries: bibliography files plus the records' entries, in a stable order. */
  entries: BibEntry[];
  records: SourceRecord[];
  /** Problems in study.yaml, bibliography files and records (the valid parts still load). */
  diagnostics: Diagnostic[];
}

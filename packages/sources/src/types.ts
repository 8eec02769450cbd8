import type { Diagnostic, Localized } from '@litsynth/common';
import type { BibEntry } from '@litsynth/bibliography';

/** A short quotation from an article, with its page. */
export interface FindingQuote {
  text: string;
  page?: string;
}

/** One finding of an included article: a stable id, a statement in our own words, a page. */
export interface Finding {
  /** Stable id, unique within the record ("natland2019-f1"). */
  id: string;
  statement: Localized;
  /** Page(s) in the article where known ("92", "92–93"). */
  page?: string;
  quotes: FindingQuote[];
  /** 1-based line of the finding in the record file. */
  line: number;
}

/** The study characteristics of an included article (the columns of the article matrix). */
export interface StudyCharacteristics {
  aim: Localized;
  design: Localized;
  dataCollection: Localized;
  participants: Localized;
  setting: Localized;
  country: string;
  /** Year(s) of data collection, as known ("2009–2011"); absent when unknown. */
  dataYears?: string;
  peerReviewed: boolean | 'unknown';
}

/** A source record: sources/<id>.md. */
export interface SourceRecord {
  id: string;
  /** The file, relative to the working directory as given. */
  file: string;
  /** The bibliographic entry: the same one the check and the reference list use. */
  entry: BibEntry;
  characteristics: StudyCharacteristics;
  findings: Finding[];
}

/** Result of reading records: the valid ones, and a diagnostic for every problem in the others. */
export interface SourceRecordsResult {
  records: SourceRecord[];
  diagnostics: Diagnostic[];
}

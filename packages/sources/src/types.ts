import type { Diagnostic, Localized } from '@litsynth/common';
import type { BibEntry } from '@litsynth/bibliography';

/** A short quotation from an article, with its page where known. */
export interface FindingQuote {
  text: string;
  page?: string;
  /** 1-based line of the quotation in the record file. */
  line: number;
}

/** One finding of an included article: a stable id, a statement in our own words, a page. */
export interface Finding {
  /** Stable id, unique across all records ("natland2019-tillit"). */
  id: string;
  /** The id of the record the finding belongs to. */
  source: string;
  /** A short label for tables and maps (the finding's heading). */
  label: Localized;
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
  country: Localized;
  /** Year(s) of data collection, as known ("2009–2011"); absent when unknown. */
  dataYears?: string;
  peerReviewed: boolean | 'unknown';
  /** Remarks on the characteristics: what is uncertain and why. */
  notes: Localized[];
  /**
   * Fields the record marks `unknown`; their text is then "Ukjent" / "Unknown", so tables can
   * print them as they are and checks can still tell them apart.
   */
  unknown: Array<'aim' | 'design' | 'dataCollection' | 'participants' | 'setting' | 'country'>;
}

/** A source record: sources/<id>.md. */
export interface SourceRecord {
  id: string;
  /** The file, as given (or relative to the folder that was read). */
  file: string;
  /** The bibliographic entry: the same one the check and the reference list use. */
  entry: BibEntry;
  characteristics: StudyCharacteristics;
  findings: Finding[];
  /**
   * Where the findings come from: the article itself (absent or `article`), or the thesis's
   * description of it (`thesis`, when the article's full text was not read).
   */
  findingsSource?: 'article' | 'thesis';
}

/** A source record as its frontmatter gives it: everything but the findings of its body. */
export type SourceRecordFrontmatter = Omit<SourceRecord, 'findings'>;

/** Result of parsing one record's frontmatter: the record (absent when unusable) and its diagnostics. */
export interface SourceRecordFrontmatterResult {
  record?: SourceRecordFrontmatter;
  diagnostics: Diagnostic[];
}

/** Result of reading records' frontmatter: the valid ones, their problems, and the text of each (by file). */
export interface SourceRecordFrontmattersResult {
  records: SourceRecordFrontmatter[];
  diagnostics: Diagnostic[];
  texts: ReadonlyMap<string, string>;
}

/** Result of reading records: the valid ones, and a diagnostic for every problem in the others. */
export interface SourceRecordsResult {
  records: SourceRecord[];
  diagnostics: Diagnostic[];
}

/** Result of parsing one record: the record (absent when unusable) and its diagnostics. */
export interface SourceRecordResult {
  record?: SourceRecord;
  diagnostics: Diagnostic[];
}

/** Options of readSourceRecords. */
export interface ReadSourceRecordsOptions {
  /** Only these record ids (e.g. a study's included articles); a missing one is a diagnostic. */
  ids?: readonly string[];
}

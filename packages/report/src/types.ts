import type { Diagnostic, Lang, Localized } from '@litsynth/common';
import type { ElementContent } from 'hast';
import type { Table } from 'mdast';

/**
 * Everything report.html shows, already computed. The report package only renders: the build
 * command gathers this from the study, the check, the reference list, the matrix and the tables.
 * Every string here is treated as text (escaped); the formatted entries come as hast trees
 * (`ReportReference.tree`, the to-do's templates and candidates), which are sanitised.
 */
export interface ReportData {
  /** Language of the report's own words (headings, labels, messages). */
  lang: Lang;
  study: ReportStudy;
  /** A manuscript checked alone (no study): the report has no matrix and no tables sections. */
  manuscriptOnly?: boolean;
  counts: ReportCounts;
  /** The manuscript as readable blocks; absent when it could not be read. */
  manuscript?: ReportManuscript;
  /** Every diagnostic of the check (and of the study's files), in stable order. */
  diagnostics: Diagnostic[];
  /** The reference list in the order it is printed: only complete entries. */
  references: ReportReference[];
  /** The thesis's own reference list as litsynth read it; absent when the thesis has none. */
  typedList?: ReportTypedList;
  /** What keeps the reference list from being handed in: shown in its own section, and loudly at the top. */
  referencesTodo?: ReportReferencesTodo;
  heatMap?: ReportHeatMap;
  /** Where the discussion chapter discusses each source with each concept. */
  discussionMap?: ReportDiscussionMap;
  /** Article matrix, search table, discussion tables, in the order they are shown. */
  tables: ReportTable[];
  /** How to name a bibliography entry to the reader ("Natland mfl. (2019)"), by entry id. */
  entryLabels?: Record<string, string>;
  /**
   * How to name a diagnostic's key that is not a bibliography entry (a concept, a finding), by
   * key. A key named nowhere is not shown: an internal id tells the reader nothing.
   */
  keyLabels?: Record<string, ReportKeyLabel>;
  /** The name of each rule in the report's language ("Feil årstall"), by rule id; the id when absent. */
  ruleNames?: Record<string, Localized>;
  /** Parts of the build that failed: shown at the top so nobody takes a gap for a result. */
  failures: ReportFailure[];
  /**
   * What the study still lacks (a new study: no text, no articles, no concepts, …), shown in the
   * overview; with no problems, the problems section points to it instead of "no problems found".
   */
  missing?: Localized[];
}

/** A key of a diagnostic that is a concept or a finding, as the reader knows it. */
export interface ReportKeyLabel {
  kind: 'concept' | 'finding';
  label: Localized;
}

export interface ReportStudy {
  id: string;
  title: Localized;
  question: Localized;
  /** The language of the thesis text itself (for the `lang` attribute of quoted text). */
  language: Lang;
}

export interface ReportCounts {
  /** In-text citations found in the manuscript. */
  citations: number;
  /** Distinct works cited. */
  works: number;
  /** Entries in the reference list. */
  references: number;
}

/** The manuscript, as a sequence of blocks for the reading view. */
export interface ReportManuscript {
  /** The file as the user gave it. */
  file: string;
  /** Notes about reading it (decoded as Windows-1252, page furniture removed, …). */
  notes?: Localized[];
  blocks: ReportBlock[];
}

export interface ReportBlock {
  kind: 'heading' | 'paragraph' | 'block-quote' | 'list-item';
  text: string;
  /** First and last line of the block in the file as given (1-based). */
  line: number;
  endLine: number;
  page?: number;
  /** The citations in this block, as [start, end) offsets into `text`, in order. */
  citations: ReportCitationMark[];
}

export interface ReportCitationMark {
  start: number;
  end: number;
  /** Where the citation starts in the file as given: diagnostics are matched by it. */
  line: number;
  column: number;
}

/** A note or a piece of evidence: in both languages, or one text (a URL, a user's own note). */
export type ReportText = string | Localized;

/** The reference list's to-do (a `ReferenceTodo` of @litsynth/bibliography, in HTML, fits). */
export interface ReportReferencesTodo {
  /** Entries not in the list yet, in list order. */
  entries: ReportTodoEntry[];
  /** Entries in the list with data no record confirms. */
  toCheck: Array<{
    id: string;
    citedAs: Localized;
    origin: { file: string; line: number };
    notes: ReportText[];
  }>;
}

export interface ReportTodoEntry {
  id: string;
  /** "Andreassen & Fossestøl (2011)". */
  citedAs: Localized;
  origin: { file: string; line: number };
  status?: 'verified' | 'partly-verified' | 'unverified';
  missing: Localized[];
  unconfirmed: Localized[];
  /** The entry in the style's form with placeholders: a hast tree (sanitised when rendered), else its text. */
  templates: Array<{ kind?: Localized; text: string; tree?: ElementContent[] }>;
  /** Possible matches: a hast tree each (sanitised when rendered), else the text. */
  candidates: Array<{
    text: string;
    tree?: ElementContent[];
    evidence: ReportText[];
    notes: ReportText[];
  }>;
  citedYears: Array<{ year: string; lines: number[]; id: string }>;
  notes: ReportText[];
  /** The entry's own problems (integrity rules `bib-*`), shown beside it; absent when none. */
  problems?: Diagnostic[];
}

export interface ReportReference {
  id: string;
  /** Where the entry is defined, shown instead of its id. */
  origin?: { file: string; line: number };
  /** The formatted entry as text (used when `tree` is absent). */
  text: string;
  /** The formatted entry as a hast tree (the reference list's, formatted once); sanitised before use. */
  tree?: ElementContent[];
  /** Absent: the entry comes from a user file with no verification data. */
  status?: 'verified' | 'partly-verified' | 'unverified';
  evidence: ReportText[];
  notes: ReportText[];
  /** The entry's own problems (integrity rules `bib-*`), shown beside it; absent when none. */
  problems?: Diagnostic[];
}

/** The reference list typed in the thesis, entry by entry as read, with how often each is cited. */
export interface ReportTypedList {
  /** The list's heading as written ("Litteraturliste"). */
  heading: string;
  /** Line of the heading in the file as given. */
  line: number;
  entries: ReportTypedEntry[];
}

export interface ReportTypedEntry {
  line: number;
  page?: number;
  authors: string[];
  year: string | null;
  title: string | null;
  raw: string;
  /** Citations in the text that were resolved to this entry. */
  cited: number;
}

/** The findings × concepts matrix summed per source: one row per source, one column per concept. */
export interface ReportHeatMap {
  sources: Array<{ id: string; label: string }>;
  concepts: Array<{ id: string; label: Localized }>;
  /** One cell per source × concept pair that has findings (missing pairs are empty cells). */
  cells: ReportHeatMapCell[];
}

export interface ReportHeatMapCell {
  source: string;
  concept: string;
  /** Each finding with its label (the heading of the finding), statement and page; the id is for data, not shown. */
  findings: Array<{ id: string; label?: Localized; statement: Localized; page?: string }>;
}

/** Per source and concept, the lines of the discussion paragraphs that discuss them together. */
export interface ReportDiscussionMap {
  /** Whether the discussion chapter was found at all. */
  chapterFound: boolean;
  pairs: Array<{ source: string; concept: string; lines: number[] }>;
  /** Per source: how often it is cited in the results and in the discussion chapter. */
  sources: Array<{ source: string; results: number; discussion: number }>;
}

/** A generated table in the report's language (a `ThesisTable` of @litsynth/tables fits). */
export interface ReportTable {
  id: string;
  title: string;
  /** The table as mdast; the first row is the header row. */
  table: Table;
  /** Notes shown under the table (what is missing and why). */
  notes: readonly string[];
  /** Whether the first cell of each body row heads its row. */
  rowHeaders?: boolean;
}

export interface ReportFailure {
  /** The part that failed ("reference list"). */
  part: Localized;
  message: Localized;
}

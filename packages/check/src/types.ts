import type { BibEntry } from '@litsynth/bibliography';
import type { Citation } from '@litsynth/citations';
import type { Diagnostic, Lang, Localized, RuleSetting } from '@litsynth/common';
import type { LanguageGuess, Manuscript, ReferenceManager } from '@litsynth/ingest';

/** What a match between a citation and an entry rests on, one reason per difference. */
export type MatchReasonKind =
  /** Authors and year as in the entry. */
  | 'exact'
  /** An author written differently from the entry (letters, diacritics or a typo). */
  | 'author-spelling'
  /** The citation leaves out co-authors the entry has. */
  | 'coauthor-missing'
  /** The citation names co-authors the entry does not have. */
  | 'coauthor-extra'
  /** The year differs from the entry's year. */
  | 'year-differs'
  /** The year lacks (or has a different) a/b suffix. */
  | 'year-suffix'
  /** The citation has no year; matched on the authors only. */
  | 'year-missing'
  /** A year-only citation ("(2013, s. 31)") took its author from the citation before it. */
  | 'author-from-context'
  /** An abbreviation of a corporate author ("FO" for "Fellesorganisasjonen"). */
  | 'abbreviation'
  /** A work without author cited by its title or the title's first words, as APA does ("Cancer"). */
  | 'title'
  /** "X et al." where X is named in the work, but not first (an editor of an edited book, say): the work is cited by its first name. `entry` is the name X matched. */
  | 'author-not-first'
  /** The citation names the organisation that published the work (a ministry), not its author; the year agrees. */
  | 'publisher-as-author'
  /** The citation writes a given name before the family name ("Despoina Xanthopoulou" for Xanthopoulou). */
  | 'given-name'
  /** The entry has a given name in its family name ("Hoa Nguyen"); the citation has the family name alone. */
  | 'entry-given-name';

/** One reason of a match, with what the citation wrote and what the entry has. */
export interface MatchReason {
  kind: MatchReasonKind;
  /** As written in the citation ("Netland", "2020"). */
  cited?: string;
  /** As in the entry ("Natland", "2019"). */
  entry?: string;
}

export type MatchKind = 'exact' | 'fuzzy' | 'none';

/** A citation as the check reports it: where it is, what it says, what it resolved to and why. */
export interface CheckedCitation {
  raw: string;
  line: number;
  column: number;
  page?: number;
  section?: string;
  /** Authors as written (for a year-only citation: taken from the context, see `reasons`). */
  authors: string[];
  year: string | null;
  /** The locator as written ("s.112"), or null. */
  locator: string | null;
  secondary: { authors: string[]; year: string | null; marker: string } | null;
  /** The id of the entry it resolved to (exactly or fuzzily), or null. */
  key: string | null;
  match: MatchKind;
  reasons: MatchReason[];
  /**
   * Present when the citation stands in a reference manager's field of a .docx: the manager and
   * the ids of the works the field stores.
   */
  field?: { manager: ReferenceManager; ids: string[] };
  /** Offsets in `Manuscript.text` (not in the JSON output of the CLI). */
  start: number;
  end: number;
}

/**
 * Where the entries a citation can resolve to come from; 'document-fields': the works a reference
 * manager stored in the citation fields of a .docx, used when no bibliography is given.
 */
export type ReferenceOrigin = 'bibliography' | 'reference-list' | 'document-fields';

/**
 * A work a citation can resolve to: a bibliography entry or an entry of the manuscript's own
 * reference list, reduced to what in-text citations show (family names and year).
 */
export interface Reference {
  key: string;
  /** Family names, literal names of organisations, in order. */
  names: string[];
  /** Short forms the work may be cited by ("FO", "SNL"), from the entry's abbreviation fields. */
  abbreviations: string[];
  /**
   * The publisher of a bibliography entry (CSL `publisher`), which students often cite as the
   * author. Always set by the check (undefined when none), so that every reference has one shape.
   */
  publisher?: string | undefined;
  /** "2019", "2019a", "u.å.", or null when the entry has no year. */
  year: string | null;
  /**
   * Set when nobody knows the year (the entry is not undated, its year is missing): messages then
   * say so, never "u.å." (which the year still reads, for matching undated citations).
   */
  yearMissing?: true;
  /** The title, when known (to tell one work entered twice from two works). */
  title?: string | undefined;
  origin: ReferenceOrigin;
  /** Where it is defined (file as given, 1-based line). */
  file: string;
  line: number;
  /** Whether it is one of the study's included articles. */
  included: boolean;
}

/** Input of `checkManuscript`. */
export interface CheckOptions {
  manuscript: Manuscript;
  /** Citations of `manuscript.text` (default: parsed with `parseCitations`). */
  citations?: readonly Citation[];
  /** Bibliography entries (from the study's files, records and --bib files). */
  entries: readonly BibEntry[];
  /** Ids of the study's included articles (checked for being cited). */
  included?: readonly string[];
  /** Study rule settings (`rules:` in study.yaml). */
  settings?: Readonly<Record<string, RuleSetting>>;
  /**
   * The language of the thesis: decides the expected locator label ("s." or "p.") and "og"/"and".
   * Default: detected from the manuscript's own text (`detectManuscriptLanguage`); undecided, nb.
   */
  language?: Lang;
  /**
   * The study's CSL style (`norsk-apa-manual` or `apa`): the form a typed reference list is held to.
   * Default: the APA 7 style of the thesis's language (`apa` for English, else `norsk-apa-manual`),
   * inferred, so a form the whole typed list writes the other APA 7 way is the list's choice.
   */
  style?: string;
}

/** The language the thesis was checked in, the style its typed list was held to, and their sources. */
export interface CheckLanguage {
  /** The thesis's language as the rules used it (nynorsk counts as nb). */
  thesis: Lang;
  /** `given` (a study's `language:`) or `detected` from the manuscript's text. */
  source: 'given' | 'detected';
  /** What the detector found, when the language was detected. */
  detected?: LanguageGuess;
  /** The style a typed reference list was held to. */
  style: string;
  /** Whether the style was inferred from the thesis's language (none was given). */
  styleInferred: boolean;
}

/** Counts for the summary line. */
export interface CheckSummary {
  citations: number;
  resolved: number;
  exact: number;
  fuzzy: number;
  unresolved: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Count per rule id, in rule order. */
  rules: Record<string, number>;
}

/** The result of checking a manuscript. */
export interface CheckResult {
  citations: CheckedCitation[];
  /** The thesis's language and the style of its typed list, given or detected. */
  language: CheckLanguage;
  /** In stable order (line, column, severity, rule). */
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  /**
   * Present when no bibliography was given and the .docx has reference-manager fields: the
   * entries made from the works stored in them (the citations resolved against these).
   */
  entriesFromFields?: BibEntry[];
  /** Notes for the user about how the check was made (e.g. that the fields' entries were used). */
  notes?: Localized[];
}

import type { Diagnostic, Localized } from '@litsynth/common';

/** How a finding bears on a concept. */
export type Relation = 'supports' | 'nuances' | 'contradicts';

/**
 * What the matrix needs of a theory concept. The concept framework loader (`./framework`)
 * produces richer objects; any object with these fields can be passed.
 */
export interface MatrixConcept {
  id: string;
  label: Localized;
  /** The theory or perspective the concept belongs to ("Rogers"), for grouping in tables. */
  theory?: Localized;
  /** Id of the bibliography entry the concept comes from. */
  source?: string;
  /** Word forms that recognise the concept in text, per language. */
  terms?: { nb?: readonly string[]; en?: readonly string[] };
  /** Where the concept is defined (file and 1-based line), for messages. */
  file?: string;
  line?: number;
}

/** What the matrix needs of one coding link: a finding linked to a concept with a relation. */
export interface MatrixCodingLink {
  /** Finding id ("natland2019-f1"), unique across the included records. */
  finding: string;
  concept: string;
  relation: Relation;
  /** A note in the coder's own words on why the link holds. */
  note?: Localized;
  /** Where the link is written (file and 1-based line), for messages. */
  file?: string;
  line?: number;
}

/** The record fields the matrix uses (a `SourceRecord` from @litsynth/sources fits). */
export interface MatrixRecord {
  id: string;
  file: string;
  entry: {
    id: string;
    item: {
      author?: ReadonlyArray<{ family?: string; literal?: string }>;
      issued?: { 'date-parts'?: ReadonlyArray<ReadonlyArray<number | string>>; literal?: string };
    };
  };
  /** In record order, which is how the article matrix numbers them; `label` is the finding's heading. */
  findings: ReadonlyArray<{
    id: string;
    line: number;
    label?: Localized;
    statement: Localized;
    page?: string;
  }>;
}

/** Input of `buildMatrix`. */
export interface MatrixInput {
  records: readonly MatrixRecord[];
  concepts: readonly MatrixConcept[];
  coding: readonly MatrixCodingLink[];
}

/** One link of a finding to a concept, as the matrix keeps it. */
export interface MatrixLink {
  recordId: string;
  findingId: string;
  conceptId: string;
  relation: Relation;
}

/** A row of the findings × concepts matrix: one finding and the concepts it is coded to. */
export interface FindingRow {
  recordId: string;
  findingId: string;
  /** Links in the order of the concept framework. */
  links: Array<{ conceptId: string; relation: Relation }>;
}

/** A cell of the sources × concepts matrix. */
export interface SourceConceptCell {
  conceptId: string;
  /** Number of the source's findings coded to the concept. */
  count: number;
  findingIds: string[];
  /** How many of those findings support, nuance or contradict the concept. */
  relations: Record<Relation, number>;
}

/** A row of the sources × concepts matrix: one included record, one cell per touched concept. */
export interface SourceRow {
  recordId: string;
  /** Only concepts the source touches, in framework order. */
  cells: SourceConceptCell[];
}

/** The findings × concepts and sources × concepts matrix of a study, with its gaps. */
export interface Matrix {
  /** Concept ids in framework order. */
  concepts: string[];
  /** Record ids in the order given. */
  records: string[];
  links: MatrixLink[];
  findings: FindingRow[];
  sources: SourceRow[];
  gaps: {
    /** Concepts no finding is coded to. */
    conceptsWithoutFindings: string[];
    /** Findings coded to no concept. */
    findingsWithoutConcepts: Array<{ recordId: string; findingId: string }>;
  };
  /** Coding problems: unknown finding or concept, duplicate link. The rest still builds. */
  diagnostics: Diagnostic[];
}

/** A paragraph of the discussion chapter in which a source and a concept occur together. */
export interface DiscussionMention {
  recordId: string;
  conceptId: string;
  /** The section heading the paragraph is in ("5.1 Relasjonens betydning for endringsprosessen"). */
  section: string;
  /** Offsets of the paragraph in `Manuscript.text`. */
  start: number;
  end: number;
  /** Place of the paragraph in the file as given. */
  line: number;
  page?: number;
  /** The citations of the source in the paragraph, as written. */
  citations: string[];
  /** The concept word forms found in the paragraph, as written (lower-cased, unique, sorted). */
  terms: string[];
}

/** Where the thesis discusses each included source with each concept, and the supervisor's cross-check. */
export interface DiscussionMap {
  /** Whether the discussion chapter was found (by its heading number). */
  chapterFound: boolean;
  mentions: DiscussionMention[];
  /** Per source and concept: the paragraphs that discuss them together (only pairs that occur). */
  pairs: Array<{ recordId: string; conceptId: string; paragraphs: number; lines: number[] }>;
  /** Per included source: in which chapters it is cited, and how often. */
  sources: Array<{ recordId: string; results: number; discussion: number }>;
  /** The cross-check: coded links never discussed, discussed links never coded, sources missing. */
  diagnostics: Diagnostic[];
}

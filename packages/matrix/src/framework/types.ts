import type { Diagnostic, Localized } from '@litsynth/common';
import type { MatrixCodingLink, MatrixConcept, Relation } from '../types.js';

/** A theory or perspective of the study: a group of concepts (concepts.yaml `theories[]`). */
export interface Theory {
  /** Kebab-case id, unique among theories ("rogers"). */
  id: string;
  label: Localized;
  /** Id of the bibliography entry the theory is taken from, as the thesis cites it. */
  source?: string;
  /** Ids of the theory's concepts, in file order. */
  concepts: string[];
  file: string;
  line: number;
}

/** A theory concept of the study, with how to recognise it in text. */
export interface Concept extends MatrixConcept {
  /** Kebab-case id, unique in the framework ("empathy"). */
  id: string;
  label: Localized;
  /** What the concept means, in our own words. */
  definition: Localized;
  /** The id of the theory the concept belongs to. */
  theoryId: string;
  /** The label of that theory (for grouping in tables). */
  theory: Localized;
  /** Id of the bibliography entry the concept comes from (the concept's own, else the theory's). */
  source?: string;
  /** Page(s) of that source where the thesis takes the concept from ("125"). */
  page?: string;
  /**
   * Word forms that recognise the concept, per language: plain words or phrases, matched
   * case-insensitively on whole words with common inflection endings; a final `*` matches any
   * continuation ("anerkjenn*").
   */
  terms: { nb: string[]; en: string[] };
  file: string;
  line: number;
}

/** The concept framework of a study (concepts.yaml): theories with their concepts, in file order. */
export interface ConceptFramework {
  file: string;
  theories: Theory[];
  /** Every concept, theory by theory, in file order. */
  concepts: Concept[];
}

/** Result of loading concepts.yaml: what loads, and a diagnostic for every problem. */
export interface ConceptsResult {
  framework: ConceptFramework;
  diagnostics: Diagnostic[];
}

/** Options of loadConcepts / parseConcepts. */
export interface ConceptsOptions {
  /** Bibliography entry ids known to the study; a concept or theory source outside them is reported. */
  entryIds?: Iterable<string>;
}

/** One link of the coding: a finding linked to a concept with a relation (coding.yaml). */
export interface CodingLink extends MatrixCodingLink {
  finding: string;
  concept: string;
  relation: Relation;
  note?: Localized;
  file: string;
  line: number;
}

/** The coding of a study (coding.yaml): links in file order. */
export interface Coding {
  file: string;
  links: CodingLink[];
}

/** Result of loading coding.yaml: the valid links, and a diagnostic for every problem. */
export interface CodingResult {
  coding: Coding;
  diagnostics: Diagnostic[];
}

/** What loadCoding checks the links against: the concepts, and the records with their findings. */
export interface CodingContext {
  concepts: ReadonlyArray<{ id: string }>;
  records: ReadonlyArray<{ id: string; findings: ReadonlyArray<{ id: string }> }>;
}

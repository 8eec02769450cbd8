import type { Lang, Localized, Severity } from '@litsynth/common';

/** The report's own words, in both languages. */
export const labels = {
  documentTitle: { nb: 'Kildebruksrapport', en: 'Source-use report' },
  skipToProblems: { nb: 'Hopp til problemene', en: 'Skip to the problems' },
  contents: { nb: 'Innhold', en: 'Contents' },
  overview: { nb: 'Oversikt', en: 'Overview' },
  question: { nb: 'Problemstilling', en: 'Research question' },
  study: { nb: 'Studie', en: 'Study' },
  citations: { nb: 'Henvisninger i teksten', en: 'In-text citations' },
  works: { nb: 'Ulike verk sitert', en: 'Distinct works cited' },
  referenceCount: { nb: 'Oppføringer i referanselisten', en: 'Reference list entries' },
  problems: { nb: 'Problemer', en: 'Problems' },
  noProblems: { nb: 'Ingen problemer funnet.', en: 'No problems found.' },
  stillMissing: { nb: 'Mangler ennå', en: 'Still missing' },
  noProblemsYet: {
    nb: 'Ingen problemer i det som finnes så langt; se hva som mangler ennå i oversikten.',
    en: 'No problems in what there is so far; see what is still missing in the overview.',
  },
  failures: { nb: 'Deler som ikke kunne lages', en: 'Parts that could not be built' },
  filters: { nb: 'Filtrer problemene', en: 'Filter the problems' },
  severity: { nb: 'Alvorlighet', en: 'Severity' },
  rule: { nb: 'Regel', en: 'Rule' },
  count: { nb: 'Antall', en: 'Count' },
  problemsByRule: { nb: 'Problemer per regel', en: 'Problems by rule' },
  source: { nb: 'Kilde', en: 'Source' },
  concept: { nb: 'Begrep', en: 'Concept' },
  finding: { nb: 'Funn', en: 'Finding' },
  ruleKey: { nb: 'Nøkkel i study.yaml (rules:)', en: 'Key in study.yaml (rules:)' },
  all: { nb: 'Alle', en: 'All' },
  noSource: { nb: '(ingen kilde)', en: '(no source)' },
  filterStatus: {
    nb: '{shown} av {total} problemer vises.',
    en: 'Showing {shown} of {total} problems.',
  },
  page: { nb: 'side', en: 'page' },
  line: { nb: 'linje', en: 'line' },
  column: { nb: 'kolonne', en: 'column' },
  paragraph: { nb: 'avsnitt', en: 'paragraph' },
  suggestion: { nb: 'Forslag', en: 'Suggestion' },
  showInManuscript: { nb: 'Vis i manuskriptet', en: 'Show in the manuscript' },
  noSection: { nb: '(før første overskrift)', en: '(before the first heading)' },
  references: { nb: 'Referanseliste', en: 'Reference list' },
  noReferences: { nb: 'Ingen oppføringer.', en: 'No entries.' },
  typedList: { nb: 'Litteraturlisten i oppgaven', en: "The thesis's reference list" },
  typedListCaption: {
    nb: 'Oppføringene slik litsynth leste dem fra «{heading}» (linje {line}), og hvor mange henvisninger i teksten som viser til hver.',
    en: 'The entries as litsynth read them from "{heading}" (line {line}), and how many citations in the text point to each.',
  },
  typedEntry: { nb: 'Oppføring', en: 'Entry' },
  typedAuthors: { nb: 'Forfattere', en: 'Authors' },
  typedYear: { nb: 'År', en: 'Year' },
  typedCited: { nb: 'Henvist', en: 'Cited' },
  verification: { nb: 'Verifisering', en: 'Verification' },
  definedAt: { nb: 'Står i', en: 'Defined in' },
  referencesTodo: { nb: 'Referanser som må fullføres', en: 'References to complete' },
  referencesTodoCount: { nb: 'Referanser som må fullføres', en: 'References to complete' },
  referencesNotReady: {
    nb: 'Litteraturlisten kan ikke leveres ennå: {count} referanser mangler opplysninger og er holdt utenfor listen.',
    en: 'The reference list is not ready to hand in: {count} references lack data and are kept out of the list.',
  },
  referencesNotReadyOne: {
    nb: 'Litteraturlisten kan ikke leveres ennå: 1 referanse mangler opplysninger og er holdt utenfor listen.',
    en: 'The reference list is not ready to hand in: 1 reference lacks data and is kept out of the list.',
  },
  referencesNotReadyLink: { nb: 'Se hva som mangler', en: 'See what is missing' },
  referencesTodoIntro: {
    nb: 'Disse referansene er ikke med i litteraturlisten, fordi de mangler opplysninger. Fyll inn det som mangler på linjen som er oppgitt, og bygg på nytt.',
    en: 'These references are not in the reference list, because they lack data. Fill in what is missing at the line given, and build again.',
  },
  referencesTodoNone: {
    nb: 'Alle siterte verk er med i litteraturlisten.',
    en: 'Every cited work is in the reference list.',
  },
  evidence: { nb: 'Belegg', en: 'Evidence' },
  notes: { nb: 'Merknader', en: 'Notes' },
  entryProblems: { nb: 'Problemer i oppføringen', en: 'Problems in this entry' },
  showInProblems: { nb: 'Vis blant problemene', en: 'Show among the problems' },
  matrix: { nb: 'Funn × begreper', en: 'Findings × concepts' },
  heatMapCaption: {
    nb: 'Antall funn per begrep og kilde. Hold pekeren over eller gå til en celle med tastaturet for å se funnene.',
    en: 'Number of findings per concept and source. Hover over or tab to a cell to see the findings.',
  },
  conceptColumn: { nb: 'Begrep', en: 'Concept' },
  noFindings: { nb: 'Ingen funn', en: 'No findings' },
  discussionMap: { nb: 'Drøftingskart', en: 'Discussion map' },
  discussionMapCaption: {
    nb: 'Linjene i drøftingskapitlet der kilden og begrepet drøftes i samme avsnitt.',
    en: 'The lines of the discussion chapter where the source and the concept are discussed in one paragraph.',
  },
  noDiscussionChapter: {
    nb: 'Fant ikke drøftingskapitlet i manuskriptet.',
    en: 'The discussion chapter was not found in the manuscript.',
  },
  citedInResults: { nb: 'Sitert i resultatkapitlet', en: 'Cited in the results' },
  citedInDiscussion: { nb: 'Sitert i drøftingen', en: 'Cited in the discussion' },
  tables: { nb: 'Tabeller', en: 'Tables' },
  // As the thesis tables have them (@litsynth/tables): "Tabell 1", "Merknad.".
  table: { nb: 'Tabell', en: 'Table' },
  tableNote: { nb: 'Merknad.', en: 'Note.' },
  manuscript: { nb: 'Manuskriptet', en: 'The manuscript' },
  noManuscript: { nb: 'Manuskriptet kunne ikke leses.', en: 'The manuscript could not be read.' },
  notAvailable: { nb: 'Ikke tilgjengelig.', en: 'Not available.' },
} satisfies Record<string, Localized>;

export const severityLabels: Record<Severity, Localized> = {
  error: { nb: 'Feil', en: 'Error' },
  warning: { nb: 'Advarsel', en: 'Warning' },
  info: { nb: 'Info', en: 'Info' },
};

/** Headings of the counts in the overview. */
export const severityCountLabels: Record<Severity, Localized> = {
  error: { nb: 'Feil', en: 'Errors' },
  warning: { nb: 'Advarsler', en: 'Warnings' },
  info: { nb: 'Merknader om form', en: 'Notes on form' },
};

export const verificationLabels: Record<
  'verified' | 'partly-verified' | 'unverified' | 'none',
  Localized
> = {
  verified: { nb: 'Verifisert', en: 'Verified' },
  'partly-verified': { nb: 'Delvis verifisert', en: 'Partly verified' },
  unverified: { nb: 'Ikke verifisert', en: 'Unverified' },
  none: { nb: 'Ingen verifiseringsdata', en: 'No verification data' },
};

/** Picks the text of a label in a language. */
export function say(label: Localized, lang: Lang): string {
  return label[lang];
}

/** A note or piece of evidence in a language: its own language for `{ nb, en }`, as it is for one text. */
export function sayText(text: string | Localized, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

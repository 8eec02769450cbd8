import type { Lang, Localized } from '@litsynth/common';

/** Every word the page itself shows, in Norwegian (bokmål) and English. */
export const uiText = {
  documentTitle: {
    nb: 'litsynth – sjekk kildebruken i oppgaven',
    en: 'litsynth – check the source use in a thesis',
  },
  title: { nb: 'Sjekk kildebruken i oppgaven', en: 'Check the source use in a thesis' },
  intro: {
    nb: 'Velg en oppgave, og få hver henvisning sjekket mot referansene: problemer per kapittel med setning, side og forslag, og referanselisten slik den bør stå (norsk APA 7).',
    en: 'Choose a thesis and get every citation checked against the references: problems by section with the sentence, page and a suggestion, and the reference list as it should be (Norwegian APA 7).',
  },
  languageGroup: { nb: 'Språk', en: 'Language' },
  skipToFiles: { nb: 'Hopp til filene', en: 'Skip to the files' },
  privacyTitle: {
    nb: 'Oppgaven forlater ikke maskinen din',
    en: 'The thesis never leaves your computer',
  },
  privacy: {
    nb: 'Alt skjer her i nettleseren. Filene lastes ikke opp, ingenting sendes noe sted, og siden bruker ingen analyseverktøy, skrifter eller skript fra andre steder. Når siden er lastet, virker den også uten nett.',
    en: 'Everything happens here in the browser. The files are not uploaded, nothing is sent anywhere, and the page uses no analytics, fonts or scripts from elsewhere. Once the page has loaded, it works without a network too.',
  },
  filesTitle: { nb: 'Filer', en: 'Files' },
  thesisLabel: {
    nb: 'Oppgaven (.docx, .pdf, .txt eller .md)',
    en: 'The thesis (.docx, .pdf, .txt or .md)',
  },
  bibliographyLabel: {
    nb: 'Referansefiler, hvis du har dem (.bib, .ris, .json, .yaml; flere kan velges)',
    en: 'Reference files, if you have them (.bib, .ris, .json, .yaml; several may be chosen)',
  },
  bibliographyHint: {
    nb: 'Uten referansefiler sjekkes henvisningene mot oppgavens egen litteraturliste (eller mot Zotero-, Mendeley- eller EndNote-feltene i en .docx).',
    en: "Without reference files, the citations are checked against the thesis's own reference list (or the Zotero, Mendeley or EndNote fields of a .docx).",
  },
  dropHint: { nb: 'Du kan også slippe filene her.', en: 'You can also drop the files here.' },
  chosenNone: { nb: 'Ingen oppgave valgt ennå.', en: 'No thesis chosen yet.' },
  chosenThesis: { nb: 'Oppgave', en: 'Thesis' },
  chosenReferences: { nb: 'Referansefiler', en: 'Reference files' },
  clearReferences: { nb: 'Fjern referansefilene', en: 'Remove the reference files' },
  statusTitle: { nb: 'Status', en: 'Status' },
  progressLabel: { nb: 'Fremdrift', en: 'Progress' },
  idle: { nb: 'Velg en oppgave for å begynne.', en: 'Choose a thesis to begin.' },
  steps: {
    bibliography: { nb: 'Leser referansefilene …', en: 'Reading the reference files …' },
    manuscript: { nb: 'Leser oppgaven …', en: 'Reading the thesis …' },
    citations: { nb: 'Finner henvisningene …', en: 'Finding the citations …' },
    check: { nb: 'Sjekker henvisningene …', en: 'Checking the citations …' },
    references: { nb: 'Lager referanselisten …', en: 'Making the reference list …' },
    report: { nb: 'Lager rapporten …', en: 'Making the report …' },
  },
  pdfPage: {
    nb: 'Leser PDF-en: side {page} av {pages} …',
    en: 'Reading the PDF: page {page} of {pages} …',
  },
  done: { nb: 'Ferdig på {seconds} s.', en: 'Done in {seconds} s.' },
  failedTitle: { nb: 'Filen kunne ikke sjekkes', en: 'The file could not be checked' },
  readFailed: {
    nb: 'Nettleseren kunne ikke lese filen (er den flyttet eller slettet?): {error}',
    en: 'The browser could not read the file (was it moved or deleted?): {error}',
  },
  resultTitle: { nb: 'Resultat', en: 'Result' },
  summary: {
    nb: '{citations} henvisninger, {errors} feil, {warnings} advarsler, {infos} merknader om form.',
    en: '{citations} citations, {errors} errors, {warnings} warnings, {infos} notes on form.',
  },
  bibliographySummary: {
    nb: 'Referanselisten: {errors} feil, {warnings} advarsler, {infos} merknader om form.',
    en: 'Reference list: {errors} errors, {warnings} warnings, {infos} notes on form.',
  },
  downloadsTitle: { nb: 'Last ned', en: 'Download' },
  downloads: {
    report: { nb: 'Rapporten ({name})', en: 'The report ({name})' },
    check: {
      nb: 'Sjekken som JSON ({name}, som litsynth check --format json)',
      en: 'The check as JSON ({name}, as litsynth check --format json)',
    },
    'references-md': {
      nb: 'Referanselisten i Markdown ({name})',
      en: 'The reference list in Markdown ({name})',
    },
    'references-html': {
      nb: 'Referanselisten i HTML ({name}, kan limes inn i Word)',
      en: 'The reference list in HTML ({name}, can be pasted into Word)',
    },
    'references-todo': {
      nb: 'Det som mangler for å fullføre referanselisten ({name})',
      en: 'What is missing to complete the reference list ({name})',
    },
    'annotated-docx': {
      nb: 'Oppgaven med en Word-merknad ved hvert problem ({name})',
      en: 'The thesis with a Word comment at each problem ({name})',
    },
  },
  reportFrame: { nb: 'Rapporten', en: 'The report' },
  reportHint: {
    nb: 'Rapporten under er den samme som i report.html. Lenker ut av rapporten åpnes ikke her; last ned rapporten for å følge dem.',
    en: 'The report below is the same as report.html. Links out of the report do not open here; download the report to follow them.',
  },
  footer: {
    nb: 'litsynth kjører helt i nettleseren din. Den samme sjekken finnes som kommandoen «litsynth check».',
    en: 'litsynth runs entirely in your browser. The same check is the command "litsynth check".',
  },
} as const;

/** A text in the page's language, with {placeholders} filled in. */
export function say(
  text: Localized,
  lang: Lang,
  values: Record<string, string | number> = {},
): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

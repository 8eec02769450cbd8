import { applyRuleSettings, compareDiagnostics, type Diagnostic, type Lang, type Localized } from '@litsynth/common';
import { parseCitations, type Citation } from '@litsynth/citations';
import { compareTypedReferenceList } from '@litsynth/bibliography';
import type { Manuscript } from '@litsynth/ingest';
import { checkConnector, checkLocatorForm, checkPunctuation, checkSecondaryForm } from './form-rules.js';
import { foldName, normalizeName } from './names.js';
import { entriesFromFields, fieldAt, managerNames } from './field-entries.js';
import { findQuotations, type Quotation } from './quotations.js';
import { referencesFromEntries, referencesFromList } from './references.js';
import { resolveCitation, type Resolution } from './resolve-citation.js';
import { checkRules, ruleById } from './rules.js';
import type { CheckedCitation, CheckOptions, CheckResult, CheckSummary, Reference } from './types.js';

// How far back a year-only citation ("(2013, s. 31)") looks for the author it continues.
const contextWindow = 1500;

interface Work {
  citation: Citation;
  /** Authors as written, or taken from the context for a year-only citation. */
  authors: string[];
  fromContext: boolean;
  resolution: Resolution;
  checked: CheckedCitation;
}

/**
 * Checks every citation of a manuscript against the bibliography: resolves each (exactly or
 * fuzzily, with reasons) and runs the source-use rules. Returns the citations and the
 * diagnostics in stable order, with the study's rule settings applied.
 */
export function checkManuscript(options: CheckOptions): CheckResult {
  const { manuscript } = options;
  const language: Lang = options.language ?? 'nb';
  // The years in the reference list itself ("Dalland, O. (2017).") are not citations.
  const list = manuscript.referenceList;
  const citations = [...(options.citations ?? parseCitations(manuscript.text))]
    .filter((citation) => !list || citation.start < list.start || citation.start >= list.end)
    .sort((a, b) => a.start - b.start);
  // Bibliography entries first: when a work is both in a file and in the thesis's own list, the
  // citation gets the entry's id, and the typed list is compared with the entries below.
  // `litsynth check thesis.docx` alone: the works Zotero, Mendeley or EndNote stored in the
  // document's citation fields are the bibliography.
  const fieldEntries = options.entries.length === 0 ? entriesFromFields(manuscript) : [];
  const entries = options.entries.length > 0 ? options.entries : fieldEntries;
  const fromFields = (reference: Reference): Reference => (fieldEntries.length > 0 ? { ...reference, origin: 'document-fields' } : reference);
  const references = [...referencesFromEntries(entries, options.included ?? []).map(fromFields), ...referencesFromList(manuscript)];
  const diagnostics: Diagnostic[] = [];
  const report = (rule: string, offset: number, message: Localized, extra: Partial<Diagnostic> = {}) => {
    diagnostics.push(diagnosticAt(manuscript, rule, offset, message, extra));
  };

  const works: Work[] = [];
  for (const citation of citations) {
    // "(ibid., s. 5)", "… «…» (s. 69)": the work cited just before, with a page of its own.
    const previous = works[works.length - 1];
    if (refersBack(citation) && previous) {
      const resolution: Resolution = { ...previous.resolution, reasons: [{ kind: 'author-from-context', cited: previous.authors.join(', ') }, ...previous.resolution.reasons] };
      if (resolution.match === 'exact') {
        resolution.match = 'fuzzy';
        resolution.reasons = resolution.reasons.filter((reason) => reason.kind !== 'exact');
      }
      works.push({ citation, authors: previous.authors, fromContext: true, resolution, checked: toChecked(manuscript, citation, previous.authors, resolution) });
      continue;
    }
    const context = citation.authors.length > 0 ? null : (authorsFromContext(citation, works) ?? authorsFromProse(manuscript.text, citation, references));
    let authors = context ?? citation.authors;
    let resolution =
      authors.length > 0 ? resolveCitation({ authors, etAl: citation.etAl !== null, year: citation.year }, references) : unresolved();
    // "Hayes (2013) modell": the parser undid a genitive, but the name may itself end in -s.
    if (citation.genitive !== undefined && resolution.match !== 'exact') {
      const asWritten = [...citation.authors.slice(0, -1), citation.genitive.replace(/['’]$/u, '')];
      const written = resolveCitation({ authors: asWritten, etAl: citation.etAl !== null, year: citation.year }, references);
      if (written.cost < resolution.cost) {
        authors = asWritten;
        resolution = written;
      }
    }
    if (context) resolution.reasons.unshift({ kind: 'author-from-context', cited: context.join(', ') });
    if (context && resolution.match === 'exact') {
      resolution.match = 'fuzzy';
      resolution.reasons = resolution.reasons.filter((reason) => reason.kind !== 'exact');
    }
    const checked = toChecked(manuscript, citation, authors, resolution);
    const field = fieldAt(manuscript, citation.start, citation.end);
    if (field) checked.field = { manager: field.manager, ids: field.items.map((item) => item.id) };
    works.push({ citation, authors, fromContext: context !== null, resolution, checked });
  }

  // A back-reference has no names or year of its own to check.
  for (const work of works) if (!refersBack(work.citation)) checkWork(work, references, language, report);
  checkConsistency(works, report);
  checkQuotations(manuscript, works, language, report);
  checkReferences(manuscript, references, works, report, diagnostics, entries.length > 0, language);
  if (list && entries.length > 0) diagnostics.push(...compareWithTypedList(manuscript, works, { ...options, entries }));

  const settled = applyRuleSettings(diagnostics, options.settings ?? {}).sort(compareDiagnostics);
  const checked = works.map((work) => work.checked);
  const result: CheckResult = { citations: checked, diagnostics: settled, summary: summarize(checked, settled) };
  const notes = [...fieldEntriesNote(manuscript, fieldEntries.length), ...unparsedFieldsNote(manuscript, works)];
  return {
    ...result,
    ...(fieldEntries.length > 0 ? { entriesFromFields: fieldEntries } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The note that the works stored in the document's fields served as the bibliography. */
function fieldEntriesNote(manuscript: Manuscript, count: number): Localized[] {
  if (count === 0) return [];
  const managers = [...new Set((manuscript.fieldCitations ?? []).map((field) => managerNames[field.manager]))].join(', ');
  return [
    {
      nb: `Ingen bibliografi ble gitt: ${count} verk som ${managers} har lagret i dokumentets henvisningsfelt, ble brukt som bibliografi (ikke kontrollert mot noen kilde).`,
      en: `No bibliography was given: the ${count} work${count === 1 ? '' : 's'} ${managers} stored in the document's citation fields ${count === 1 ? 'was' : 'were'} used as the bibliography (not checked against any record).`,
    },
  ];
}

/**
 * Fields whose displayed text holds no author–date citation (a numbered style's "[1]", text
 * edited by hand): their works are not checked, and the user should know.
 */
function unparsedFieldsNote(manuscript: Manuscript, works: readonly Work[]): Localized[] {
  const unparsed = (manuscript.fieldCitations ?? []).filter(
    (field) => field.items.length > 0 && !works.some((work) => field.start <= work.citation.start && work.citation.end <= field.end),
  );
  const first = unparsed[0];
  if (!first) return [];
  const shown = manuscript.text.slice(first.start, first.end).replace(/\s+/g, ' ').trim().slice(0, 40);
  const line = manuscript.locate(first.start).line;
  const count = unparsed.length;
  return [
    {
      nb: `${count} henvisningsfelt viser tekst som ikke er en forfatter–år-henvisning (først «${shown}», linje ${line}); verkene i ${count === 1 ? 'det' : 'dem'} ble ikke kontrollert.`,
      en: `${count} citation field${count === 1 ? '' : 's'} show${count === 1 ? 's' : ''} text that is not an author–date citation (first "${shown}", line ${line}); the works in ${count === 1 ? 'it were' : 'them were'} not checked.`,
    },
  ];
}

/** "(ibid.)", "(samme sted, s. 5)", a page alone after a citation: the parser marks them. */
function refersBack(citation: Citation): boolean {
  return citation.ibid === true || citation.locatorOnly === true;
}

function unresolved(): Resolution {
  return { reference: null, match: 'none', reasons: [], cost: Number.POSITIVE_INFINITY, alternatives: [] };
}

/** The authors of the nearest earlier citation with the same year, within the context window. */
function authorsFromContext(citation: Citation, before: readonly Work[]): string[] | null {
  for (let index = before.length - 1; index >= 0; index--) {
    const work = before[index];
    if (!work || citation.start - work.citation.end > contextWindow) break;
    if (work.fromContext || work.authors.length === 0) continue;
    if (work.citation.year !== null && work.citation.year === citation.year) return work.authors;
  }
  return null;
}

/**
 * The authors of a work with the citation's year whose first author is named earlier in the same
 * sentence ("Skau skriver at makt … (2013, s. 31)"), when no citation gives them.
 */
function authorsFromProse(text: string, citation: Citation, references: readonly Reference[]): string[] | null {
  if (citation.year === null) return null;
  const before = text.slice(Math.max(0, citation.start - 300), citation.start);
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n')) + 1);
  const words = new Set((sentence.match(/\p{Lu}[\p{L}-]+/gu) ?? []).map(foldName));
  const year = citation.year;
  const reference = references.find((candidate) => candidate.year === year && candidate.names[0] !== undefined && words.has(foldName(candidate.names[0])));
  return reference ? reference.names : null;
}

type Report = (rule: string, offset: number, message: Localized, extra?: Partial<Diagnostic>) => void;

function diagnosticAt(manuscript: Manuscript, rule: string, offset: number, message: Localized, extra: Partial<Diagnostic>): Diagnostic {
  const place = manuscript.locate(offset);
  const section = sectionName(manuscript, offset);
  return {
    rule,
    severity: ruleById(rule).severity,
    message,
    file: manuscript.path,
    line: place.line,
    column: place.column,
    ...(place.page === undefined ? {} : { page: place.page }),
    ...(section === undefined ? {} : { section }),
    ...extra,
  };
}

function sectionName(manuscript: Manuscript, offset: number): string | undefined {
  const heading = manuscript.sectionAt(offset);
  if (!heading) return undefined;
  return heading.number ? `${heading.number} ${heading.text}` : heading.text;
}

function toChecked(manuscript: Manuscript, citation: Citation, authors: string[], resolution: Resolution): CheckedCitation {
  const place = manuscript.locate(citation.start);
  const section = sectionName(manuscript, citation.start);
  return {
    raw: rawOf(citation),
    line: place.line,
    column: place.column,
    ...(place.page === undefined ? {} : { page: place.page }),
    ...(section === undefined ? {} : { section }),
    authors,
    year: citation.year,
    locator: citation.locator?.raw ?? null,
    secondary: citation.secondary ? { authors: citation.secondary.authors, year: citation.secondary.year, marker: citation.secondary.marker } : null,
    key: resolution.reference?.key ?? null,
    match: resolution.match,
    reasons: resolution.reasons,
    start: citation.start,
    end: citation.end,
  };
}

/** The citation text with line breaks and runs of spaces as one space, for messages. */
function rawOf(citation: Citation): string {
  return citation.raw.replace(/\s+/g, ' ').trim();
}

/** "Natland et al. (2019)": how a reference is cited, for messages and suggestions. */
function citeForm(reference: Reference, language: Lang): string {
  const names = reference.names;
  const undated = language === 'en' ? 'n.d.' : 'u.å.';
  const year = reference.year === null || reference.year === 'u.å.' ? undated : reference.year;
  if (names.length === 0) return `${reference.abbreviations[0] ?? reference.key} (${year})`;
  if (names.length >= 3) return `${names[0]} et al. (${year})`;
  return `${names.join(language === 'en' ? ' and ' : ' og ')} (${year})`;
}

const listNames = (names: readonly string[]): string => names.join(', ');

/** The rules about one citation: resolution, year, authors, form. */
function checkWork(work: Work, references: readonly Reference[], language: Lang, report: Report): void {
  const { citation, resolution } = work;
  const reference = resolution.reference;
  const base = { raw: rawOf(citation), ...(reference ? { key: reference.key } : {}) };
  const at = citation.start;

  if (work.authors.length === 0) {
    report('missing-author', at, {
      nb: `Henvisningen «${rawOf(citation)}» har årstall, men ingen forfatter, og ingen henvisning med samme år står foran den.`,
      en: `The citation "${rawOf(citation)}" has a year but no author, and no citation with the same year precedes it.`,
    }, { ...base, suggestion: { nb: 'Skriv forfatterens etternavn foran årstallet.', en: "Write the author's family name before the year." } });
  }
  if (citation.year === null && citation.notYear !== null) {
    report('not-a-year', at, {
      nb: `«${citation.notYear}» står der årstallet skal stå i «${rawOf(citation)}».`,
      en: `"${citation.notYear}" stands where the year belongs in "${rawOf(citation)}".`,
    }, { ...base, ...(reference?.year ? { suggestion: { nb: `Skriv årstallet: ${citeForm(reference, language)}.`, en: `Write the year: ${citeForm(reference, language)}.` } } : {}) });
  } else if (citation.year === null && work.authors.length > 0) {
    report('missing-year', at, {
      nb: `Henvisningen «${rawOf(citation)}» mangler årstall.`,
      en: `The citation "${rawOf(citation)}" has no year.`,
    }, {
      ...base,
      suggestion: reference?.year
        ? { nb: `Skriv årstallet: ${citeForm(reference, language)}.`, en: `Add the year: ${citeForm(reference, language)}.` }
        : { nb: 'Skriv årstallet, eller «u.å.» når verket ikke har noe.', en: 'Add the year, or "n.d." when the work has none.' },
    });
  }

  if (work.authors.length > 0 && resolution.match === 'none' && references.length > 0) {
    if (citation.secondary) {
      report('secondary-source-missing', at, {
        nb: `Kilden du har lest, ${listNames(work.authors)} (${citation.year ?? 'u.å.'}), står ikke i litteraturlisten.`,
        en: `The source read, ${listNames(work.authors)} (${citation.year ?? 'n.d.'}), is not in the reference list.`,
      }, { ...base, suggestion: { nb: 'Før opp kilden du har lest i litteraturlisten.', en: 'Add the source you read to the reference list.' } });
    } else {
      report('unresolved-citation', at, {
        nb: `Fant ingen oppføring for ${listNames(work.authors)} (${citation.year ?? 'u.å.'}).`,
        en: `No entry found for ${listNames(work.authors)} (${citation.year ?? 'n.d.'}).`,
      }, { ...base, suggestion: { nb: 'Før opp verket i litteraturlisten, eller rett navnet.', en: 'Add the work to the reference list, or correct the name.' } });
    }
  }

  if (reference && resolution.match === 'fuzzy') checkFuzzyReasons(work, reference, language, report);
  if (reference) checkEtAl(work, reference, references, language, report);
  if (citation.secondary) checkSecondaryOriginal(work, references, language, report);

  const secondaryForm = checkSecondaryForm(citation);
  if (secondaryForm) report('secondary-citation-form', at, secondaryForm.message, { ...base, ...(secondaryForm.suggestion ? { suggestion: secondaryForm.suggestion } : {}) });
  const connector = checkConnector(citation);
  if (connector) report('author-connector', at, connector.message, { ...base, ...(connector.suggestion ? { suggestion: connector.suggestion } : {}) });
  if (citation.locator) {
    const locator = checkLocatorForm(citation.locator, language);
    if (locator) report('locator-form', citation.locator.start, locator.message, { ...base, ...(locator.suggestion ? { suggestion: locator.suggestion } : {}) });
  }
  const punctuation = checkPunctuation(citation, language);
  if (punctuation) report('citation-punctuation', at, punctuation.message, { ...base, ...(punctuation.suggestion ? { suggestion: punctuation.suggestion } : {}) });
}

function checkFuzzyReasons(work: Work, reference: Reference, language: Lang, report: Report): void {
  const { citation } = work;
  const base = { raw: rawOf(citation), key: reference.key };
  const spellings = work.resolution.reasons.filter((reason) => reason.kind === 'author-spelling');
  if (spellings.length > 0 && !work.fromContext) {
    const pairs = spellings.map((reason) => ({ cited: reason.cited ?? '', entry: reason.entry ?? '' }));
    const written = pairs.map((pair) => `«${pair.cited}»`).join(', ');
    const meant = pairs.map((pair) => `«${pair.entry}»`).join(', ');
    report('author-misspelled', citation.start, {
      nb: `${written} finnes ikke i oppføringen ${reference.key}, ${citeForm(reference, language)}; trolig menes ${meant}.`,
      en: `${written.replace(/[«»]/g, '"')} is not in the entry ${reference.key}, ${citeForm(reference, language)}; probably ${meant.replace(/[«»]/g, '"')} is meant.`,
    }, { ...base, suggestion: { nb: `Skriv ${pairs.map((pair) => pair.entry).join(', ')}.`, en: `Write ${pairs.map((pair) => pair.entry).join(', ')}.` } });
  }
  const publisher = work.resolution.reasons.find((reason) => reason.kind === 'publisher-as-author');
  if (publisher && !work.fromContext) {
    const author = citeForm(reference, language);
    report('cited-under-publisher', citation.start, {
      nb: `«${publisher.cited}» ga ut ${reference.key}, men er ikke forfatteren; i litteraturlisten står verket under ${author}.`,
      en: `"${publisher.cited}" published ${reference.key} but did not write it; the reference list has the work under ${author}.`,
    }, { ...base, suggestion: { nb: `Henvis til forfatteren: ${author}.`, en: `Cite the author: ${author}.` } });
  }
  const coauthors = work.resolution.reasons.find((reason) => reason.kind === 'coauthor-missing' || reason.kind === 'coauthor-extra');
  // Three or more authors written as one: that is the et-al rule's business.
  const etAlCase = coauthors?.kind === 'coauthor-missing' && reference.names.length >= 3;
  if (coauthors && !etAlCase && !work.fromContext) {
    report('coauthor-mismatch', citation.start, coauthors.kind === 'coauthor-missing'
      ? { nb: `Henvisningen utelater ${coauthors.entry}, som står som medforfatter i ${reference.key}.`, en: `The citation leaves out ${coauthors.entry}, a co-author in ${reference.key}.` }
      : { nb: `${coauthors.cited} står ikke som forfatter i ${reference.key}.`, en: `${coauthors.cited} is not an author of ${reference.key}.` },
    { ...base, suggestion: { nb: `Skriv ${citeForm(reference, language)}.`, en: `Write ${citeForm(reference, language)}.` } });
  }
  const year = work.resolution.reasons.find((reason) => reason.kind === 'year-differs' || reason.kind === 'year-suffix');
  // An entry without a confirmed year cannot contradict the year written.
  if (year && reference.year !== null && reference.year !== 'u.å.') {
    const candidates = [reference, ...work.resolution.alternatives].sort((a, b) => ((a.year ?? '') < (b.year ?? '') ? -1 : 1));
    if (year.kind === 'year-suffix') {
      const list = candidates.map((candidate) => `${candidate.year} (${candidate.key})`).join(', ');
      report('year-mismatch', citation.start, {
        nb: `Flere verk av samme forfatter(e) er fra ${year.cited}: ${list}. Årstallet må ha bokstav.`,
        en: `Several works by the same author(s) are from ${year.cited}: ${list}. The year needs its letter.`,
      }, { ...base, suggestion: { nb: `Skriv ${candidates.map((candidate) => candidate.year).join(' eller ')}.`, en: `Write ${candidates.map((candidate) => candidate.year).join(' or ')}.` } });
    } else {
      report('year-mismatch', citation.start, {
        nb: `Årstallet ${year.cited} stemmer ikke med oppføringen ${reference.key}, som har ${reference.year}.`,
        en: `The year ${year.cited} does not match the entry ${reference.key}, which has ${reference.year}.`,
      }, { ...base, suggestion: { nb: `Skriv ${reference.year}, eller rett oppføringen.`, en: `Write ${reference.year}, or correct the entry.` } });
    }
  }
}

function checkEtAl(work: Work, reference: Reference, references: readonly Reference[], language: Lang, report: Report): void {
  const { citation } = work;
  if (work.fromContext || citation.corporate) return;
  const base = { raw: rawOf(citation), key: reference.key };
  if (citation.etAl !== null && reference.names.length > 0 && reference.names.length <= 2) {
    const written = reference.names.join(citation.form === 'parenthetical' ? ' & ' : language === 'en' ? ' and ' : ' og ');
    // "Berg et al. (2015)" may mean a work Berg wrote with others, but not as first author.
    const cited = foldName(reference.names[0] ?? '');
    const other = references.find(
      (candidate) =>
        candidate.names.length >= 3 &&
        candidate.names.slice(1).some((name) => foldName(name) === cited) &&
        (candidate.year ?? '').slice(0, 4) === (citation.year ?? '').slice(0, 4),
    );
    const hint = other
      ? {
          nb: ` Eller menes ${citeForm(other, language)} (${other.key}), der ${reference.names[0]} er med, men ikke først?`,
          en: ` Or is ${citeForm(other, language)} (${other.key}) meant, where ${reference.names[0]} is named, but not first?`,
        }
      : { nb: '', en: '' };
    report('et-al-usage', citation.start, {
      nb: `«${citation.etAl}» brukes bare for tre eller flere forfattere; ${reference.key} har ${reference.names.length === 1 ? 'én' : 'to'}.${hint.nb}`,
      en: `"${citation.etAl}" is only for three or more authors; ${reference.key} has ${reference.names.length === 1 ? 'one' : 'two'}.${hint.en}`,
    }, { ...base, suggestion: { nb: `Skriv ${written}.`, en: `Write ${written}.` } });
  } else if (citation.etAl === null && reference.names.length >= 3 && work.authors.length >= 1) {
    report('et-al-usage', citation.start, {
      nb: `Verk med tre eller flere forfattere henvises til med første forfatter og «et al.» fra første gang.`,
      en: 'Works with three or more authors are cited with the first author and "et al." from the first citation.',
    }, { ...base, suggestion: { nb: `Skriv ${reference.names[0]} et al.`, en: `Write ${reference.names[0]} et al.` } });
  }
}

/** The original of a secondary citation does not belong in the reference list. */
function checkSecondaryOriginal(work: Work, references: readonly Reference[], language: Lang, report: Report): void {
  const secondary = work.citation.secondary;
  if (!secondary || secondary.authors.length === 0) return;
  // Originals are often written with given names ("Søren Kierkegaard"): compare the family name.
  const family = (name: string) => name.trim().split(/\s+/).pop() ?? name;
  const authors = secondary.authors.map(family);
  const resolution = resolveCitation({ authors, etAl: false, year: secondary.year }, references);
  const reference = resolution.reference;
  if (!reference || reference.key === work.resolution.reference?.key) return;
  const sameName = reference.names[0] !== undefined && authors[0] !== undefined && foldName(reference.names[0]) === foldName(authors[0]);
  const sameYear = secondary.year === null || resolution.reasons.every((reason) => reason.kind !== 'year-differs');
  if (!sameName || !sameYear) return;
  report('secondary-original-listed', work.citation.start, {
    nb: `Originalverket ${citeForm(reference, language)} står i litteraturlisten, men du har lest det i ${listNames(work.authors)}.`,
    en: `The original work ${citeForm(reference, language)} is in the reference list, but you read it in ${listNames(work.authors)}.`,
  }, {
    raw: rawOf(work.citation),
    key: reference.key,
    suggestion: {
      nb: 'Fjern originalverket fra litteraturlisten, eller henvis direkte til det hvis du har lest det.',
      en: 'Remove the original from the reference list, or cite it directly if you have read it.',
    },
  });
}

/** One work, cited with different years or spellings: one diagnostic, at the first deviating citation. */
function checkConsistency(works: readonly Work[], report: Report): void {
  const byKey = new Map<string, Work[]>();
  for (const work of works) {
    const key = work.resolution.reference?.key;
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), work]);
  }
  for (const [key, group] of byKey) {
    const variants = new Map<string, Work[]>();
    for (const work of group) {
      // Year-only citations repeat the year of the citation before them; they add no variant.
      if (work.citation.year === null || work.fromContext) continue;
      const names = normalizeName(work.authors[0] ?? '');
      const variant = `${names}|${work.citation.year}`;
      variants.set(variant, [...(variants.get(variant) ?? []), work]);
    }
    const distinct = [...variants.entries()];
    const years = new Set(distinct.map(([variant]) => variant.split('|')[1]));
    const names = new Set(distinct.map(([variant]) => variant.split('|')[0]));
    if (years.size < 2 && names.size < 2) continue;
    // The most frequent variant is taken as intended; the first citation of another one is reported.
    const ranked = distinct.sort((a, b) => b[1].length - a[1].length || (a[1][0]?.citation.start ?? 0) - (b[1][0]?.citation.start ?? 0));
    const deviating = ranked.slice(1).flatMap(([, list]) => list).sort((a, b) => a.citation.start - b.citation.start)[0];
    if (!deviating) continue;
    const describe = ([, list]: [string, Work[]]) => {
      const first = list[0];
      const authors = first?.authors ?? [];
      const name = first?.citation.etAl || authors.length > 2 ? `${authors[0]} et al.` : authors.join(' & ');
      return `${name} (${first?.citation.year}) ×${list.length}`;
    };
    const summary = ranked.map(describe).join(', ');
    report('inconsistent-citation', deviating.citation.start, {
      nb: `Samme verk (${key}) er henvist til på ulike måter: ${summary}.`,
      en: `The same work (${key}) is cited in different ways: ${summary}.`,
    }, {
      raw: rawOf(deviating.citation),
      key,
      suggestion: { nb: 'Bruk samme navneform og årstall overalt, slik oppføringen har dem.', en: 'Use the same names and year everywhere, as in the entry.' },
    });
  }
}

/** Direct quotations need a page in their citation. */
function checkQuotations(manuscript: Manuscript, works: readonly Work[], language: Lang, report: Report): void {
  const quotations = findQuotations(manuscript);
  const reported = new Set<Work>();
  let previous: { quotation: Quotation; work: Work | null } | null = null;
  for (const quotation of quotations) {
    let work = citationAfter(manuscript, quotation, works) ?? citationBefore(manuscript, quotation, works);
    // A run of quotations introduced by one citation ("… i Lundberg og Syltevik (2013): «…» «…»").
    if (!work && previous && /^\s*$/.test(manuscript.text.slice(previous.quotation.end, quotation.start))) work = previous.work;
    previous = { quotation, work };
    if (!work || work.citation.locator || reported.has(work)) continue;
    reported.add(work);
    const cut = quotation.end - quotation.start > 50;
    const text = manuscript.text.slice(quotation.start, Math.min(quotation.end, quotation.start + 50)).replace(/\s+/g, ' ').trim();
    // An inline quotation carries its own marks; a block quotation is shown in «…».
    const excerpt = quotation.kind === 'block' ? `«${text}${cut ? '…' : ''}»` : cut ? `${text}…${manuscript.text[quotation.end - 1] ?? ''}` : text;
    const raw = rawOf(work.citation);
    const page = language === 'en' ? 'p. …' : 's. …';
    const withPage = raw.endsWith(')') ? `${raw.slice(0, -1)}, ${page})` : `(${raw}, ${page})`;
    report('quotation-without-page', quotation.start, {
      nb: `Sitatet ${excerpt} står uten sidetall i henvisningen «${rawOf(work.citation)}».`,
      en: `The quotation ${excerpt} has no page in its citation "${rawOf(work.citation)}".`,
    }, {
      raw: rawOf(work.citation),
      ...(work.resolution.reference ? { key: work.resolution.reference.key } : {}),
      suggestion: { nb: `Legg til sidetallet: ${withPage}.`, en: `Add the page: ${withPage}.` },
    });
  }
}

/** The citation that closes a quotation: inside a block quote, or after the quotation in the same sentence. */
function citationAfter(manuscript: Manuscript, quotation: Quotation, works: readonly Work[]): Work | null {
  const from = quotation.kind === 'block' ? quotation.start : quotation.end;
  const work = works.find((candidate) => candidate.citation.start >= from);
  if (!work) return null;
  if (work.citation.start <= quotation.end) return work;
  // A block quotation ends with its period before the citation: "… slutt. (Skau, 2017, s. 32)".
  const gap = manuscript.text.slice(quotation.end, work.citation.start).replace(/^\s*\.\s*/, ' ');
  return gap.length > 60 || /[.!?]\s|\n\n/.test(gap) ? null : work;
}

/** The citation that introduces a quotation: just before it, at most the end of the previous paragraph. */
function citationBefore(manuscript: Manuscript, quotation: Quotation, works: readonly Work[]): Work | null {
  for (let index = works.length - 1; index >= 0; index--) {
    const work = works[index];
    if (!work || work.citation.end > quotation.start) continue;
    const gap = manuscript.text.slice(work.citation.end, quotation.start);
    if (gap.length > 60 || /[.!?]\s/.test(gap)) return null;
    return work;
  }
  return null;
}

/** The reference list itself: present, and every entry cited. */
function checkReferences(
  manuscript: Manuscript,
  references: readonly Reference[],
  works: readonly Work[],
  report: Report,
  diagnostics: Diagnostic[],
  typedListCompared: boolean,
  language: Lang,
): void {
  if (manuscript.referenceList === null) {
    report('no-reference-list', Math.max(0, manuscript.text.length - 1), {
      nb: 'Manuskriptet har ingen litteraturliste. Leseren kan ikke finne kildene det henvises til.',
      en: 'The manuscript has no reference list. The reader cannot find the sources it cites.',
    }, { suggestion: { nb: 'Legg til en litteraturliste til slutt; litsynth bib lager den fra bibliografien.', en: 'Add a reference list at the end; litsynth bib generates it from the bibliography.' } });
  }
  // A tie between works ("SNL, 2018" for 2018a and 2018b) counts as citing each of them.
  const cited = new Set(
    works.flatMap((work) => [work.resolution.reference, ...work.resolution.alternatives]).map((reference) => reference?.key).filter((key): key is string => key !== undefined),
  );
  // The same work in the thesis's own list and in a bibliography file: citing one cites both.
  const signature = (reference: Reference) => `${reference.names.map(foldName).join('|')}#${reference.year}`;
  const citedWorks = new Set(references.filter((reference) => cited.has(reference.key)).map(signature));
  for (const reference of references) {
    if (cited.has(reference.key) || citedWorks.has(signature(reference))) continue;
    const message: Localized = {
      nb: `${citeForm(reference, language)} (${reference.key}) er aldri henvist til i teksten${reference.included ? ', selv om den er en inkludert artikkel' : ''}.`,
      en: `${citeForm(reference, language)} (${reference.key}) is never cited in the text${reference.included ? ', although it is an included article' : ''}.`,
    };
    const suggestion: Localized = { nb: 'Henvis til verket, eller fjern oppføringen.', en: 'Cite the work, or remove the entry.' };
    // With bibliography entries, the typed list is compared by compareTypedReferenceList instead.
    if (reference.origin === 'reference-list' && typedListCompared) continue;
    if (reference.origin === 'reference-list') {
      const entry = manuscript.referenceList?.entries.find((candidate) => `list-${manuscript.locate(candidate.start).line}` === reference.key);
      report('uncited-entry', entry?.start ?? 0, message, { key: reference.key, raw: entry?.raw ?? reference.key, suggestion });
    } else {
      // The entry lives in a bibliography file: point there, not into the manuscript.
      diagnostics.push({
        rule: 'uncited-entry',
        severity: ruleById('uncited-entry').severity,
        message,
        file: reference.file,
        line: reference.line,
        column: 1,
        raw: reference.key,
        key: reference.key,
        suggestion,
      });
    }
  }
}

/**
 * A thesis with its own reference list and a bibliography: the typed entries are compared with the
 * cited entries (form of each typed entry, cited works missing from it, typed entries cited nowhere).
 */
function compareWithTypedList(manuscript: Manuscript, works: readonly Work[], options: CheckOptions): Diagnostic[] {
  const list = manuscript.referenceList;
  if (!list) return [];
  const ids = new Set(options.entries.map((entry) => entry.id));
  const cited = new Set(
    works.flatMap((work) => [work.resolution.reference, ...work.resolution.alternatives]).map((reference) => reference?.key).filter((key): key is string => key !== undefined && ids.has(key)),
  );
  const typed = list.entries.map((entry) => {
    const place = manuscript.locate(entry.start);
    return { raw: entry.raw, authors: entry.authors, year: entry.year, title: entry.title, line: place.line, column: place.column };
  });
  const diagnostics = compareTypedReferenceList(typed, options.entries, {
    file: manuscript.path,
    listLine: manuscript.locate(list.heading.start).line,
    cited,
    ...(options.style === undefined ? {} : { style: options.style }),
  });
  const section = sectionName(manuscript, list.heading.start);
  if (section === undefined) return diagnostics;
  return diagnostics.map((diagnostic) => (diagnostic.section !== undefined ? diagnostic : { ...diagnostic, section }));
}

function summarize(citations: readonly CheckedCitation[], diagnostics: readonly Diagnostic[]): CheckSummary {
  // Check rules in their order, then rules of other packages (the typed-list comparison) by id.
  const order = checkRules.map((rule) => rule.id);
  const ids = [...new Set(diagnostics.map((diagnostic) => diagnostic.rule))].sort(
    (a, b) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1) || (a < b ? -1 : 1),
  );
  const rules: Record<string, number> = {};
  for (const id of ids) rules[id] = diagnostics.filter((diagnostic) => diagnostic.rule === id).length;
  const count = (match: string) => citations.filter((citation) => citation.match === match).length;
  return {
    citations: citations.length,
    resolved: citations.length - count('none'),
    exact: count('exact'),
    fuzzy: count('fuzzy'),
    unresolved: count('none'),
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    infos: diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length,
    rules,
  };
}


import { type Citation, parseCitations } from '@litsynth/citations';
import {
  applyRuleSettings,
  compareDiagnostics,
  type Diagnostic,
  type Lang,
  type Localized,
  type RuleIdOf,
} from '@litsynth/common';
import { detectManuscriptLanguage, type Manuscript } from '@litsynth/ingest';
import { findAuthorsWithoutYear } from './authors-without-year.js';
import {
  type Context,
  citeForm,
  citeNames,
  diagnosticAt,
  escapeRegExp,
  farApart,
  groupName,
  type ListContext,
  listNames,
  type Report,
  rawOf,
  sectionName,
  type Work,
} from './check-context.js';
import { entriesFromFields, fieldAt, managerNames } from './field-entries.js';
import {
  checkConnector,
  checkLocatorForm,
  checkPunctuation,
  checkSecondaryForm,
} from './form-rules.js';
import { findListDebris, sameTitle } from './list-debris.js';
import { entryHiding, readingOfList } from './list-reading.js';
import {
  checkListDebris,
  citedInUnreadForm,
  compareWithTypedList,
  type Doubt,
  listDoubt,
  listedEntries,
  withDoubt,
} from './list-rules.js';
import { foldName, normalizeName } from './names.js';
import { findQuotations, type Quotation } from './quotations.js';
import { referencesFromEntries, referencesFromList } from './references.js';
import { citationResolver, type Resolution, resolveCitation, undated } from './resolve-citation.js';
import { checkRules, ruleById } from './rules.js';
import { sentencesAround } from './sentences.js';
import type {
  CheckedCitation,
  CheckLanguage,
  CheckOptions,
  CheckResult,
  CheckSummary,
  Reference,
} from './types.js';

// How far back a year-only citation ("(2013, s. 31)") looks for the author it continues.
const contextWindow = 1500;

/**
 * Checks every citation of a manuscript against the bibliography: resolves each (exactly or
 * fuzzily, with reasons) and runs the source-use rules. Returns the citations and the
 * diagnostics in stable order, with the study's rule settings applied.
 */
export function checkManuscript(options: CheckOptions): CheckResult {
  const { manuscript } = options;
  // A lone manuscript is checked in the language it is written in, against the APA 7 style of it.
  const detected =
    options.language === undefined ? detectManuscriptLanguage(manuscript) : undefined;
  const language: Lang = options.language ?? (detected?.language === 'en' ? 'en' : 'nb');
  const style = options.style ?? (language === 'en' ? 'apa' : 'norsk-apa-manual');
  const checkLanguage: CheckLanguage = {
    thesis: language,
    source: detected ? 'detected' : 'given',
    ...(detected ? { detected } : {}),
    style,
    styleInferred: options.style === undefined,
  };
  // The years in the reference list itself ("Dalland, O. (2017).") are not citations, and a heading
  // that names a work ("ACS/WHO Global Consensus (2022)") is a heading, not a citation.
  const list = manuscript.referenceList;
  const inHeading = (offset: number) =>
    manuscript.headings.some((heading) => heading.start <= offset && offset < heading.end);
  const citations = [...(options.citations ?? parseCitations(manuscript.text))]
    .filter((citation) => !list || citation.start < list.start || citation.start >= list.end)
    .filter((citation) => !inHeading(citation.start))
    .sort((a, b) => a.start - b.start);
  // Bibliography entries first: when a work is both in a file and in the thesis's own list, the
  // citation gets the entry's id, and the typed list is compared with the entries below.
  // `litsynth check thesis.docx` alone: the works Zotero, Mendeley or EndNote stored in the
  // document's citation fields are the bibliography.
  const fieldEntries = options.entries.length === 0 ? entriesFromFields(manuscript) : [];
  const entries = options.entries.length > 0 ? options.entries : fieldEntries;
  const fromFields = (reference: Reference): Reference =>
    fieldEntries.length > 0 ? { ...reference, origin: 'document-fields' } : reference;
  const references = [
    ...referencesFromEntries(entries, options.included ?? []).map(fromFields),
    ...referencesFromList(manuscript),
  ];
  const resolve = citationResolver(references);
  const diagnostics: Diagnostic[] = [];
  const report = (
    rule: RuleIdOf<'check'>,
    offset: number,
    message: Localized,
    extra: Partial<Diagnostic> = {},
  ) => {
    diagnostics.push(diagnosticAt(manuscript, rule, offset, message, extra));
  };

  const works: Work[] = [];
  for (const citation of citations) {
    // "(ibid., s. 5)", "… «…» (s. 69)": the work cited just before, with a page of its own.
    const previous = works[works.length - 1];
    if (refersBack(citation) && previous) {
      const resolution: Resolution = {
        ...previous.resolution,
        reasons: [
          { kind: 'author-from-context', cited: previous.authors.join(', ') },
          ...previous.resolution.reasons,
        ],
      };
      if (resolution.match === 'exact') {
        resolution.match = 'fuzzy';
        resolution.reasons = resolution.reasons.filter((reason) => reason.kind !== 'exact');
      }
      const checked = toChecked(manuscript, citation, previous.authors, resolution);
      works.push({
        citation,
        authors: previous.authors,
        fromContext: true,
        resolution,
        checked,
        nearest: null,
        nameEnd: null,
      });
      continue;
    }
    const fromCitation = citation.authors.length > 0 ? null : authorsFromContext(citation, works);
    const prose =
      citation.authors.length > 0 || fromCitation
        ? null
        : authorsFromProse(manuscript, citation, references);
    const context = fromCitation ?? prose?.names ?? null;
    let authors = context ?? citation.authors;
    let resolution =
      authors.length > 0
        ? resolve({ authors, etAl: citation.etAl !== null, year: citation.year })
        : unresolved();
    // "Hayes (2013) modell": the parser undid a genitive, but the name may itself end in -s.
    if (citation.genitive !== undefined && resolution.match !== 'exact') {
      const asWritten = [...citation.authors.slice(0, -1), citation.genitive.replace(/['’]$/u, '')];
      const written = resolve({
        authors: asWritten,
        etAl: citation.etAl !== null,
        year: citation.year,
      });
      if (written.cost < resolution.cost) {
        authors = asWritten;
        resolution = written;
      }
    }
    // A year far from the entry's is another work of the same authors, not this one with a slip.
    let nearest: Reference | null = null;
    const differs = resolution.reasons.find((reason) => reason.kind === 'year-differs');
    if (resolution.match === 'fuzzy' && differs && farApart(differs.cited, differs.entry ?? null)) {
      nearest = resolution.reference;
      resolution = unresolved();
    }
    if (context)
      resolution.reasons.unshift({ kind: 'author-from-context', cited: context.join(', ') });
    if (context && resolution.match === 'exact') {
      resolution.match = 'fuzzy';
      resolution.reasons = resolution.reasons.filter((reason) => reason.kind !== 'exact');
    }
    const checked = toChecked(manuscript, citation, authors, resolution);
    const field = fieldAt(manuscript, citation.start, citation.end);
    if (field) checked.field = { manager: field.manager, ids: field.items.map((item) => item.id) };
    // The parser may itself give a year at the end of a sentence the names that open it ("nameApart").
    const nameEnd =
      prose?.nameEnd ?? (citation.nameApart ? nameEndBefore(manuscript, citation) : null);
    works.push({
      citation,
      authors,
      fromContext: context !== null,
      resolution,
      checked,
      nearest,
      nameEnd,
    });
  }

  const listed = listedEntries(manuscript);
  const listContext: ListContext = {
    entries: new Map(listed.map((item) => [item.key, item])),
    reading: list ? readingOfList(list) : null,
    only: entries.length === 0,
    debris: findListDebris(listed),
    style,
    styleInferred: checkLanguage.styleInferred,
  };
  const context: Context = { manuscript, references, language, report, list: listContext };
  // A back-reference has no names or year of its own to check.
  for (const work of works) if (!refersBack(work.citation)) checkWork(work, context);
  checkConsistency(works, context);
  checkQuotations(manuscript, works, language, report);
  checkAuthorsWithoutYear(works, context);
  checkListDebris(works, context);
  checkReferences(context, works, diagnostics, entries.length > 0);
  if (list && entries.length > 0)
    diagnostics.push(
      ...compareWithTypedList(manuscript, works, { ...options, entries }, listContext),
    );

  const settled = applyRuleSettings(keepGroupsOfSeveral(diagnostics), options.settings ?? {}).sort(
    compareDiagnostics,
  );
  const checked = works.map((work) => work.checked);
  const result: CheckResult = {
    citations: checked,
    language: checkLanguage,
    diagnostics: settled,
    summary: summarize(checked, settled),
  };
  const notes = [
    ...fieldEntriesNote(manuscript, fieldEntries.length),
    ...unparsedFieldsNote(manuscript, works),
  ];
  return {
    ...result,
    ...(fieldEntries.length > 0 ? { entriesFromFields: fieldEntries } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** A group id is only kept where the group has more than one place. */
function keepGroupsOfSeveral(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sizes = new Map<string, number>();
  for (const diagnostic of diagnostics)
    if (diagnostic.group !== undefined)
      sizes.set(diagnostic.group, (sizes.get(diagnostic.group) ?? 0) + 1);
  return diagnostics.map((diagnostic) => {
    if (diagnostic.group === undefined || (sizes.get(diagnostic.group) ?? 0) > 1) return diagnostic;
    const { group: _single, ...rest } = diagnostic;
    return rest;
  });
}

/** The note that the works stored in the document's fields served as the bibliography. */
function fieldEntriesNote(manuscript: Manuscript, count: number): Localized[] {
  if (count === 0) return [];
  const managers = [
    ...new Set((manuscript.fieldCitations ?? []).map((field) => managerNames[field.manager])),
  ].join(', ');
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
    (field) =>
      field.items.length > 0 &&
      !works.some((work) => field.start <= work.citation.start && work.citation.end <= field.end),
  );
  const first = unparsed[0];
  if (!first) return [];
  const shown = manuscript.text
    .slice(first.start, first.end)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
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
  return {
    reference: null,
    match: 'none',
    reasons: [],
    cost: Number.POSITIVE_INFINITY,
    alternatives: [],
  };
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

/** Where the first author of a citation whose names stand apart from its year ends, earlier in the sentence. */
function nameEndBefore(manuscript: Manuscript, citation: Citation): number | null {
  const first = citation.authors[0];
  if (first === undefined) return null;
  const from = Math.max(0, citation.start - 600);
  const at = manuscript.text.lastIndexOf(first, citation.start);
  return at >= from ? at + first.length : null;
}

/** Authors taken from the prose before a year-only citation, and where the name ends. */
interface ProseAuthors {
  names: string[];
  /** Offset just after the first author's name as written before the citation. */
  nameEnd: number;
}

/**
 * The authors of a work whose first author is named earlier in the same sentence ("Skau skriver at
 * makt … (2013, s. 31)", "Gorzelitz et al. reported … (2021)"), when no citation gives them: a work
 * of the citation's year first; else, when the name is written as an author ("Gorzelitz et al.",
 * "Lundberg og Syltevik"), that author's works (the year is then checked against them).
 */
function authorsFromProse(
  manuscript: Manuscript,
  citation: Citation,
  references: readonly Reference[],
): ProseAuthors | null {
  if (citation.year === null) return null;
  const { sentences, index } = sentencesAround(manuscript, citation.start);
  const from = Math.max(sentences[index]?.start ?? 0, citation.start - 600);
  const sentence = manuscript.text.slice(from, citation.start);
  const written = [...sentence.matchAll(/\p{Lu}[\p{L}-]+/gu)].map((match) => ({
    folded: foldName(match[0]),
    end: from + match.index + match[0].length,
  }));
  const nameEnd = (candidate: Reference): number | null => {
    const first = candidate.names[0];
    if (first === undefined) return null;
    const folded = foldName(first);
    const last = written.filter((word) => word.folded === folded).at(-1);
    return last ? last.end : null;
  };
  const year = citation.year;
  const sameYear = references.find(
    (candidate) => candidate.year === year && nameEnd(candidate) !== null,
  );
  if (sameYear) return { names: sameYear.names, nameEnd: nameEnd(sameYear) ?? from };
  const asAuthor = references.find((candidate) => {
    const first = candidate.names[0];
    if (first === undefined || nameEnd(candidate) === null) return false;
    const escaped = escapeRegExp(first);
    return new RegExp(
      `(?<![\\p{L}])${escaped}(?:,? et al\\.|,? mfl\\.|,? m\\.fl\\.| (?:og|and|&) \\p{Lu})`,
      'u',
    ).test(sentence);
  });
  return asAuthor ? { names: asAuthor.names, nameEnd: nameEnd(asAuthor) ?? from } : null;
}

function toChecked(
  manuscript: Manuscript,
  citation: Citation,
  authors: string[],
  resolution: Resolution,
): CheckedCitation {
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
    secondary: citation.secondary
      ? {
          authors: citation.secondary.authors,
          year: citation.secondary.year,
          marker: citation.secondary.marker,
        }
      : null,
    key: resolution.reference?.key ?? null,
    match: resolution.match,
    reasons: resolution.reasons,
    start: citation.start,
    end: citation.end,
  };
}

/** The rules about one citation: resolution, year, authors, form. */
function checkWork(work: Work, context: Context): void {
  const { references, language, report } = context;
  const { citation, resolution } = work;
  const reference = resolution.reference;
  const base = { raw: rawOf(citation), ...(reference ? { key: reference.key } : {}) };
  const at = citation.start;

  if (work.authors.length === 0) {
    report(
      'missing-author',
      at,
      {
        nb: `Henvisningen «${rawOf(citation)}» har årstall, men ingen forfatter, og ingen henvisning med samme år står foran den.`,
        en: `The citation "${rawOf(citation)}" has a year but no author, and no citation with the same year precedes it.`,
      },
      {
        ...base,
        suggestion: {
          nb: 'Skriv forfatterens etternavn foran årstallet.',
          en: "Write the author's family name before the year.",
        },
      },
    );
  }
  if (work.nameEnd !== null && citation.start - work.nameEnd > yearFarFromAuthor) {
    const name =
      work.authors.length >= 3 || work.authors.length === 0
        ? `${work.authors[0] ?? ''} et al.`
        : work.authors.join(language === 'en' ? ' and ' : ' og ');
    report(
      'year-far-from-author',
      at,
      {
        nb: `Årstallet «${rawOf(citation)}» står langt fra ${name}, som det hører til (nevnt tidligere i setningen).`,
        en: `The year "${rawOf(citation)}" stands far from ${name}, whom it belongs to (named earlier in the sentence).`,
      },
      {
        ...base,
        suggestion: {
          nb: `Skriv årstallet rett etter navnet: ${name} (${citation.year}).`,
          en: `Write the year right after the name: ${name} (${citation.year}).`,
        },
      },
    );
  }
  if (citation.year === null && citation.notYear !== null) {
    report(
      'not-a-year',
      at,
      {
        nb: `«${citation.notYear}» står der årstallet skal stå i «${rawOf(citation)}».`,
        en: `"${citation.notYear}" stands where the year belongs in "${rawOf(citation)}".`,
      },
      {
        ...base,
        ...(reference?.year
          ? {
              suggestion: {
                nb: `Skriv årstallet: ${citeForm(reference, language)}.`,
                en: `Write the year: ${citeForm(reference, language)}.`,
              },
            }
          : {}),
      },
    );
  } else if (citation.year === null && work.authors.length > 0) {
    report(
      'missing-year',
      at,
      {
        nb: `Henvisningen «${rawOf(citation)}» mangler årstall.`,
        en: `The citation "${rawOf(citation)}" has no year.`,
      },
      {
        ...base,
        suggestion: reference?.year
          ? {
              nb: `Skriv årstallet: ${citeForm(reference, language)}.`,
              en: `Add the year: ${citeForm(reference, language)}.`,
            }
          : {
              nb: 'Skriv årstallet, eller «u.å.» når verket ikke har noe.',
              en: 'Add the year, or "n.d." when the work has none.',
            },
      },
    );
  }

  if (work.authors.length > 0 && resolution.match === 'none' && references.length > 0) {
    // One work, one finding: every citation of the same first author and year is one place of it.
    const group = {
      group: `${citation.secondary ? 'secondary-source-missing' : 'unresolved-citation'}:${groupName(work.authors.slice(0, 1))}|${citation.year ?? ''}`,
    };
    if (citation.secondary) {
      report(
        'secondary-source-missing',
        at,
        {
          nb: `Kilden du har lest, ${listNames(work.authors)} (${citation.year ?? 'u.å.'}), står ikke i litteraturlisten.`,
          en: `The source read, ${listNames(work.authors)} (${citation.year ?? 'n.d.'}), is not in the reference list.`,
        },
        {
          ...base,
          ...group,
          suggestion: {
            nb: 'Før opp kilden du har lest i litteraturlisten.',
            en: 'Add the source you read to the reference list.',
          },
        },
      );
    } else {
      const nearest = work.nearest;
      const { message, extra } = withDoubt(
        nearest
          ? {
              nb: `Fant ingen oppføring for ${listNames(work.authors)} (${citation.year}); litteraturlisten har ${citeForm(nearest, language)} (${nearest.key}), et verk fra et annet år.`,
              en: `No entry found for ${listNames(work.authors)} (${citation.year}); the reference list has ${citeForm(nearest, language)} (${nearest.key}), a work of another year.`,
            }
          : {
              nb: `Fant ingen oppføring for ${listNames(work.authors)} (${citation.year ?? 'u.å.'}).`,
              en: `No entry found for ${listNames(work.authors)} (${citation.year ?? 'n.d.'}).`,
            },
        listDoubt(work, null, context),
      );
      report('unresolved-citation', at, message, {
        ...base,
        ...(nearest ? { key: nearest.key } : {}),
        ...group,
        ...extra,
        suggestion: nearest
          ? {
              nb: `Før opp verket fra ${citation.year} i litteraturlisten, eller skriv ${nearest.year} hvis ${nearest.key} er ment.`,
              en: `Add the work from ${citation.year} to the reference list, or write ${nearest.year} if ${nearest.key} is meant.`,
            }
          : {
              nb: 'Før opp verket i litteraturlisten, eller rett navnet.',
              en: 'Add the work to the reference list, or correct the name.',
            },
      });
    }
  }

  if (reference && resolution.match === 'fuzzy') checkFuzzyReasons(work, reference, context);
  if (reference) checkGivenName(work, reference, context);
  if (reference) checkEtAl(work, reference, references, language, report);
  if (citation.secondary) checkSecondaryOriginal(work, references, language, report);

  const secondaryForm = checkSecondaryForm(citation);
  if (secondaryForm)
    report('secondary-citation-form', at, secondaryForm.message, {
      ...base,
      ...(secondaryForm.suggestion ? { suggestion: secondaryForm.suggestion } : {}),
    });
  const connector = checkConnector(citation);
  if (connector)
    report('author-connector', at, connector.message, {
      ...base,
      ...(connector.suggestion ? { suggestion: connector.suggestion } : {}),
    });
  if (citation.locator) {
    const locator = checkLocatorForm(citation.locator, language);
    if (locator)
      report('locator-form', citation.locator.start, locator.message, {
        ...base,
        ...(locator.suggestion ? { suggestion: locator.suggestion } : {}),
      });
  }
  const punctuation = checkPunctuation(citation, language);
  if (punctuation)
    report('citation-punctuation', at, punctuation.message, {
      ...base,
      ...(punctuation.suggestion ? { suggestion: punctuation.suggestion } : {}),
    });
}

const managerOf = (work: Work): string =>
  work.checked.field ? managerNames[work.checked.field.manager] : 'EndNote, Zotero, Mendeley';

/**
 * Reference-manager debris in a citation: a given name before the family name ("Despoina
 * Xanthopoulou, 2012"), or a copy of an entry whose author field is garbled ("Ståle Einarsen, 2015"
 * for an entry with a given name in the family name, "WHOc, 2020" with the year's letter glued on).
 * Says so, and points at the entry meant.
 */
function checkGivenName(work: Work, reference: Reference, context: Context): void {
  if (work.fromContext) return;
  const { citation } = work;
  const { language, list } = context;
  const manager = managerOf(work);
  const given = work.resolution.reasons.find((reason) => reason.kind === 'given-name');
  // The citation copies an entry whose author field the reference manager holds garbled.
  const garbled = given
    ? undefined
    : list.debris.garbled.find(
        (item) =>
          (item.kind === 'given-name' || item.kind === 'year-letter') &&
          item.entry.key === reference.key &&
          work.authors.some((author) => normalizeName(author) === normalizeName(item.author)),
      );
  if (!given && !garbled) return;
  // The same work entered again, properly: that is the entry meant.
  const duplicate = garbled
    ? list.debris.duplicates.find(
        (pair) => pair.first.key === reference.key || pair.second.key === reference.key,
      )
    : undefined;
  const twin = duplicate
    ? duplicate.first.key === reference.key
      ? duplicate.second
      : duplicate.first
    : undefined;
  const meant =
    (twin ? context.references.find((candidate) => candidate.key === twin.key) : undefined) ??
    reference;
  const undated = language === 'en' ? 'n.d.' : 'u.å.';
  let cite = citeForm(meant, language);
  if (garbled && meant === reference) {
    cite =
      garbled.kind === 'year-letter'
        ? `${garbled.author.slice(0, -1)} (${reference.year ?? undated}${garbled.detail})`
        : `${garbled.detail} (${reference.year ?? undated})`;
  }
  const line = (label: string) =>
    meant.origin === 'reference-list' ? ` (${label} ${meant.line})` : '';
  const written = given?.cited ?? garbled?.author ?? '';
  const message: Localized = given
    ? {
        nb: `«${written}» har med fornavnet; slikt legger referanseverktøyet (${manager}) inn i henvisningen. Verket er ${cite}${line('linje')}; APA henviser med etternavn.`,
        en: `"${written}" carries the given name; the reference manager (${manager}) puts it into the citation. The work is ${cite}${line('line')}; APA cites by family name.`,
      }
    : garbled?.kind === 'year-letter'
      ? {
          nb: `«${written}» har årstallets bokstav «${garbled.detail}» hengt på navnet, fra oppføringen i referanseverktøyet (${manager}). Verket er ${cite}${line('linje')}.`,
          en: `"${written}" has the year's letter "${garbled.detail}" glued to the name, from the entry in the reference manager (${manager}). The work is ${cite}${line('line')}.`,
        }
      : {
          nb: `«${written}» har med fornavnet fordi referanseverktøyet (${manager}) har det i etternavnsfeltet i oppføringen. Verket er ${cite}${line('linje')}.`,
          en: `"${written}" carries the given name because the reference manager (${manager}) has it in the family-name field of the entry. The work is ${cite}${line('line')}.`,
        };
  context.report('citation-given-name', citation.start, message, {
    raw: rawOf(citation),
    key: meant.key,
    group: `citation-given-name:${meant.key}|${normalizeName(written)}`,
    suggestion: {
      nb: `Henvis slik: ${cite}, og rett forfatterfeltene i referanseverktøyet (etternavn og fornavn i hvert sitt felt).`,
      en: `Cite it as ${cite}, and correct the author fields in the reference manager (family and given name in their own fields).`,
    },
  });
}

function checkFuzzyReasons(work: Work, reference: Reference, context: Context): void {
  const { language, report } = context;
  const { citation } = work;
  const base = { raw: rawOf(citation), key: reference.key };
  const spellings = work.resolution.reasons.filter((reason) => reason.kind === 'author-spelling');
  const doubt = listDoubt(work, reference, context);
  if (spellings.length > 0 && !work.fromContext) {
    const pairs = spellings.map((reason) => ({
      cited: reason.cited ?? '',
      entry: reason.entry ?? '',
    }));
    const written = pairs.map((pair) => `«${pair.cited}»`).join(', ');
    const meant = pairs.map((pair) => `«${pair.entry}»`).join(', ');
    const { message, extra } = withDoubt(
      {
        nb: `${written} finnes ikke i oppføringen ${citeForm(reference, language)}; trolig menes ${meant}.`,
        en: `${written.replace(/[«»]/g, '"')} is not in the entry ${citeForm(reference, language)}; probably ${meant.replace(/[«»]/g, '"')} is meant.`,
      },
      doubt,
    );
    report('author-misspelled', citation.start, message, {
      ...base,
      ...extra,
      group: `author-misspelled:${reference.key}|${groupName(pairs.map((pair) => pair.cited))}`,
      suggestion: {
        nb: `Skriv ${pairs.map((pair) => pair.entry).join(', ')}.`,
        en: `Write ${pairs.map((pair) => pair.entry).join(', ')}.`,
      },
    });
  }
  const notFirst = work.resolution.reasons.find((reason) => reason.kind === 'author-not-first');
  if (notFirst && !work.fromContext) {
    const meant = citeForm(reference, language);
    const name =
      notFirst.cited === notFirst.entry
        ? `«${notFirst.cited}»`
        : `«${notFirst.cited}» (${notFirst.entry})`;
    report(
      'author-misspelled',
      citation.start,
      {
        nb: `${name} er med i ${meant}, men ikke først; verket står i litteraturlisten under ${reference.names[0]}.`,
        en: `${name.replace(/[«»]/g, '"')} is named in ${meant}, but not first; the reference list has the work under ${reference.names[0]}.`,
      },
      { ...base, suggestion: { nb: `Skriv ${meant}.`, en: `Write ${meant}.` } },
    );
  }
  const publisher = work.resolution.reasons.find((reason) => reason.kind === 'publisher-as-author');
  if (publisher && !work.fromContext) {
    const author = citeForm(reference, language);
    report(
      'cited-under-publisher',
      citation.start,
      {
        nb: `«${publisher.cited}» ga ut verket, men er ikke forfatteren; i litteraturlisten står det under ${author}.`,
        en: `"${publisher.cited}" published the work but did not write it; the reference list has it under ${author}.`,
      },
      {
        ...base,
        suggestion: { nb: `Henvis til forfatteren: ${author}.`, en: `Cite the author: ${author}.` },
      },
    );
  }
  const coauthors = work.resolution.reasons.find(
    (reason) => reason.kind === 'coauthor-missing' || reason.kind === 'coauthor-extra',
  );
  // Three or more authors written as one: that is the et-al rule's business.
  const etAlCase = coauthors?.kind === 'coauthor-missing' && reference.names.length >= 3;
  if (coauthors && !etAlCase && !work.fromContext) {
    const { message, extra } = withDoubt(
      coauthors.kind === 'coauthor-missing'
        ? {
            nb: `Henvisningen utelater ${coauthors.entry}, som står som medforfatter i ${citeForm(reference, language)}.`,
            en: `The citation leaves out ${coauthors.entry}, a co-author in ${citeForm(reference, language)}.`,
          }
        : {
            nb: `${coauthors.cited} står ikke som forfatter i ${citeForm(reference, language)}.`,
            en: `${coauthors.cited} is not an author of ${citeForm(reference, language)}.`,
          },
      doubt,
    );
    report('coauthor-mismatch', citation.start, message, {
      ...base,
      ...extra,
      suggestion: {
        nb: `Skriv ${citeForm(reference, language)}.`,
        en: `Write ${citeForm(reference, language)}.`,
      },
    });
  }
  const year = work.resolution.reasons.find(
    (reason) => reason.kind === 'year-differs' || reason.kind === 'year-suffix',
  );
  // An entry without a confirmed year cannot contradict the year written.
  if (year && reference.year !== null && reference.year !== 'u.å.') {
    const group = { group: `year-mismatch:${reference.key}|${year.cited ?? ''}` };
    const candidates = [reference, ...work.resolution.alternatives].sort((a, b) =>
      (a.year ?? '') < (b.year ?? '') ? -1 : 1,
    );
    // Each work by what a reader recognises: its title, else where it is listed (not its id).
    const years = candidates
      .map((candidate) => `${candidate.year} (${workLabel(candidate, language)})`)
      .join(', ');
    const names = citeNames(reference, language);
    let message: Localized;
    let suggestion: Localized;
    let doubtOverride: Doubt | null = null;
    if (year.kind === 'year-suffix' && /[a-zæøå]$/u.test(year.cited ?? '')) {
      // "NAV, 2018e" with 2018a–c in the list: the letter names a work the list does not have.
      message = {
        nb: `Det finnes ingen ${year.cited} av ${names} i litteraturlisten; den har ${years}.`,
        en: `There is no ${year.cited} by ${names} in the reference list; it has ${years}.`,
      };
      suggestion = {
        nb: `Før opp verket fra ${year.cited}, eller rett bokstaven.`,
        en: `Add the work from ${year.cited}, or correct the letter.`,
      };
    } else if (year.kind === 'year-suffix' && sameWork(candidates)) {
      // "Nguyen et al. (2024)" for 2024a and 2024b that are one work entered twice: not sure which is meant, and it matters little.
      message = {
        nb: `Årstallet ${year.cited} mangler bokstav: litteraturlisten har ${years}, men det er samme verk oppført to ganger (se duplicate-list-entry).`,
        en: `The year ${year.cited} has no letter: the reference list has ${years}, but they are one work listed twice (see duplicate-list-entry).`,
      };
      suggestion = {
        nb: 'Slett den doble oppføringen, og henvis til verket uten bokstav.',
        en: 'Delete the duplicate entry, and cite the work without a letter.',
      };
      doubtOverride = { severity: 'warning', reason: { nb: '', en: '' } };
    } else if (year.kind === 'year-suffix') {
      message = {
        nb: `Flere verk av samme forfatter(e) er fra ${year.cited}: ${years}. Årstallet må ha bokstav.`,
        en: `Several works by the same author(s) are from ${year.cited}: ${years}. The year needs its letter.`,
      };
      suggestion = {
        nb: `Skriv ${candidates.map((candidate) => candidate.year).join(' eller ')}.`,
        en: `Write ${candidates.map((candidate) => candidate.year).join(' or ')}.`,
      };
    } else {
      message = {
        nb: `Årstallet ${year.cited} stemmer ikke med oppføringen for ${citeNames(reference, language)}, som har ${reference.year}.`,
        en: `The year ${year.cited} does not match the entry for ${citeNames(reference, language)}, which has ${reference.year}.`,
      };
      suggestion = {
        nb: `Skriv ${reference.year}, eller rett oppføringen.`,
        en: `Write ${reference.year}, or correct the entry.`,
      };
    }
    const doubted = withDoubt(message, doubt ?? doubtOverride);
    report('year-mismatch', citation.start, doubted.message, {
      ...base,
      ...group,
      ...doubted.extra,
      suggestion,
    });
  }
}

/** A work named for a reader: «its title» (shortened), else the file and line it is listed at. */
function workLabel(reference: Reference, language: Lang): string {
  const title = reference.title?.trim();
  if (title) return `«${title.length > 40 ? `${title.slice(0, 40)}…` : title}»`;
  return `${reference.file}, ${language === 'en' ? 'line' : 'linje'} ${reference.line}`;
}

/** Whether references are all one work entered more than once (the same title). */
function sameWork(references: readonly Reference[]): boolean {
  const [first, ...rest] = references;
  const title = first?.title;
  return (
    title !== undefined &&
    rest.length > 0 &&
    rest.every((reference) => reference.title !== undefined && sameTitle(title, reference.title))
  );
}

// A year-only citation this many characters after the author it takes its names from stands apart from them.
const yearFarFromAuthor = 60;

function checkEtAl(
  work: Work,
  reference: Reference,
  references: readonly Reference[],
  language: Lang,
  report: Report,
): void {
  const { citation } = work;
  if (work.fromContext || citation.corporate) return;
  const base = { raw: rawOf(citation), key: reference.key };
  if (citation.etAl !== null && reference.names.length > 0 && reference.names.length <= 2) {
    const written = reference.names.join(
      citation.form === 'parenthetical' ? ' & ' : language === 'en' ? ' and ' : ' og ',
    );
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
    report(
      'et-al-usage',
      citation.start,
      {
        nb: `«${citation.etAl}» brukes bare for tre eller flere forfattere; ${citeForm(reference, language)} har ${reference.names.length === 1 ? 'én' : 'to'}.${hint.nb}`,
        en: `"${citation.etAl}" is only for three or more authors; ${citeForm(reference, language)} has ${reference.names.length === 1 ? 'one' : 'two'}.${hint.en}`,
      },
      { ...base, suggestion: { nb: `Skriv ${written}.`, en: `Write ${written}.` } },
    );
  } else if (citation.etAl === null && reference.names.length >= 3 && work.authors.length >= 1) {
    report(
      'et-al-usage',
      citation.start,
      {
        nb: `Verk med tre eller flere forfattere henvises til med første forfatter og «et al.» fra første gang.`,
        en: 'Works with three or more authors are cited with the first author and "et al." from the first citation.',
      },
      {
        ...base,
        suggestion: {
          nb: `Skriv ${reference.names[0]} et al.`,
          en: `Write ${reference.names[0]} et al.`,
        },
      },
    );
  }
}

/** The original of a secondary citation does not belong in the reference list. */
function checkSecondaryOriginal(
  work: Work,
  references: readonly Reference[],
  language: Lang,
  report: Report,
): void {
  const secondary = work.citation.secondary;
  if (!secondary || secondary.authors.length === 0) return;
  // Originals are often written with given names ("Søren Kierkegaard"): compare the family name.
  const family = (name: string) => name.trim().split(/\s+/).pop() ?? name;
  const authors = secondary.authors.map(family);
  const resolution = resolveCitation({ authors, etAl: false, year: secondary.year }, references);
  const reference = resolution.reference;
  if (!reference || reference.key === work.resolution.reference?.key) return;
  const sameName =
    reference.names[0] !== undefined &&
    authors[0] !== undefined &&
    foldName(reference.names[0]) === foldName(authors[0]);
  const sameYear =
    secondary.year === null || resolution.reasons.every((reason) => reason.kind !== 'year-differs');
  if (!sameName || !sameYear) return;
  report(
    'secondary-original-listed',
    work.citation.start,
    {
      nb: `Originalverket ${citeForm(reference, language)} står i litteraturlisten, men du har lest det i ${listNames(work.authors)}.`,
      en: `The original work ${citeForm(reference, language)} is in the reference list, but you read it in ${listNames(work.authors)}.`,
    },
    {
      raw: rawOf(work.citation),
      key: reference.key,
      suggestion: {
        nb: 'Fjern originalverket fra litteraturlisten, eller henvis direkte til det hvis du har lest det.',
        en: 'Remove the original from the reference list, or cite it directly if you have read it.',
      },
    },
  );
}

/**
 * Whether a citation takes part in the consistency of its work: it has its own year and names,
 * and is not rather another work (a letter the entry does not have, a year far from the entry's,
 * a work the list holds inside another entry) or a given name (reported on its own).
 */
function formsVariant(work: Work, context: Context): boolean {
  const reference = work.resolution.reference;
  const year = work.citation.year;
  // Year-only citations repeat the year of the citation before them, and a year whose names the
  // parser took from the start of the sentence ("Gorzelitz et al. reported … (2021)") is no form of
  // citing either; they add no variant.
  if (!reference || year === null || work.fromContext || work.citation.nameApart) return false;
  if (
    work.resolution.reasons.some(
      (reason) => reason.kind === 'given-name' || reason.kind === 'entry-given-name',
    )
  )
    return false;
  const entryYear = reference.year ?? '';
  if (/[a-zæøå]$/u.test(year) && year !== entryYear) return false;
  if (farApart(year, reference.year)) return false;
  const section = context.manuscript.referenceList;
  const first = work.authors[0];
  if (
    section &&
    reference.origin === 'reference-list' &&
    first !== undefined &&
    year !== entryYear &&
    entryHiding(section, first, year)
  )
    return false;
  return true;
}

/**
 * One work, cited with different years or spellings: the most frequent form is taken as intended,
 * and every citation in another form is reported (one group, so that each place gets fixed).
 */
function checkConsistency(works: readonly Work[], context: Context): void {
  const byKey = new Map<string, Work[]>();
  for (const work of works) {
    const key = work.resolution.reference?.key;
    if (!key) continue;
    // push, not a copy: 35,000 citations of one work made the copies quadratic (28 s).
    const group = byKey.get(key);
    if (group) group.push(work);
    else byKey.set(key, [work]);
  }
  for (const [key, group] of byKey) {
    const variants = new Map<string, Work[]>();
    for (const work of group) {
      if (!formsVariant(work, context)) continue;
      // A name differs only where resolution found it spelled differently ("Jani" read for "Janis" does not).
      const spelled = work.resolution.reasons.some(
        (reason) => reason.kind === 'author-spelling' && reason.cited === work.authors[0],
      );
      const names = normalizeName(
        spelled
          ? (work.authors[0] ?? '')
          : (work.resolution.reference?.names[0] ?? work.authors[0] ?? ''),
      );
      const variant = `${names}|${undated(work.citation.year)}`;
      const list = variants.get(variant);
      if (list) list.push(work);
      else variants.set(variant, [work]);
    }
    const distinct = [...variants.entries()];
    const years = new Set(distinct.map(([variant]) => variant.split('|')[1]));
    const names = new Set(distinct.map(([variant]) => variant.split('|')[0]));
    if (years.size < 2 && names.size < 2) continue;
    const ranked = distinct.sort(
      (a, b) =>
        b[1].length - a[1].length ||
        (a[1][0]?.citation.start ?? 0) - (b[1][0]?.citation.start ?? 0),
    );
    const deviating = ranked
      .slice(1)
      .flatMap(([, list]) => list)
      .sort((a, b) => a.citation.start - b.citation.start);
    const describe = ([, list]: [string, Work[]]) => {
      const first = list[0];
      const authors = first?.authors ?? [];
      const name =
        first?.citation.etAl || authors.length > 2 ? `${authors[0]} et al.` : authors.join(' & ');
      return `${name} (${first?.citation.year}) ×${list.length}`;
    };
    const summary = ranked.map(describe).join(', ');
    for (const work of deviating) {
      // A work whose entry could not be read with confidence may be two works read as one.
      const { message, extra } = withDoubt(
        {
          nb: `Samme verk (${key}) er henvist til på ulike måter: ${summary}.`,
          en: `The same work (${key}) is cited in different ways: ${summary}.`,
        },
        listDoubt(work, work.resolution.reference, context),
      );
      context.report('inconsistent-citation', work.citation.start, message, {
        ...extra,
        raw: rawOf(work.citation),
        key,
        group: `inconsistent-citation:${key}`,
        suggestion: {
          nb: 'Bruk samme navneform og årstall overalt, slik oppføringen har dem.',
          en: 'Use the same names and year everywhere, as in the entry.',
        },
      });
    }
  }
}

/** Bibliography authors named in the text as a source, without a year (see authors-without-year.ts). */
function checkAuthorsWithoutYear(works: readonly Work[], context: Context): void {
  const { manuscript, language } = context;
  const list = manuscript.referenceList;
  // Authors of the typed list's readable entries and of the bibliography; never junk "entries".
  const references = context.references.filter(
    (reference) => reference.names.length > 0 && reference.year !== null,
  );
  const skip = [
    ...works.map((work) => ({ start: work.citation.start, end: work.citation.end })),
    ...manuscript.headings.map((heading) => ({ start: heading.start, end: heading.end })),
    ...(list ? [{ start: list.heading.start, end: list.end }] : []),
  ];
  const dated = works
    .filter((work) => work.citation.year !== null && work.authors[0] !== undefined)
    .map((work) => ({ start: work.citation.start, firstAuthor: work.authors[0] ?? '' }));
  for (const mention of findAuthorsWithoutYear({ manuscript, references, dated, skip })) {
    const lead = mention.references[0];
    if (!lead) continue;
    const written = manuscript.text.slice(mention.start, mention.end).replace(/\s+/g, ' ');
    const candidates = mention.references.slice(0, 3);
    const forms = candidates.map((reference) => citeForm(reference, language));
    const [only] = mention.references.length === 1 ? mention.references : [];
    context.report(
      'author-without-year',
      mention.start,
      {
        nb: `«${written}» nevnes som kilde uten årstall, og ingen henvisning med årstall til ${citeNames(lead, language)} står like før.`,
        en: `"${written}" is named as the source without a year, and no dated citation of ${citeNames(lead, language)} stands just before.`,
      },
      {
        raw: written,
        ...(only ? { key: only.key } : {}),
        suggestion: {
          nb: `Skriv henvisningen med årstall: ${forms.join(' eller ')}${mention.references.length > candidates.length ? ' …' : ''}.`,
          en: `Write the citation with its year: ${forms.join(' or ')}${mention.references.length > candidates.length ? ' …' : ''}.`,
        },
      },
    );
  }
}

/** Direct quotations need a page in their citation. */
function checkQuotations(
  manuscript: Manuscript,
  works: readonly Work[],
  language: Lang,
  report: Report,
): void {
  const quotations = findQuotations(manuscript);
  const reported = new Set<Work>();
  let previous: { quotation: Quotation; work: Work | null } | null = null;
  for (const quotation of quotations) {
    let work =
      citationAfter(manuscript, quotation, works) ?? citationBefore(manuscript, quotation, works);
    // A run of quotations introduced by one citation ("… i Lundberg og Syltevik (2013): «…» «…»").
    if (
      !work &&
      previous &&
      /^\s*$/.test(manuscript.text.slice(previous.quotation.end, quotation.start))
    )
      work = previous.work;
    previous = { quotation, work };
    if (!work || work.citation.locator || reported.has(work)) continue;
    reported.add(work);
    const cut = quotation.end - quotation.start > 50;
    const text = manuscript.text
      .slice(quotation.start, Math.min(quotation.end, quotation.start + 50))
      .replace(/\s+/g, ' ')
      .trim();
    // An inline quotation carries its own marks; a block quotation is shown in «…».
    const excerpt =
      quotation.kind === 'block'
        ? `«${text}${cut ? '…' : ''}»`
        : cut
          ? `${text}…${manuscript.text[quotation.end - 1] ?? ''}`
          : text;
    const raw = rawOf(work.citation);
    const page = language === 'en' ? 'p. …' : 's. …';
    const withPage = raw.endsWith(')') ? `${raw.slice(0, -1)}, ${page})` : `(${raw}, ${page})`;
    report(
      'quotation-without-page',
      quotation.start,
      {
        nb: `Sitatet ${excerpt} står uten sidetall i henvisningen «${rawOf(work.citation)}».`,
        en: `The quotation ${excerpt} has no page in its citation "${rawOf(work.citation)}".`,
      },
      {
        raw: rawOf(work.citation),
        ...(work.resolution.reference ? { key: work.resolution.reference.key } : {}),
        suggestion: { nb: `Legg til sidetallet: ${withPage}.`, en: `Add the page: ${withPage}.` },
      },
    );
  }
}

/** The citation that closes a quotation: inside a block quote, or after the quotation in the same sentence. */
function citationAfter(
  manuscript: Manuscript,
  quotation: Quotation,
  works: readonly Work[],
): Work | null {
  const from = quotation.kind === 'block' ? quotation.start : quotation.end;
  const work = works.find((candidate) => candidate.citation.start >= from);
  if (!work) return null;
  if (work.citation.start <= quotation.end) return work;
  // A block quotation ends with its period before the citation: "… slutt. (Skau, 2017, s. 32)".
  const gap = manuscript.text.slice(quotation.end, work.citation.start).replace(/^\s*\.\s*/, ' ');
  return gap.length > 60 || /[.!?]\s|\n\n/.test(gap) ? null : work;
}

/** The citation that introduces a quotation: just before it, at most the end of the previous paragraph. */
function citationBefore(
  manuscript: Manuscript,
  quotation: Quotation,
  works: readonly Work[],
): Work | null {
  for (let index = works.length - 1; index >= 0; index--) {
    const work = works[index];
    if (!work || work.citation.end > quotation.start) continue;
    const gap = manuscript.text.slice(work.citation.end, quotation.start);
    if (gap.length > 60 || /[.!?]\s/.test(gap)) return null;
    return work;
  }
  return null;
}

/** The works a manuscript cites, as "Bray (2024)", in the order they are first cited. */
function citedWorks(works: readonly Work[], language: Lang): string[] {
  const seen = new Map<string, string>();
  for (const work of works) {
    if (work.authors.length === 0) continue;
    const id = `${groupName(work.authors)}|${work.citation.year ?? ''}`;
    if (seen.has(id)) continue;
    const year = work.citation.year ?? (language === 'en' ? 'n.d.' : 'u.å.');
    const names =
      work.authors.length >= 3 || work.citation.etAl
        ? `${work.authors[0]} et al.`
        : work.authors.join(language === 'en' ? ' and ' : ' og ');
    seen.set(id, `${names} (${year})`);
  }
  return [...seen.values()];
}

// How many cited works the no-list message names before it says how many more there are.
const worksShown = 12;

/** The reference list itself: present, and every entry cited. */
function checkReferences(
  context: Context,
  works: readonly Work[],
  diagnostics: Diagnostic[],
  typedListCompared: boolean,
): void {
  const { manuscript, references, report, language } = context;
  if (manuscript.referenceList === null) {
    if (references.length === 0) {
      // A draft with no list yet and no bibliography: said once, with what it cites.
      const cited = citedWorks(works, language);
      const shown = cited.slice(0, worksShown).join(', ');
      const more = cited.length > worksShown ? cited.length - worksShown : 0;
      report(
        'no-reference-list',
        Math.max(0, manuscript.text.length - 1),
        {
          nb: `Manuskriptet har ingen litteraturliste, og ingen bibliografi ble gitt, så henvisningene kan ikke kontrolleres mot kildene.${cited.length > 0 ? ` Det henviser til ${cited.length} verk: ${shown}${more > 0 ? ` og ${more} til` : ''}.` : ''}`,
          en: `The manuscript has no reference list, and no bibliography was given, so the citations cannot be checked against their sources.${cited.length > 0 ? ` It cites ${cited.length} work${cited.length === 1 ? '' : 's'}: ${shown}${more > 0 ? ` and ${more} more` : ''}.` : ''}`,
        },
        {
          suggestion: {
            nb: 'Legg til en litteraturliste til slutt, eller gi bibliografien med --bib (litsynth bib lager listen fra den).',
            en: 'Add a reference list at the end, or give the bibliography with --bib (litsynth bib generates the list from it).',
          },
        },
      );
    } else {
      report(
        'no-reference-list',
        Math.max(0, manuscript.text.length - 1),
        {
          nb: 'Manuskriptet har ingen litteraturliste. Leseren kan ikke finne kildene det henvises til.',
          en: 'The manuscript has no reference list. The reader cannot find the sources it cites.',
        },
        {
          suggestion: {
            nb: 'Legg til en litteraturliste til slutt; litsynth bib lager den fra bibliografien.',
            en: 'Add a reference list at the end; litsynth bib generates it from the bibliography.',
          },
        },
      );
    }
  }
  // A tie between works ("SNL, 2018" for 2018a and 2018b) counts as citing each of them.
  const cited = new Set(
    works
      .flatMap((work) => [work.resolution.reference, ...work.resolution.alternatives])
      .map((reference) => reference?.key)
      .filter((key): key is string => key !== undefined),
  );
  // The same work in the thesis's own list and in a bibliography file: citing one cites both.
  const signature = (reference: Reference) =>
    `${reference.names.map(foldName).join('|')}#${reference.year}`;
  const citedSignatures = new Set(
    references.filter((reference) => cited.has(reference.key)).map(signature),
  );
  // One work entered twice: citing either cites both (the duplicate is its own finding).
  const duplicateOf = new Map(
    context.list.debris.duplicates.flatMap(
      (pair) =>
        [
          [pair.first.key, pair.second.key],
          [pair.second.key, pair.first.key],
        ] as const,
    ),
  );
  for (const reference of references) {
    if (cited.has(reference.key) || citedSignatures.has(signature(reference))) continue;
    // A work a reference manager stored in a citation field is cited by that field, even where the
    // field shows text no citation was read from ("(Galiano‐Castillo et al., 2016b)").
    if (reference.origin === 'document-fields') continue;
    const twin = duplicateOf.get(reference.key);
    if (twin !== undefined && cited.has(twin)) continue;
    // Blocks of the list that are not entries (no author, or no year) are counted by reference-list-partly-read, not listed one by one.
    if (
      reference.origin === 'reference-list' &&
      (reference.names.length === 0 || reference.year === null)
    )
      continue;
    // An entry of the thesis's own list is named by its line (the diagnostic's place), not by its internal key.
    const key = reference.origin === 'reference-list' ? '' : ` (${reference.key})`;
    const message: Localized = {
      nb: `${citeForm(reference, language)}${key} er aldri henvist til i teksten${reference.included ? ', selv om den er en inkludert artikkel' : ''}.`,
      en: `${citeForm(reference, language)}${key} is never cited in the text${reference.included ? ', although it is an included article' : ''}.`,
    };
    const suggestion: Localized = {
      nb: 'Henvis til verket, eller fjern oppføringen.',
      en: 'Cite the work, or remove the entry.',
    };
    // With bibliography entries, the typed list is compared by compareTypedReferenceList instead.
    if (reference.origin === 'reference-list' && typedListCompared) continue;
    if (reference.origin === 'reference-list') {
      const entry = context.list.entries.get(reference.key)?.entry;
      // The text names it with its year in a form no citation was read from: not sure it is uncited.
      if (entry && citedInUnreadForm(manuscript, entry, works)) continue;
      report('uncited-entry', entry?.start ?? 0, message, {
        key: reference.key,
        raw: entry?.raw ?? reference.key,
        suggestion,
      });
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

function summarize(
  citations: readonly CheckedCitation[],
  diagnostics: readonly Diagnostic[],
): CheckSummary {
  // Check rules in their order, then rules of other packages (the typed-list comparison) by id.
  const order = checkRules.map((rule) => rule.id);
  const ids = [...new Set(diagnostics.map((diagnostic) => diagnostic.rule))].sort(
    (a, b) =>
      (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1) ||
      (a < b ? -1 : 1),
  );
  const rules: Record<string, number> = {};
  for (const id of ids)
    rules[id] = diagnostics.filter((diagnostic) => diagnostic.rule === id).length;
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

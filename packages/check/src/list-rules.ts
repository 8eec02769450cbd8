import {
  type BibEntry,
  compareTypedReferenceList,
  entryNames,
  entryYear,
} from '@litsynth/bibliography';
import type { Diagnostic, Lang, Localized } from '@litsynth/common';
import type { Manuscript, ReferenceListEntry } from '@litsynth/ingest';
import {
  type Context,
  escapeRegExp,
  type ListContext,
  sectionName,
  type Work,
} from './check-context.js';
import type { ListedEntry } from './list-debris.js';
import { entryHiding, holdsSeveralWorks } from './list-reading.js';
import { normalizeName } from './names.js';
import type { CheckOptions, Reference } from './types.js';

// The rules about the manuscript's own reference list: how well it was read (and what a finding
// resting on it is then worth), the debris reference managers leave in it, and its comparison
// with the bibliography.

/** The typed list's entries with their reference keys and lines. */
export function listedEntries(manuscript: Manuscript): ListedEntry[] {
  return (manuscript.referenceList?.entries ?? []).map((entry) => {
    const line = manuscript.locate(entry.start).line;
    return { key: `list-${line}`, line, entry };
  });
}

/** A warning instead of an error when the list the finding rests on could not be read with confidence, with why. */
export interface Doubt {
  severity: 'warning';
  reason: Localized;
}

/** Why a finding about a citation resting on the typed list is not sure, or null when it is. */
export function listDoubt(work: Work, reference: Reference | null, context: Context): Doubt | null {
  const { list } = context;
  const section = context.manuscript.referenceList;
  if (!section) return null;
  // After the list come the appendices: questionnaires, letters, program output that quotes other
  // people's text ("Hayes (2018)" in an SPSS PROCESS printout). A citation there may be none.
  if (work.citation.start >= section.end) {
    return {
      severity: 'warning',
      reason: {
        nb: ' Den står etter litteraturlisten, i et vedlegg, der tekst ofte er gjengitt fra andre (spørreskjema, programutskrift).',
        en: ' It stands after the reference list, in an appendix, where text is often reproduced from elsewhere (a questionnaire, program output).',
      },
    };
  }
  const relies = reference ? reference.origin === 'reference-list' : list.only;
  if (!relies) return null;
  const [first] = work.authors;
  const year = work.citation.year;
  if (first !== undefined && year !== null) {
    const hiding = entryHiding(section, first, year);
    if (hiding) {
      const line = context.manuscript.locate(hiding.start).line;
      return {
        severity: 'warning',
        reason: {
          nb: ` Oppføringen på linje ${line} ser ut til å inneholde ${first} (${year}) også: to verk er trolig lest som ett (mangler punktum på slutten av den første?).`,
          en: ` The entry at line ${line} seems to hold ${first} (${year}) too: two works were probably read as one (does the first lack its final period?).`,
        },
      };
    }
  }
  if (!reference && first !== undefined && year !== null) {
    // "Ye, J., He, L., & Beestrum, M. (2023)." read as Beestrum: the entry is there, read wrongly.
    const misread = listedStartingAs(list, first, year);
    if (misread) {
      return {
        severity: 'warning',
        reason: {
          nb: ` Men oppføringen på linje ${misread.line} begynner med ${first} og har ${year}: den er trolig lest feil.`,
          en: ` But the entry at line ${misread.line} starts with ${first} and has ${year}: it was probably read wrongly.`,
        },
      };
    }
  }
  const entry = reference ? list.entries.get(reference.key)?.entry : undefined;
  if (entry && holdsSeveralWorks(entry)) {
    return {
      severity: 'warning',
      reason: {
        nb: ` Oppføringen ${reference?.key} ser ut til å inneholde mer enn ett verk, så årstallet er ikke sikkert.`,
        en: ` The entry ${reference?.key} seems to hold more than one work, so its year is not sure.`,
      },
    };
  }
  const reading = list.reading;
  if (reading?.partly) {
    return {
      severity: 'warning',
      reason: {
        nb: ` Litteraturlisten kunne bare delvis leses (se reference-list-partly-read).`,
        en: ` The reference list could only partly be read (see reference-list-partly-read).`,
      },
    };
  }
  return null;
}

/** The typed entry that starts with a family name ("Ye,") and holds a year, though the name was not read as its first author. */
function listedStartingAs(list: ListContext, name: string, year: string): ListedEntry | null {
  const escaped = escapeRegExp(name);
  const starts = new RegExp(`^\\s*${escaped}\\s*[,.]`, 'u');
  for (const listed of list.entries.values()) {
    const { entry } = listed;
    if (normalizeName(entry.authors[0] ?? '') === normalizeName(name)) continue;
    if (starts.test(entry.raw) && entry.raw.includes(`(${year}`)) return listed;
  }
  return null;
}

/** The message with the doubt added, and the severity it lowers to. */
export function withDoubt(
  message: Localized,
  doubt: Doubt | null,
): { message: Localized; extra: Partial<Diagnostic> } {
  if (!doubt) return { message, extra: {} };
  return {
    message: { nb: `${message.nb}${doubt.reason.nb}`, en: `${message.en}${doubt.reason.en}` },
    extra: { severity: doubt.severity },
  };
}

/** "list-2106, linje 2106" style place of a typed entry, for messages. */
const entryPlace = (entry: ListedEntry, language: Lang): string =>
  `${language === 'en' ? 'line' : 'linje'} ${entry.line}`;

/** "Galiano-Castillo et al. (2016a)": a typed entry as it would be cited. */
function entryCite(entry: ListedEntry, language: Lang): string {
  const names = entry.entry.authors;
  const year = entry.entry.year ?? (language === 'en' ? 'n.d.' : 'u.å.');
  if (names.length >= 3) return `${names[0]} et al. (${year})`;
  return `${names.join(language === 'en' ? ' and ' : ' og ')} (${year})`;
}

/** The typed list's debris: duplicates, an author spelled two ways, authors that are not names; and how well it was read. */
export function checkListDebris(works: readonly Work[], context: Context): void {
  const { manuscript, language, report, list } = context;
  const section = manuscript.referenceList;
  if (!section) return;
  const reading = list.reading;
  if (reading?.partly) {
    report(
      'reference-list-partly-read',
      section.heading.start,
      {
        nb: `Litteraturlisten kunne bare delvis leses: av ${reading.total} deler ble ${reading.entries} lest som oppføringer; ${reading.notEntries} er ikke oppføringer (tabeller, vedlegg, sidehoder?) og ${reading.withoutYear} mangler årstall. Funn som hviler på listen, meldes derfor som advarsler.`,
        en: `The reference list could only partly be read: of ${reading.total} parts, ${reading.entries} were read as entries; ${reading.notEntries} are not entries (tables, appendices, page headers?) and ${reading.withoutYear} have no year. Findings that rest on the list are therefore reported as warnings.`,
      },
      {
        raw:
          section.heading.start < section.end
            ? manuscript.text.slice(section.heading.start, section.heading.end)
            : '',
        suggestion: {
          nb: 'Sjekk at listen slutter før vedleggene, og at hver oppføring har forfatter og årstall i parentes.',
          en: 'Check that the list ends before the appendices, and that every entry has its authors and a year in parentheses.',
        },
      },
    );
  }
  const cited = new Set(
    works
      .map((work) => work.resolution.reference?.key)
      .filter((key): key is string => key !== undefined),
  );
  for (const pair of list.debris.duplicates) {
    const { first, second } = pair;
    const lettered =
      /[a-zæøå]$/u.test(first.entry.year ?? '') && /[a-zæøå]$/u.test(second.entry.year ?? '');
    const spelled = pair.spellings.map(([a, b]) => `«${a}»/«${b}»`).join(', ');
    const citedOnes = [first, second]
      .filter((entry) => cited.has(entry.key))
      .map((entry) => entryCite(entry, language));
    report(
      'duplicate-list-entry',
      second.entry.start,
      {
        nb: `${entryCite(second, language)} (${entryPlace(second, 'nb')}) er samme verk som ${entryCite(first, language)} (${entryPlace(first, 'nb')}): samme år og tittel${spelled ? `, forfatter skrevet ulikt (${spelled})` : ''}. Referanseverktøyet har verket to ganger${lettered ? ', og har derfor gitt årstallene bokstav' : ''}.${citedOnes.length > 0 ? ` Teksten henviser til ${citedOnes.join(' og ')}.` : ''}`,
        en: `${entryCite(second, language)} (${entryPlace(second, 'en')}) is the same work as ${entryCite(first, language)} (${entryPlace(first, 'en')}): same year and title${spelled ? `, an author written differently (${spelled.replace(/[«»]/g, '"')})` : ''}. The reference manager has the work twice${lettered ? ', which is why the years got letters' : ''}.${citedOnes.length > 0 ? ` The text cites ${citedOnes.join(' and ')}.` : ''}`,
      },
      {
        raw: second.entry.raw,
        key: second.key,
        suggestion: {
          nb: `Slett den ene oppføringen i referanseverktøyet${lettered ? ', og henvis til verket uten bokstav' : ''}.`,
          en: `Delete one of the two in the reference manager${lettered ? ', and cite the work without a letter' : ''}.`,
        },
      },
    );
  }
  for (const variant of list.debris.variants) {
    const { usual, other } = variant;
    report(
      'list-name-variant',
      other.entry.entry.start,
      {
        nb: `«${other.name}» (${entryPlace(other.entry, 'nb')}) og «${usual.name}» (${entryPlace(usual.entry, 'nb')}) er trolig samme forfatter (samme initialer), stavet på to måter i litteraturlisten.`,
        en: `"${other.name}" (${entryPlace(other.entry, 'en')}) and "${usual.name}" (${entryPlace(usual.entry, 'en')}) are probably one author (same initials), spelled two ways in the reference list.`,
      },
      {
        raw: other.entry.entry.raw,
        key: other.entry.key,
        suggestion: {
          nb: 'Bruk den stavemåten kilden selv har, i alle oppføringene.',
          en: 'Use the spelling of the source itself in every entry.',
        },
      },
    );
  }
  for (const item of list.debris.garbled) {
    const described: Record<typeof item.kind, Localized> = {
      number: {
        nb: `Forfatteren «${item.author}» er et tall, ikke et navn; noe foran det (som «NOU») ser ut til å mangle.`,
        en: `The author "${item.author}" is a number, not a name; something before it (such as "NOU") seems lost.`,
      },
      punctuation: {
        nb: `Oppføringen begynner med «${item.author.slice(0, 1)}»: forfatteren mangler, og tittelen står der forfatteren skal stå.`,
        en: `The entry starts with "${item.author.slice(0, 1)}": the author is missing, and the title stands where the author belongs.`,
      },
      'year-letter': {
        nb: `Forfatteren «${item.author}» har fått årstallets bokstav «${item.detail}» hengt på navnet.`,
        en: `The author "${item.author}" has the year's letter "${item.detail}" glued to the name.`,
      },
      'given-name': {
        nb: `«${item.author}» står som etternavn, men «${item.author.slice(0, item.author.length - item.detail.length).trim()}» er et fornavn: etternavnet er ${item.detail}.`,
        en: `"${item.author}" stands as the family name, but "${item.author.slice(0, item.author.length - item.detail.length).trim()}" is a given name: the family name is ${item.detail}.`,
      },
    };
    report('garbled-list-author', item.entry.entry.start, described[item.kind], {
      raw: item.entry.entry.raw,
      key: item.entry.key,
      suggestion: {
        nb: 'Rett forfatterfeltene i referanseverktøyet (etternavn og fornavn i hvert sitt felt, organisasjoner som ett navn).',
        en: 'Correct the author fields in the reference manager (family and given name in their own fields, organisations as one name).',
      },
    });
  }
}

/**
 * Whether the running text names a typed entry's first author (as read, or as the entry's text
 * starts) with its year close after, where no citation that resolved was read: "(2011:11, 2011)",
 * "(Fox‐Wasylyshyn & El‐Masri, 2005)" that the parser could not read, "(Ye et al., 2023)" for an
 * entry read with other authors. Then "never cited" is not sure.
 */
export function citedInUnreadForm(
  manuscript: Manuscript,
  entry: ReferenceListEntry,
  works: readonly Work[],
): boolean {
  const year = entry.year;
  if (year === null) return false;
  const list = manuscript.referenceList;
  const leading = /^[\s."“«]*([\p{L}\d][\p{L}\p{M}\d:‐-]*)/u.exec(entry.raw)?.[1];
  const names = [
    ...new Set(
      [entry.authors[0]?.replace(/^[\s."“«]+/u, ''), leading].filter(
        (name): name is string => name !== undefined && name.length >= 2,
      ),
    ),
  ];
  for (const name of names) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\d])${escapeRegExp(name)}[^()\\n]{0,60}?(?<![\\p{L}\\d])${escapeRegExp(year)}(?![\\p{L}\\d])`,
      'gu',
    );
    for (const match of manuscript.text.matchAll(pattern)) {
      const at = match.index;
      if (list && at >= list.start && at < list.end) continue;
      // A citation read there that resolved to another work accounts for it ("Ellingsen & Skjefstad, 2015" for a chapter).
      if (
        works.some(
          (work) =>
            work.resolution.match !== 'none' &&
            work.citation.start <= at + match[0].length &&
            at <= work.citation.end,
        )
      )
        continue;
      return true;
    }
  }
  return false;
}

// What the typed-list comparison reports that a misread or unreadable list makes unsure.
const listConsequences = new Set(['bib-typed-entry-missing']);

/**
 * A thesis with its own reference list and a bibliography: the typed entries are compared with the
 * cited entries (form of each typed entry, cited works missing from it, typed entries cited nowhere).
 * "Missing from the list" is a warning, not an error, when an entry starting with the work's first
 * author and year is there (read wrongly), or when the list could only partly be read.
 */
export function compareWithTypedList(
  manuscript: Manuscript,
  works: readonly Work[],
  options: CheckOptions,
  list: ListContext,
): Diagnostic[] {
  const section = manuscript.referenceList;
  if (!section) return [];
  const ids = new Set(options.entries.map((entry) => entry.id));
  const cited = new Set(
    works
      .flatMap((work) => [work.resolution.reference, ...work.resolution.alternatives])
      .map((reference) => reference?.key)
      .filter((key): key is string => key !== undefined && ids.has(key)),
  );
  const typed = section.entries.map((entry: ReferenceListEntry) => {
    const place = manuscript.locate(entry.start);
    return {
      raw: entry.raw,
      authors: entry.authors,
      year: entry.year,
      title: entry.title,
      line: place.line,
      column: place.column,
    };
  });
  const diagnostics = compareTypedReferenceList(typed, options.entries, {
    file: manuscript.path,
    listLine: manuscript.locate(section.heading.start).line,
    cited,
    style: list.style,
    styleInferred: list.styleInferred,
  }).map((diagnostic): Diagnostic => {
    if (!listConsequences.has(diagnostic.rule) || diagnostic.severity !== 'error')
      return diagnostic;
    const misread = entryStartingAs(
      manuscript,
      options.entries.find((entry) => entry.id === diagnostic.key),
    );
    if (misread) {
      return {
        ...diagnostic,
        severity: 'warning',
        message: {
          nb: `${diagnostic.message.nb} Men oppføringen på linje ${misread.line} begynner med ${misread.name} og har årstallet: den er trolig lest feil.`,
          en: `${diagnostic.message.en} But the entry at line ${misread.line} starts with ${misread.name} and has the year: it was probably read wrongly.`,
        },
      };
    }
    if (!list.reading?.partly) return diagnostic;
    return {
      ...diagnostic,
      severity: 'warning',
      message: {
        nb: `${diagnostic.message.nb} Litteraturlisten kunne bare delvis leses (se reference-list-partly-read).`,
        en: `${diagnostic.message.en} The reference list could only partly be read (see reference-list-partly-read).`,
      },
    };
  });
  const headingName = sectionName(manuscript, section.heading.start);
  if (headingName === undefined) return diagnostics;
  return diagnostics.map((diagnostic) =>
    diagnostic.section !== undefined ? diagnostic : { ...diagnostic, section: headingName },
  );
}

/**
 * A typed entry that starts with the entry's first family name and holds its year, though the list
 * reader took other authors from it ("Ye, J., He, L., & Beestrum, M. (2023)" read as Beestrum): the
 * work is in the list, read wrongly.
 */
function entryStartingAs(
  manuscript: Manuscript,
  entry: BibEntry | undefined,
): { line: number; name: string } | null {
  const name = entry ? entryNames(entry)[0] : undefined;
  const year = entry ? String(entryYear(entry)) : '';
  if (!name || !/^\d{4}$/.test(year)) return null;
  const escaped = escapeRegExp(name);
  const starts = new RegExp(`^\\s*${escaped}\\s*,`, 'u');
  const typed = manuscript.referenceList?.entries.find(
    (candidate) => starts.test(candidate.raw) && candidate.raw.includes(`(${year}`),
  );
  return typed ? { line: manuscript.locate(typed.start).line, name } : null;
}

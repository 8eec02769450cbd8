import {
  editDistance,
  rulesOf,
  type Diagnostic,
  type Localized,
  type RuleDefinition,
  type RuleIdOf,
} from '@litsynth/common';
import { entryDiagnostic } from './diagnostics.js';
import { normalizeDoi } from './doi.js';
import { foldText } from './fold-text.js';
import { entryCompleteness, entryGaps } from './completeness.js';
import { isUndated } from './apa-forms.js';
import { assignYearSuffixes, entryNames, entryYear, yearLabel } from './names.js';
import { typeName } from './type-names.js';
import type { BibEntry, CslItem, CslName } from './types.js';
import { verificationText } from './verification-text.js';

/** Every rule of the bibliography package (defined in the registry of @litsynth/common). */
export const bibliographyRules: RuleDefinition[] = rulesOf('bibliography');

function hasField(item: CslItem, field: string): boolean {
  const value = item[field];
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Fields the entry lacks for its type (kind of work and type fields first, then title, author, year, given names). */
export function missingFields(entry: BibEntry): Localized[] {
  return entryGaps(entry).map((gap) => gap.name);
}

/** "Dalland" , "Natland et al.": the authors as the entry is cited. */
function citedAuthors(entry: BibEntry): string {
  const names = entryNames(entry);
  return names.length === 0
    ? entry.id
    : names.length <= 2
      ? names.join(' & ')
      : `${names[0]} et al.`;
}

/** "Dalland (2017)", "Liseth & Tellemann (år mangler)": how the entry is cited, for messages. */
function citedAs(entry: BibEntry, lang: 'nb' | 'en'): string {
  return `${citedAuthors(entry)} (${yearLabel(entry.item)[lang]})`;
}

/** "sources/references.yaml, linje 34": where an entry is, for messages (instead of its id). */
function place(entry: BibEntry, lang: 'nb' | 'en'): string {
  return `${entry.origin.file}, ${lang === 'nb' ? 'linje' : 'line'} ${entry.origin.line}`;
}

/** "«bruker»" (its title), else where it is: names one of several works of an author and year. */
function work(entry: BibEntry, lang: 'nb' | 'en'): string {
  if (entry.item.title) return lang === 'nb' ? `«${entry.item.title}»` : `"${entry.item.title}"`;
  return lang === 'nb'
    ? `verket på linje ${entry.origin.line}`
    : `the work at line ${entry.origin.line}`;
}

function at(
  entry: BibEntry,
  rule: RuleIdOf<'bibliography'>,
  severity: Diagnostic['severity'],
  message: Localized,
  suggestion?: Localized,
): Diagnostic {
  return entryDiagnostic({
    rule,
    severity,
    file: entry.origin.file,
    line: entry.origin.line,
    key: entry.id,
    raw:
      entryYear(entry) === 'u.å.' && !isUndated(entry.item)
        ? citedAuthors(entry)
        : `${citedAuthors(entry)} (${entryYear(entry)})`,
    message,
    ...(suggestion ? { suggestion } : {}),
  });
}

/** Runs every integrity rule over the entries of a bibliography (all files of a study together). */
export function checkBibliography(entries: readonly BibEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Appended one by one: push(...list) of a long list overflows the stack.
  const add = (list: Diagnostic[]) => {
    for (const diagnostic of list) diagnostics.push(diagnostic);
  };
  for (const entry of entries) add(checkEntry(entry));
  add(findDuplicates(entries));
  add(findNameVariants(entries));
  add(findCorporateVariants(entries));
  add(findAuthorYearCollisions(entries));
  add(findEditionYears(entries));
  // An entry that is not complete goes to the reference list's to-do, which says these itself.
  const incomplete = new Set(
    entries.filter((entry) => !entryCompleteness(entry).complete).map((entry) => entry.id),
  );
  return diagnostics.filter(
    (diagnostic) =>
      !(
        saidByTodo.has(diagnostic.rule) &&
        diagnostic.key !== undefined &&
        incomplete.has(diagnostic.key)
      ),
  );
}

/**
 * What the to-do of an incomplete entry says: its DOI among what is missing, its a/b letter in
 * its heading, and the years the work is cited under with the advice to use one edition.
 */
const saidByTodo = new Set(['bib-missing-doi', 'bib-author-year-collision', 'bib-edition-years']);

/** The rules that look at one entry alone: fields, DOI, pages, verification. */
function checkEntry(entry: BibEntry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const item = entry.item;
  const status = entry.verification?.status;
  const gaps = entryGaps(entry);
  const missing = gaps.map((gap) => gap.name);
  const list = (lang: 'nb' | 'en') => missing.map((name) => name[lang]).join(', ');
  const firstNote = entry.verification?.notes[0];
  const note = (lang: 'nb' | 'en') =>
    firstNote === undefined ? '' : ` ${verificationText(firstNote, lang)}`;
  if (status === 'unverified') {
    diagnostics.push(
      at(
        entry,
        'bib-unverified',
        'warning',
        {
          nb: `Referansen ${citedAs(entry, 'nb')} er ikke verifisert${missing.length ? `; mangler ${list('nb')}` : ''}.${note('nb')}`,
          en: `The entry ${citedAs(entry, 'en')} is not verified${missing.length ? `; missing ${list('en')}` : ''}.${note('en')}`,
        },
        {
          nb: 'Finn verket (bibliotek, Oria) og fyll inn opplysningene.',
          en: 'Find the work (library, Oria) and fill in its data.',
        },
      ),
    );
  } else {
    if (status === 'partly-verified') {
      diagnostics.push(
        at(entry, 'bib-partly-verified', 'info', {
          nb: `Referansen ${citedAs(entry, 'nb')} er delvis verifisert.${note('nb')}`,
          en: `The entry ${citedAs(entry, 'en')} is partly verified.${note('en')}`,
        }),
      );
    }
    // An unverified entry already says what it lacks; a missing-field warning per field would be noise.
    if (missing.length) {
      // The kind of work as a reader names it, unless the kind is what is missing.
      const kind = (lang: 'nb' | 'en') =>
        gaps.some((gap) => gap.field === 'type') ? '' : ` (${typeName(item.type)[lang]})`;
      diagnostics.push(
        at(entry, 'bib-missing-field', 'warning', {
          nb: `${citedAs(entry, 'nb')}${kind('nb')} mangler ${list('nb')}.`,
          en: `${citedAs(entry, 'en')}${kind('en')} lacks ${list('en')}.`,
        }),
      );
    }
    if (item.type === 'article-journal' && !hasField(item, 'DOI')) {
      diagnostics.push(
        at(entry, 'bib-missing-doi', 'info', {
          nb: `Tidsskriftartikkelen ${citedAs(entry, 'nb')} har ingen DOI; legg den til om artikkelen har en.`,
          en: `The journal article ${citedAs(entry, 'en')} has no DOI; add it if the article has one.`,
        }),
      );
    }
  }
  if (typeof item.DOI === 'string' && item.DOI.trim() !== '') {
    const doi = normalizeDoi(item.DOI);
    if (!doi) {
      diagnostics.push(
        at(entry, 'bib-doi-invalid', 'error', {
          nb: `DOI-en «${item.DOI}» har ikke formen 10.NNNN/….`,
          en: `The DOI "${item.DOI}" does not have the form 10.NNNN/….`,
        }),
      );
    } else if (doi !== item.DOI.trim()) {
      diagnostics.push(
        at(
          entry,
          'bib-doi-form',
          'info',
          {
            nb: `DOI-en er skrevet «${item.DOI}»; lagre den som «${doi}».`,
            en: `The DOI is written "${item.DOI}"; store it as "${doi}".`,
          },
          {
            nb: `DOI: ${doi} (listen viser https://doi.org/${doi})`,
            en: `DOI: ${doi} (the list shows https://doi.org/${doi})`,
          },
        ),
      );
    }
  }
  if (item.page !== undefined && item.page !== null && String(item.page).trim() !== '') {
    const page = String(item.page).trim();
    const proper = /^[A-Za-z]?\d+[A-Za-z]?(?:[-–][A-Za-z]?\d+[A-Za-z]?)?$/;
    const range = /^[A-Za-z]?(\d+)[A-Za-z]?[-–]+[A-Za-z]?(\d+)/.exec(page);
    const reversed =
      range && Number(range[2]) < Number(range[1]) && range[2]!.length >= range[1]!.length;
    if (!proper.test(page) || reversed) {
      const bare = page
        .replace(/^(s\.|pp?\.|sider|side)\s*/i, '')
        .replace(/\s*(--|-|—|–)\s*/g, '–');
      diagnostics.push(
        at(
          entry,
          'bib-page-range',
          'info',
          {
            nb: `Sidetallene «${page}» er ${reversed ? 'et baklengs spenn' : 'ikke skrevet som «12–20»'}.`,
            en: `The pages "${page}" are ${reversed ? 'a reversed range' : 'not written as "12–20"'}.`,
          },
          proper.test(bare) && !reversed ? { nb: `page: ${bare}`, en: `page: ${bare}` } : undefined,
        ),
      );
    }
  }
  return diagnostics;
}

/** A title folded to letters and digits, without a leading article, for near-identity. */
function titleKey(title: string): string {
  return foldText(title)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/^(the|a|an|en|et|ei) /, '')
    .replace(/\s+/g, '');
}

/** Same DOI, or near-identical title and the same year: probably one work entered twice. */
function findDuplicates(entries: readonly BibEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<BibEntry>();
  const byDoi = new Map<string, BibEntry>();
  for (const entry of entries) {
    const doi =
      typeof entry.item.DOI === 'string' ? normalizeDoi(entry.item.DOI)?.toLowerCase() : undefined;
    if (!doi) continue;
    const first = byDoi.get(doi);
    if (!first) {
      byDoi.set(doi, entry);
      continue;
    }
    reported.add(entry);
    diagnostics.push(
      at(entry, 'bib-duplicate-entry', 'warning', {
        nb: `${citedAs(entry, 'nb')} har samme DOI som ${citedAs(first, 'nb')} på ${place(first, 'nb')}; det er trolig samme verk.`,
        en: `${citedAs(entry, 'en')} has the same DOI as ${citedAs(first, 'en')} at ${place(first, 'en')}; it is probably the same work.`,
      }),
    );
  }
  // Identical folded titles in one year anywhere; near-identical ones (at most one edit per 20
  // letters) only within one year and first author, which keeps a 10,000-entry library fast.
  const exact = new Map<string, { entry: BibEntry; key: string }>();
  const byYearAndAuthor = new Map<string, Array<{ entry: BibEntry; key: string }>>();
  for (const entry of entries) {
    if (!entry.item.title || reported.has(entry)) continue;
    const key = titleKey(entry.item.title);
    if (key.length < 4) continue;
    const year = entryYear(entry);
    const bucketKey = `${year}#${foldText(entryNames(entry)[0] ?? '')}`;
    const bucket = byYearAndAuthor.get(bucketKey) ?? [];
    const twin =
      exact.get(`${year}#${key}`) ??
      bucket.find((other) => {
        const allowed = Math.floor(key.length / 20);
        return (
          Math.abs(other.key.length - key.length) <= allowed &&
          editDistance(other.key, key) <= allowed
        );
      });
    if (twin) {
      diagnostics.push(
        at(entry, 'bib-duplicate-entry', 'warning', {
          nb: `${citedAs(entry, 'nb')} har nesten samme tittel og år som ${citedAs(twin.entry, 'nb')} på ${place(twin.entry, 'nb')}; det er trolig samme verk.`,
          en: `${citedAs(entry, 'en')} has nearly the same title and year as ${citedAs(twin.entry, 'en')} at ${place(twin.entry, 'en')}; it is probably the same work.`,
        }),
      );
    } else {
      bucket.push({ entry, key });
      exact.set(`${year}#${key}`, { entry, key });
    }
    byYearAndAuthor.set(bucketKey, bucket);
  }
  return diagnostics;
}

/** The first letter of each given name ("Tom B." → "tb"), to tell persons with one family name apart. */
function initials(name: CslName): string {
  return foldText(name.given ?? '')
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map((part) => part[0])
    .join('');
}

/** Keys of all strings one deletion away (and the string itself): two names within edit distance 2 share one. */
function deletionKeys(text: string): string[] {
  const keys = [text];
  for (let index = 0; index < text.length; index++)
    keys.push(text.slice(0, index) + text.slice(index + 1));
  return keys;
}

/** The same person spelled two ways: family names one or two edits apart, given initials compatible. */
function findNameVariants(entries: readonly BibEntry[]): Diagnostic[] {
  interface Person {
    family: string;
    folded: string;
    initials: string;
    entry: BibEntry;
  }
  const persons = new Map<string, Person>();
  for (const entry of entries) {
    for (const name of [...(entry.item.author ?? []), ...(entry.item.editor ?? [])]) {
      if (name.literal || !name.family) continue;
      const family = name.family.trim();
      const key = `${family}|${initials(name)}`;
      if (!persons.has(key))
        persons.set(key, { family, folded: foldText(family), initials: initials(name), entry });
    }
  }
  const byDeletion = new Map<string, Person[]>();
  const pairs = new Map<string, [Person, Person]>();
  for (const person of persons.values()) {
    if (person.folded.length < 4) continue;
    // Each spelling is reported once, against the first other spelling it matches: 2,000
    // near-identical names would otherwise make two million pairs (and overflow the stack).
    let matched = false;
    for (const key of new Set(deletionKeys(person.folded))) {
      const bucket = byDeletion.get(key) ?? [];
      for (const other of matched ? [] : bucket) {
        if (other.family === person.family) continue;
        const compatible =
          !other.initials ||
          !person.initials ||
          other.initials.startsWith(person.initials) ||
          person.initials.startsWith(other.initials);
        if (!compatible) continue;
        // Names that differ only by case or by Norwegian letters (Ø/O) are one spelling problem too.
        const distance = editDistance(other.folded, person.folded, 2);
        if (distance > 2 || (distance === 2 && person.folded.length < 6)) continue;
        const pairKey = [other.family, person.family].sort().join('|');
        if (!pairs.has(pairKey)) pairs.set(pairKey, [other, person]);
        matched = true;
        break;
      }
      bucket.push(person);
      byDeletion.set(key, bucket);
    }
  }
  return [...pairs.values()].map(([first, second]) =>
    at(
      second.entry,
      'bib-name-variants',
      'warning',
      {
        nb: `«${second.family}» (${citedAs(second.entry, 'nb')}) og «${first.family}» (${citedAs(first.entry, 'nb')}, på ${place(first.entry, 'nb')}) ser ut til å være samme person stavet på to måter.`,
        en: `"${second.family}" (${citedAs(second.entry, 'en')}) and "${first.family}" (${citedAs(first.entry, 'en')}, at ${place(first.entry, 'en')}) look like one person spelled two ways.`,
      },
      { nb: 'Bruk samme stavemåte som verket selv.', en: 'Use the spelling of the work itself.' },
    ),
  );
}

/** A corporate name reduced to its words: "Fellesorganisasjonen (FO)" → "fellesorganisasjonen". */
function corporateKey(literal: string): string {
  return foldText(literal.replace(/\([^)]*\)/g, '')).replace(/[^a-z0-9]+/g, '');
}

/** Corporate authors written in several forms ("FO", "Fellesorganisasjonen (FO)", "Fellesorganisasjonen"). */
function findCorporateVariants(entries: readonly BibEntry[]): Diagnostic[] {
  const forms = new Map<string, Map<string, BibEntry>>();
  const abbreviations = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [...(entry.item.author ?? []), ...(entry.item.editor ?? [])]) {
      if (!name.literal) continue;
      const literal = name.literal.trim();
      const key = corporateKey(literal);
      const abbreviation = /\(([^)]+)\)\s*$/.exec(literal)?.[1];
      if (abbreviation) abbreviations.set(corporateKey(abbreviation), key);
      const group = forms.get(key) ?? new Map<string, BibEntry>();
      if (!group.has(literal)) group.set(literal, entry);
      forms.set(key, group);
    }
  }
  // A bare abbreviation ("FO") joins the group of the name it abbreviates.
  for (const [abbreviation, key] of abbreviations) {
    const bare = forms.get(abbreviation);
    const target = forms.get(key);
    if (!bare || !target || abbreviation === key) continue;
    for (const [literal, entry] of bare) if (!target.has(literal)) target.set(literal, entry);
    forms.delete(abbreviation);
  }
  const diagnostics: Diagnostic[] = [];
  for (const group of forms.values()) {
    if (group.size < 2) continue;
    const [[firstForm, firstEntry], ...others] = [...group.entries()] as Array<
      [string, BibEntry]
    > as [[string, BibEntry], ...Array<[string, BibEntry]>];
    for (const [form, entry] of others) {
      diagnostics.push(
        at(
          entry,
          'bib-corporate-author-variants',
          'warning',
          {
            nb: `Forfatteren «${form}» er skrevet «${firstForm}» i referansen på ${place(firstEntry, 'nb')}.`,
            en: `The author "${form}" is written "${firstForm}" in the entry at ${place(firstEntry, 'en')}.`,
          },
          {
            nb: 'Skriv institusjonen likt i alle referanser.',
            en: 'Write the institution the same way in every entry.',
          },
        ),
      );
    }
  }
  return diagnostics;
}

/** Works with the same author(s) and year: say which letter each takes. */
function findAuthorYearCollisions(entries: readonly BibEntry[]): Diagnostic[] {
  const suffixes = assignYearSuffixes(entries);
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    const suffix = suffixes.get(entry.id);
    if (!suffix) continue;
    const names = entryNames(entry);
    const authors = names.length <= 2 ? names.join(' & ') : `${names[0]} et al.`;
    // Works whose year is not known take no letter yet: the to-do asks for their years.
    if (entryYear(entry) === 'u.å.' && !isUndated(entry.item)) continue;
    const year = yearLabel(entry.item);
    const cited = (lang: 'nb' | 'en') =>
      isUndated(entry.item)
        ? `${authors} (${year[lang]}-${suffix})`
        : `${authors} (${year[lang]}${suffix})`;
    diagnostics.push(
      at(entry, 'bib-author-year-collision', 'info', {
        nb: `Flere verk av ${authors} fra ${year.nb}: ${work(entry, 'nb')} siteres som ${cited('nb')}.`,
        en: `Several works by ${authors} from ${year.en}: ${work(entry, 'en')} is cited as ${cited('en')}.`,
      }),
    );
  }
  return diagnostics;
}

/** One work (same names, same title) under several years: editions mixed up. */
function findEditionYears(entries: readonly BibEntry[]): Diagnostic[] {
  const works = new Map<string, BibEntry[]>();
  for (const entry of entries) {
    if (!entry.item.title) continue;
    const key = `${entryNames(entry).map(foldText).join('|')}#${titleKey(entry.item.title)}`;
    const group = works.get(key) ?? [];
    group.push(entry);
    works.set(key, group);
  }
  const diagnostics: Diagnostic[] = [];
  for (const group of works.values()) {
    const years = [...new Set(group.map(entryYear))];
    if (years.length < 2) continue;
    const listed = (lang: 'nb' | 'en') =>
      group.map((entry) => `${yearLabel(entry.item)[lang]} (${place(entry, lang)})`).join(', ');
    for (const entry of group.slice(1)) {
      diagnostics.push(
        at(
          entry,
          'bib-edition-years',
          'warning',
          {
            nb: `«${entry.item.title}» finnes under flere år: ${listed('nb')}.`,
            en: `"${entry.item.title}" appears under several years: ${listed('en')}.`,
          },
          {
            nb: 'Bruk utgaven du har lest, med dens år og utgavenummer, overalt.',
            en: 'Use the edition you read, with its year and edition number, everywhere.',
          },
        ),
      );
    }
  }
  return diagnostics;
}

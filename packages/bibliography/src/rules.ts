import { editDistance, type Diagnostic, type Localized, type RuleDefinition } from '@litsynth/common';
import { entryDiagnostic } from './diagnostics.js';
import { normalizeDoi } from './doi.js';
import { foldText } from './fold-text.js';
import { entryGaps } from './completeness.js';
import { assignYearSuffixes, entryNames, entryYear } from './names.js';
import type { BibEntry, CslItem, CslName } from './types.js';
import { verificationText } from './verification-text.js';

/** Every rule of the bibliography package: id (never renamed), default severity, meaning, example. */
export const bibliographyRules: RuleDefinition[] = [
  {
    id: 'bib-entry-unreadable',
    name: { nb: 'Uleselig oppføring', en: 'Unreadable entry' },
    severity: 'error',
    description: { nb: 'En referanse i bibliografifilen kan ikke leses (syntaksfeil, avkuttet post, mangler id eller type).', en: 'An entry of a bibliography file cannot be read (syntax error, cut-off record, no id or type).' },
    example: '@book{dalland2017, title = {Metode og oppgaveskriving}, year = 2017',
  },
  {
    id: 'bib-duplicate-id',
    name: { nb: 'Samme id to ganger', en: 'Id used twice' },
    severity: 'error',
    description: { nb: 'To referanser har samme id (nøkkel); den andre blir ikke lest.', en: 'Two entries have the same id (key); the second is not loaded.' },
    example: '@book{dalland2017, …} … @article{dalland2017, …}',
  },
  {
    id: 'bib-missing-field',
    name: { nb: 'Opplysning mangler i oppføringen', en: 'Missing field in the entry' },
    severity: 'warning',
    description: {
      nb: 'En opplysning APA 7 krever for denne typen verk mangler (tidsskrift, årgang og sider; forlag; redaktører, boktittel og sider for kapitler; utgiver for rapporter; URL for nettsider, og lesedato for en uten dato; fornavn; typen verk).',
      en: 'A field APA 7 requires for this kind of work is missing (journal, volume and pages; publisher; editors, book title and pages for chapters; publisher for reports; URL for web pages, and the date read for one without a date; given names; the kind of work).',
    },
    example: '- {id: x2019, type: article-journal, title: T, container-title: J, issued: {date-parts: [[2019]]}}  # no volume, no page',
  },
  {
    id: 'bib-missing-doi',
    name: { nb: 'DOI mangler', en: 'Missing DOI' },
    severity: 'info',
    description: { nb: 'En tidsskriftartikkel uten DOI: legg den til om artikkelen har en.', en: 'A journal article without a DOI: add it if the article has one.' },
    example: '- {id: x2019, type: article-journal, container-title: J, volume: 3, page: 1-9}',
  },
  {
    id: 'bib-doi-invalid',
    name: { nb: 'Ugyldig DOI', en: 'Invalid DOI' },
    severity: 'error',
    description: { nb: 'DOI-en har ikke formen 10.NNNN/…', en: 'The DOI does not have the form 10.NNNN/…' },
    example: 'DOI: 10.18261',
  },
  {
    id: 'bib-doi-form',
    name: { nb: 'DOI skrevet feil', en: 'DOI written wrongly' },
    severity: 'info',
    description: { nb: 'DOI-en er skrevet som URL eller med «doi:»; i data skrives den uten, og listen viser https://doi.org/….', en: 'The DOI is written as a URL or with "doi:"; store it bare, the list shows https://doi.org/….' },
    example: 'DOI: https://dx.doi.org/10.18261/issn.0809-2052-2020-02-01',
  },
  {
    id: 'bib-page-range',
    name: { nb: 'Sideintervall skrevet feil', en: 'Page range written wrongly' },
    severity: 'info',
    description: { nb: 'Sidetallene er ikke et tall eller et spenn «12–20» (tankestrek, uten «s.» og mellomrom).', en: 'The pages are not a number or a range "12–20" (en dash, no "pp." and no spaces).' },
    example: 'page: s. 12 - 20',
  },
  {
    id: 'bib-duplicate-entry',
    name: { nb: 'Samme verk to ganger', en: 'Same work twice' },
    severity: 'warning',
    description: { nb: 'To referanser ser ut til å være samme verk (samme DOI, eller nesten lik tittel og samme år).', en: 'Two entries look like the same work (same DOI, or a near-identical title and the same year).' },
    example: 'dalland2017 and dalland2017b, both "Metode og oppgaveskriving", 2017',
  },
  {
    id: 'bib-name-variants',
    name: { nb: 'Navnet skrevet ulikt', en: 'Name written in different ways' },
    severity: 'warning',
    description: { nb: 'Samme person ser ut til å være stavet på to måter i ulike referanser.', en: 'The same person seems to be spelled two ways in different entries.' },
    example: 'Røkenes & Hansen (2002) and Røkenes & Hanssen (2012)',
  },
  {
    id: 'bib-corporate-author-variants',
    name: { nb: 'Organisasjonsnavnet skrevet ulikt', en: 'Organisation written in different ways' },
    severity: 'warning',
    description: { nb: 'En institusjon som forfatter er skrevet på flere måter.', en: 'A corporate author is written in several forms.' },
    example: 'Fellesorganisasjonen (FO) (2015) and Fellesorganisasjonen (2010)',
  },
  {
    id: 'bib-author-year-collision',
    name: { nb: 'Samme forfatter og år', en: 'Same author and year' },
    severity: 'info',
    description: { nb: 'Flere verk med samme forfatter(e) og år: de skilles med a, b, … både i teksten og i listen.', en: 'Several works with the same author(s) and year: they take a, b, … in the text and in the list.' },
    example: 'SNL (2018a) and SNL (2018b)',
  },
  {
    id: 'bib-unverified',
    name: { nb: 'Ikke verifisert oppføring', en: 'Unverified entry' },
    severity: 'warning',
    description: { nb: 'Referansen er ikke verifisert: opplysningene kommer bare fra oppgaven selv.', en: 'The entry is not verified: its data comes only from the thesis itself.' },
    example: 'verification: {status: unverified}',
  },
  {
    id: 'bib-partly-verified',
    name: { nb: 'Delvis verifisert oppføring', en: 'Partly verified entry' },
    severity: 'info',
    description: { nb: 'Referansen er delvis verifisert: noen opplysninger er ikke bekreftet.', en: 'The entry is partly verified: some of its data is not confirmed.' },
    example: 'verification: {status: partly-verified}',
  },
  {
    id: 'bib-edition-years',
    name: { nb: 'Ulike utgaver av samme bok', en: 'Editions of one book' },
    severity: 'warning',
    description: { nb: 'Samme verk finnes under flere år (utgaver); oppgaven bør bruke én utgave.', en: 'The same work appears under several years (editions); a thesis should use one edition.' },
    example: 'Skau (2013) and Skau (2017), both "Gode fagfolk vokser"',
  },
  {
    id: 'bib-typed-entry-form',
    name: { nb: 'Oppføring i listen skrevet feil', en: 'Listed entry written wrongly' },
    severity: 'warning',
    description: {
      nb: 'En referanse i oppgavens egen litteraturliste er skrevet annerledes enn stilen krever (komma før «&», «(Red.)», «utg.», DOI som URL).',
      en: 'An entry of the thesis\'s own reference list is written otherwise than the style requires (comma before "&", "(Red.)", "utg.", DOI as a URL).',
    },
    example: 'Eide, T., & Eide, H. (2004). Kommunikasjon i praksis (2. ed.). Gyldendal.',
  },
  {
    id: 'bib-typed-entry-missing',
    name: { nb: 'Verk mangler i litteraturlisten', en: 'Work missing from the reference list' },
    severity: 'error',
    description: { nb: 'Et sitert verk mangler i oppgavens egen litteraturliste.', en: 'A cited work is missing from the thesis\'s own reference list.' },
    example: 'Dalland (2017) is cited, the list has no Dalland 2017',
  },
  {
    id: 'bib-typed-entry-extra',
    name: { nb: 'Oppføring i listen uten henvisning', en: 'Listed entry never cited' },
    severity: 'warning',
    description: { nb: 'En referanse i oppgavens egen litteraturliste svarer ikke til noe sitert verk.', en: 'An entry of the thesis\'s own reference list matches no cited work.' },
    example: 'Tufte, P. A. (2011). … listed but never cited',
  },
];

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

/** "Dalland (2017)": how the entry is cited, for messages. */
function citedAs(entry: BibEntry): string {
  const names = entryNames(entry);
  const authors = names.length === 0 ? entry.id : names.length <= 2 ? names.join(' & ') : `${names[0]} et al.`;
  return `${authors} (${entryYear(entry)})`;
}

/** "sources/references.yaml, linje 34": where an entry is, for messages (instead of its id). */
function place(entry: BibEntry, lang: 'nb' | 'en'): string {
  return `${entry.origin.file}, ${lang === 'nb' ? 'linje' : 'line'} ${entry.origin.line}`;
}

/** "«bruker»" (its title), else where it is: names one of several works of an author and year. */
function work(entry: BibEntry, lang: 'nb' | 'en'): string {
  if (entry.item.title) return lang === 'nb' ? `«${entry.item.title}»` : `"${entry.item.title}"`;
  return lang === 'nb' ? `verket på linje ${entry.origin.line}` : `the work at line ${entry.origin.line}`;
}

function at(entry: BibEntry, rule: string, severity: Diagnostic['severity'], message: Localized, suggestion?: Localized): Diagnostic {
  return entryDiagnostic({
    rule,
    severity,
    file: entry.origin.file,
    line: entry.origin.line,
    key: entry.id,
    raw: citedAs(entry),
    message,
    ...(suggestion ? { suggestion } : {}),
  });
}

/** Runs every integrity rule over the entries of a bibliography (all files of a study together). */
export function checkBibliography(entries: readonly BibEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) diagnostics.push(...checkEntry(entry));
  diagnostics.push(...findDuplicates(entries));
  diagnostics.push(...findNameVariants(entries));
  diagnostics.push(...findCorporateVariants(entries));
  diagnostics.push(...findAuthorYearCollisions(entries));
  diagnostics.push(...findEditionYears(entries));
  return diagnostics;
}

/** The rules that look at one entry alone: fields, DOI, pages, verification. */
function checkEntry(entry: BibEntry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const item = entry.item;
  const status = entry.verification?.status;
  const missing = missingFields(entry);
  const list = (lang: 'nb' | 'en') => missing.map((name) => name[lang]).join(', ');
  const firstNote = entry.verification?.notes[0];
  const note = (lang: 'nb' | 'en') => (firstNote === undefined ? '' : ` ${verificationText(firstNote, lang)}`);
  if (status === 'unverified') {
    diagnostics.push(
      at(
        entry,
        'bib-unverified',
        'warning',
        {
          nb: `Referansen ${citedAs(entry)} er ikke verifisert${missing.length ? `; mangler ${list('nb')}` : ''}.${note('nb')}`,
          en: `The entry ${citedAs(entry)} is not verified${missing.length ? `; missing ${list('en')}` : ''}.${note('en')}`,
        },
        { nb: 'Finn verket (bibliotek, Oria) og fyll inn opplysningene.', en: 'Find the work (library, Oria) and fill in its data.' },
      ),
    );
  } else {
    if (status === 'partly-verified') {
      diagnostics.push(
        at(entry, 'bib-partly-verified', 'info', {
          nb: `Referansen ${citedAs(entry)} er delvis verifisert.${note('nb')}`,
          en: `The entry ${citedAs(entry)} is partly verified.${note('en')}`,
        }),
      );
    }
    // An unverified entry already says what it lacks; a missing-field warning per field would be noise.
    if (missing.length) {
      diagnostics.push(
        at(entry, 'bib-missing-field', 'warning', {
          nb: `${citedAs(entry)} (${item.type}) mangler ${list('nb')}.`,
          en: `${citedAs(entry)} (${item.type}) lacks ${list('en')}.`,
        }),
      );
    }
    if (item.type === 'article-journal' && !hasField(item, 'DOI')) {
      diagnostics.push(
        at(entry, 'bib-missing-doi', 'info', {
          nb: `Tidsskriftartikkelen ${citedAs(entry)} har ingen DOI; legg den til om artikkelen har en.`,
          en: `The journal article ${citedAs(entry)} has no DOI; add it if the article has one.`,
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
          { nb: `DOI-en er skrevet «${item.DOI}»; lagre den som «${doi}».`, en: `The DOI is written "${item.DOI}"; store it as "${doi}".` },
          { nb: `DOI: ${doi} (listen viser https://doi.org/${doi})`, en: `DOI: ${doi} (the list shows https://doi.org/${doi})` },
        ),
      );
    }
  }
  if (item.page !== undefined && item.page !== null && String(item.page).trim() !== '') {
    const page = String(item.page).trim();
    const proper = /^[A-Za-z]?\d+[A-Za-z]?(?:[-–][A-Za-z]?\d+[A-Za-z]?)?$/;
    const range = /^[A-Za-z]?(\d+)[A-Za-z]?[-–]+[A-Za-z]?(\d+)/.exec(page);
    const reversed = range && Number(range[2]) < Number(range[1]) && range[2]!.length >= range[1]!.length;
    if (!proper.test(page) || reversed) {
      const bare = page.replace(/^(s\.|pp?\.|sider|side)\s*/i, '').replace(/\s*(--|-|—|–)\s*/g, '–');
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
    const doi = typeof entry.item.DOI === 'string' ? normalizeDoi(entry.item.DOI)?.toLowerCase() : undefined;
    if (!doi) continue;
    const first = byDoi.get(doi);
    if (!first) {
      byDoi.set(doi, entry);
      continue;
    }
    reported.add(entry);
    diagnostics.push(
      at(entry, 'bib-duplicate-entry', 'warning', {
        nb: `${citedAs(entry)} har samme DOI som ${citedAs(first)} på ${place(first, 'nb')}; det er trolig samme verk.`,
        en: `${citedAs(entry)} has the same DOI as ${citedAs(first)} at ${place(first, 'en')}; it is probably the same work.`,
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
        return Math.abs(other.key.length - key.length) <= allowed && editDistance(other.key, key) <= allowed;
      });
    if (twin) {
      diagnostics.push(
        at(entry, 'bib-duplicate-entry', 'warning', {
          nb: `${citedAs(entry)} har nesten samme tittel og år som ${citedAs(twin.entry)} på ${place(twin.entry, 'nb')}; det er trolig samme verk.`,
          en: `${citedAs(entry)} has nearly the same title and year as ${citedAs(twin.entry)} at ${place(twin.entry, 'en')}; it is probably the same work.`,
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
  for (let index = 0; index < text.length; index++) keys.push(text.slice(0, index) + text.slice(index + 1));
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
      if (!persons.has(key)) persons.set(key, { family, folded: foldText(family), initials: initials(name), entry });
    }
  }
  const byDeletion = new Map<string, Person[]>();
  const pairs = new Map<string, [Person, Person]>();
  for (const person of persons.values()) {
    if (person.folded.length < 4) continue;
    for (const key of new Set(deletionKeys(person.folded))) {
      const bucket = byDeletion.get(key) ?? [];
      for (const other of bucket) {
        if (other.family === person.family) continue;
        const compatible = !other.initials || !person.initials || other.initials.startsWith(person.initials) || person.initials.startsWith(other.initials);
        if (!compatible) continue;
        // Names that differ only by case or by Norwegian letters (Ø/O) are one spelling problem too.
        const distance = editDistance(other.folded, person.folded);
        if (distance > 2 || (distance === 2 && person.folded.length < 6)) continue;
        const pairKey = [other.family, person.family].sort().join('|');
        if (!pairs.has(pairKey)) pairs.set(pairKey, [other, person]);
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
        nb: `«${second.family}» (${citedAs(second.entry)}) og «${first.family}» (${citedAs(first.entry)}, på ${place(first.entry, 'nb')}) ser ut til å være samme person stavet på to måter.`,
        en: `"${second.family}" (${citedAs(second.entry)}) and "${first.family}" (${citedAs(first.entry)}, at ${place(first.entry, 'en')}) look like one person spelled two ways.`,
      },
      { nb: 'Bruk samme stavemåte som verket selv.', en: 'Use the spelling of the work itself.' },
    ),
  );
}

/** A corporate name reduced to its words: "Fellesorganisasjonen (FO)" → "fellesorganisasjonen". */
function corporateKey(literal: string): string {
  return foldText(literal.replace(/\([^)]*\)/g, ''))
    .replace(/[^a-z0-9]+/g, '');
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
    const [[firstForm, firstEntry], ...others] = [...group.entries()] as Array<[string, BibEntry]> as [[string, BibEntry], ...Array<[string, BibEntry]>];
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
          { nb: 'Skriv institusjonen likt i alle referanser.', en: 'Write the institution the same way in every entry.' },
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
    const year = entryYear(entry);
    const cited = year === 'u.å.' ? `${authors} (u.å.-${suffix})` : `${authors} (${year}${suffix})`;
    diagnostics.push(
      at(entry, 'bib-author-year-collision', 'info', {
        nb: `Flere verk av ${authors} fra ${year}: ${work(entry, 'nb')} siteres som ${cited}.`,
        en: `Several works by ${authors} from ${year}: ${work(entry, 'en')} is cited as ${cited}.`,
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
    const listed = (lang: 'nb' | 'en') => group.map((entry) => `${entryYear(entry)} (${place(entry, lang)})`).join(', ');
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

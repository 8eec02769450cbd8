import type { Lang, Localized } from '@litsynth/common';
import type { BibEntry, CslItem, CslName } from './types.js';

/** A field an entry lacks, by its CSL name, with what the user is told. */
export interface EntryGap {
  /** A CSL variable, or `given` (given names of the persons named in `names`), or `type`. */
  field: string;
  name: Localized;
  /** For `given`: the family names that lack given names. */
  names?: string[];
}

/** Whether an entry can stand in a reference list, and what it lacks if not. */
export interface EntryCompleteness {
  /** Nothing missing, nothing unconfirmed, and not marked unverified. */
  complete: boolean;
  /** Fields the style needs for this kind of work that the entry lacks. */
  gaps: EntryGap[];
  /** Fields the entry gives that no record confirms (the verification's `unconfirmed`). */
  unconfirmed: Localized[];
}

type FieldRule = { field: string; alternatives?: string[]; name: Localized };

/** Fields APA 7 needs per CSL type, with their names for messages. */
const requiredFields: Record<string, FieldRule[]> = {
  'article-journal': [
    { field: 'container-title', name: { nb: 'tidsskrift', en: 'journal' } },
    { field: 'volume', name: { nb: 'årgang (volume)', en: 'volume' } },
    {
      field: 'page',
      alternatives: ['number'],
      name: { nb: 'sider (eller artikkelnummer)', en: 'pages (or article number)' },
    },
  ],
  book: [{ field: 'publisher', name: { nb: 'forlag', en: 'publisher' } }],
  chapter: [
    { field: 'editor', name: { nb: 'redaktør(er)', en: 'editor(s)' } },
    { field: 'container-title', name: { nb: 'boktittel', en: 'book title' } },
    { field: 'page', name: { nb: 'sider', en: 'pages' } },
    { field: 'publisher', name: { nb: 'forlag', en: 'publisher' } },
  ],
  report: [
    {
      field: 'publisher',
      alternatives: ['authority'],
      name: { nb: 'utgiver (institusjon)', en: 'publisher (institution)' },
    },
  ],
  thesis: [{ field: 'publisher', name: { nb: 'institusjon', en: 'institution' } }],
  webpage: [{ field: 'URL', name: { nb: 'URL', en: 'URL' } }],
  'entry-encyclopedia': [
    { field: 'container-title', name: { nb: 'oppslagsverk', en: 'reference work' } },
    {
      field: 'URL',
      alternatives: ['publisher'],
      name: {
        nb: 'URL (eller forlag, for en trykt utgave)',
        en: 'URL (or publisher, for a printed edition)',
      },
    },
  ],
  'entry-dictionary': [
    { field: 'container-title', name: { nb: 'ordbok', en: 'dictionary' } },
    {
      field: 'URL',
      alternatives: ['publisher'],
      name: {
        nb: 'URL (eller forlag, for en trykt utgave)',
        en: 'URL (or publisher, for a printed edition)',
      },
    },
  ],
  'article-newspaper': [{ field: 'container-title', name: { nb: 'avis', en: 'newspaper' } }],
  'article-magazine': [
    { field: 'container-title', name: { nb: 'tidsskrift eller magasin', en: 'magazine' } },
  ],
};

const commonFields: FieldRule[] = [
  { field: 'title', name: { nb: 'tittel', en: 'title' } },
  { field: 'author', alternatives: ['editor'], name: { nb: 'forfatter', en: 'author' } },
  { field: 'issued', name: { nb: 'år', en: 'year' } },
];

const kindOfWork: Localized = {
  nb: 'type verk (bok, kapittel, artikkel, rapport, nettside …)',
  en: 'kind of work (book, chapter, article, report, web page …)',
};

const retrievalDate: Localized = {
  nb: 'datoen du hentet siden (den har ingen dato og kan endres)',
  en: 'the date you retrieved the page (it has no date and may change)',
};

/** Names of CSL fields for the to-do's "to confirm". */
const fieldNames: Record<string, Localized> = {
  type: { nb: 'type verk', en: 'kind of work' },
  title: { nb: 'tittel', en: 'title' },
  'container-title': {
    nb: 'tittel på tidsskriftet, boken eller nettstedet verket står i',
    en: 'title of the journal, book or site the work is in',
  },
  author: { nb: 'forfattere', en: 'authors' },
  editor: { nb: 'redaktører', en: 'editors' },
  issued: { nb: 'år', en: 'year' },
  publisher: { nb: 'forlag eller utgiver', en: 'publisher' },
  URL: { nb: 'URL', en: 'URL' },
  page: { nb: 'sider', en: 'pages' },
  volume: { nb: 'årgang', en: 'volume' },
  issue: { nb: 'nummer (hefte)', en: 'issue' },
  edition: { nb: 'utgave', en: 'edition' },
  genre: { nb: 'sjanger', en: 'genre' },
  number: { nb: 'nummer', en: 'number' },
};

/** What a work's container is, by the work's type, for messages. */
const containerNames: Record<string, Localized> = {
  chapter: { nb: 'boken kapitlet står i', en: 'the book the chapter is in' },
  'article-journal': { nb: 'tidsskriftet', en: 'the journal' },
  'entry-encyclopedia': { nb: 'oppslagsverket', en: 'the reference work' },
  'entry-dictionary': { nb: 'ordboken', en: 'the dictionary' },
};

/** The localized name of a CSL field of a work of a type, for messages ("container-title" of a chapter → "boken kapitlet står i"). */
export function fieldName(field: string, type?: string): Localized {
  if (field === 'container-title' && type !== undefined && containerNames[type])
    return containerNames[type];
  return fieldNames[field] ?? { nb: field, en: field };
}

function hasField(item: CslItem, field: string): boolean {
  const value = item[field];
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Whether the item has a date with at least a year (not "no date"). */
function hasYear(item: CslItem): boolean {
  return (
    Boolean(item.issued?.['date-parts']?.[0]?.[0]) ||
    (typeof item.issued?.literal === 'string' && /\d{4}/.test(item.issued.literal))
  );
}

const isPerson = (name: CslName) => !name.literal && Boolean(name.family?.trim());

/**
 * The persons named without a given name. Only where that certainly means "not known": in an
 * entry with a verification block (our records write a corporate author as `literal`) or among
 * several names; a lone family-only name from a user's BibTeX may be an organisation.
 */
function personsWithoutGivenNames(entry: BibEntry, names: readonly CslName[]): string[] {
  if (!entry.verification && names.length < 2) return [];
  return names
    .filter((name) => isPerson(name) && !name.given?.trim())
    .map((name) => name.family!.trim());
}

/** What an entry lacks for its type: the fields, then given names, then the kind of work. */
export function entryGaps(entry: BibEntry): EntryGap[] {
  const item = entry.item;
  const gaps: EntryGap[] = [];
  // An entry typed `document` with no title is a work nobody has identified: its kind is unknown.
  if (item.type === 'document' && !hasField(item, 'title'))
    gaps.push({ field: 'type', name: kindOfWork });
  const seen = new Set<string>();
  // Title and author first, then what the kind of work needs, then the year.
  const [title, author, issued] = commonFields as [FieldRule, FieldRule, FieldRule];
  for (const rule of [title, author, ...(requiredFields[item.type] ?? []), issued]) {
    if (seen.has(rule.field)) continue;
    seen.add(rule.field);
    if (![rule.field, ...(rule.alternatives ?? [])].some((field) => hasField(item, field)))
      gaps.push({ field: rule.field, name: rule.name });
  }
  // A page without a date of its own (a theme page, an undated article) changes: APA wants the day it was read.
  if (
    (item.type === 'webpage' || item.type === 'post-weblog') &&
    !hasYear(item) &&
    !hasField(item, 'accessed')
  ) {
    gaps.push({ field: 'accessed', name: retrievalDate });
  }
  const authors = item.author?.length ? item.author : (item.editor ?? []);
  const withoutGiven = personsWithoutGivenNames(entry, authors);
  if (withoutGiven.length > 0) {
    gaps.push({
      field: 'given',
      names: withoutGiven,
      name: {
        nb: `fornavn eller initialer: ${withoutGiven.join(', ')}`,
        en: `given names or initials: ${withoutGiven.join(', ')}`,
      },
    });
  }
  if (item.author?.length && item.editor?.length) {
    const editors = personsWithoutGivenNames(entry, item.editor);
    if (editors.length > 0) {
      gaps.push({
        field: 'editor-given',
        names: editors,
        name: {
          nb: `redaktørenes fornavn eller initialer: ${editors.join(', ')}`,
          en: `the editors' given names or initials: ${editors.join(', ')}`,
        },
      });
    }
  }
  return gaps;
}

const notVerified: Localized = {
  nb: 'alle opplysningene (referansen er ikke verifisert)',
  en: 'all of its data (the entry is not verified)',
};

/** Whether an entry can go into the reference list as it is, and what it lacks if not. */
export function entryCompleteness(entry: BibEntry): EntryCompleteness {
  const gaps = entryGaps(entry);
  const unconfirmed = (entry.verification?.unconfirmed ?? []).map((field) =>
    fieldName(field, entry.item.type),
  );
  if (entry.verification?.status === 'unverified' && gaps.length === 0 && unconfirmed.length === 0)
    unconfirmed.push(notVerified);
  return { complete: gaps.length === 0 && unconfirmed.length === 0, gaps, unconfirmed };
}

/** Placeholders for missing fields, in the template's language. */
const placeholders = {
  title: { nb: '[Tittel]', en: '[Title]' },
  journal: { nb: '[Tidsskrift]', en: '[Journal]' },
  bookTitle: { nb: '[Boktittel]', en: '[Book title]' },
  referenceWork: { nb: '[Oppslagsverk]', en: '[Reference work]' },
  source: { nb: '[Kilde]', en: '[Source]' },
  volume: { nb: '[årgang]', en: '[volume]' },
  pages: { nb: '[sider]', en: '[pages]' },
  publisher: { nb: '[Forlag]', en: '[Publisher]' },
  institution: { nb: '[Institusjon]', en: '[Institution]' },
  issuer: { nb: '[Utgiver]', en: '[Publisher]' },
  editors: { nb: '[Redaktører]', en: '[Editors]' },
  author: { nb: '[Forfatter]', en: '[Author]' },
  year: { nb: '[år]', en: '[year]' },
  date: { nb: '[dato]', en: '[date]' },
  initials: { nb: '[X.]', en: '[X.]' },
  url: { nb: '[URL]', en: '[URL]' },
} satisfies Record<string, Localized>;

function containerPlaceholder(type: string): Localized {
  if (type === 'article-journal' || type === 'article-magazine') return placeholders.journal;
  if (type === 'chapter') return placeholders.bookTitle;
  if (type === 'entry-encyclopedia' || type === 'entry-dictionary')
    return placeholders.referenceWork;
  return placeholders.source;
}

function publisherPlaceholder(type: string): Localized {
  if (type === 'thesis') return placeholders.institution;
  if (type === 'report') return placeholders.issuer;
  return placeholders.publisher;
}

const fillName = (families: ReadonlySet<string>, lang: Lang) => (name: CslName) =>
  isPerson(name) && !name.given?.trim() && families.has(name.family!.trim())
    ? { ...name, given: placeholders.initials[lang] }
    : name;

/**
 * The item with a placeholder ("[Tittel]", "[X.]", "[år]") for each field in `gaps`, so that the
 * style renders it as a template to fill in. Alternatives ("pages or article number") get the first.
 */
export function fillGaps(item: CslItem, gaps: readonly EntryGap[], lang: Lang): CslItem {
  const filled: CslItem = { ...item };
  const type = filled.type;
  for (const gap of gaps) {
    switch (gap.field) {
      case 'title':
        filled.title = placeholders.title[lang];
        break;
      case 'container-title':
        filled['container-title'] = containerPlaceholder(type)[lang];
        break;
      case 'volume':
        filled.volume = placeholders.volume[lang];
        break;
      case 'page':
        filled.page = placeholders.pages[lang];
        break;
      case 'publisher':
        filled.publisher = publisherPlaceholder(type)[lang];
        break;
      case 'editor':
        filled.editor = [{ literal: placeholders.editors[lang] }];
        break;
      case 'author':
        filled.author = [{ literal: placeholders.author[lang] }];
        break;
      case 'issued':
        filled.issued = { literal: placeholders.year[lang] };
        break;
      case 'URL':
        filled.URL = placeholders.url[lang];
        break;
      case 'accessed':
        filled.accessed = { literal: placeholders.date[lang] };
        break;
      case 'given':
        if (filled.author?.length)
          filled.author = filled.author.map(fillName(new Set(gap.names), lang));
        else if (filled.editor)
          filled.editor = filled.editor.map(fillName(new Set(gap.names), lang));
        break;
      case 'editor-given':
        if (filled.editor) filled.editor = filled.editor.map(fillName(new Set(gap.names), lang));
        break;
    }
  }
  return filled;
}

/** The kinds of work a template is offered for when the kind is unknown: by what the author is. */
export function templateKinds(item: CslItem): Array<{ type: string; label: Localized }> {
  const names = item.author?.length ? item.author : (item.editor ?? []);
  const group = names.length > 0 && names.every((name) => Boolean(name.literal));
  return group
    ? [
        { type: 'report', label: { nb: 'rapport', en: 'report' } },
        { type: 'webpage', label: { nb: 'nettside', en: 'web page' } },
      ]
    : [
        { type: 'book', label: { nb: 'bok', en: 'book' } },
        { type: 'article-journal', label: { nb: 'tidsskriftartikkel', en: 'journal article' } },
      ];
}

/** The gaps of an item retyped to one of `templateKinds`, for its template. */
export function gapsAs(entry: BibEntry, type: string): EntryGap[] {
  return entryGaps({ ...entry, item: { ...entry.item, type } });
}

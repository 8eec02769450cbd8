import { foldText } from './fold-text.js';
import type { CslItem, CslName, DatedItem } from './types.js';

// What the CSL styles leave to the data, done on the item handed to citeproc (never on the
// entry itself, which the check resolves citations against). Each rule is one of Norwegian APA 7
// (Sikt's "Norsk APA-manual", after APA 7th), or a label of the locale; see
// docs/reference-list-forms.md for each with its source.

/** How an item is prepared: for an APA style or another, in which locale. */
export interface ItemFormOptions {
  /** Whether the style is an APA style (norsk-apa-manual, apa): the APA-only rules apply. */
  apa: boolean;
  /** The CSL locale (`nb-NO`, `nn-NO`, `en-US`): the language of labels written into the item. */
  locale: string;
}

/** A date literal that says the work has no date: the style then writes its own term (u.å., n.d.). */
const undatedLiteral = /^\s*(u\.\s?å\.?|n\.\s?d\.?|udatert|uten år|no date|undated)\s*$/i;

/** Whether an item's date is given as "no date" (`issued: {literal: u.å.}`): the work is undated. */
export function isUndated(item: Pick<DatedItem, 'issued'>): boolean {
  const literal = item.issued?.literal;
  return (
    typeof literal === 'string' && undatedLiteral.test(literal) && !item.issued?.['date-parts']
  );
}

type ThesisKind = 'doctoral' | 'master' | 'bachelor';

/** The kind of thesis a genre names, in any of the spellings records and reference managers use. */
function thesisKind(genre: string): ThesisKind | undefined {
  const folded = foldText(genre);
  if (/dokto|doctor|ph\.?\s?d|dr\.?\s?(philos|polit|scient|med)|dissertation/.test(folded))
    return 'doctoral';
  if (/master|hovedoppgave|magister/.test(folded)) return 'master';
  if (/bachelor|bacheloroppg/.test(folded)) return 'bachelor';
  return undefined;
}

/** Norwegian APA's labels for theses ("[Doktorgradsavhandling, …]"), and APA's English ones. */
const thesisLabels: Record<'nb' | 'nn' | 'en', Record<ThesisKind, string>> = {
  nb: { doctoral: 'Doktorgradsavhandling', master: 'Masteroppgave', bachelor: 'Bacheloroppgave' },
  nn: { doctoral: 'Doktorgradsavhandling', master: 'Masteroppgåve', bachelor: 'Bacheloroppgåve' },
  en: {
    doctoral: 'Doctoral dissertation',
    master: "Master's thesis",
    bachelor: "Bachelor's thesis",
  },
};

function localeLanguage(locale: string): 'nb' | 'nn' | 'en' {
  if (/^nn\b/i.test(locale)) return 'nn';
  return /^(nb|no)\b/i.test(locale) ? 'nb' : 'en';
}

/**
 * Norwegian public documents whose number starts with the short form of their genre
 * ("Meld. St. 33 (2015–2016)" is a Melding til Stortinget): the genre is then said twice.
 */
const documentSeries: Array<{ short: RegExp; genre: RegExp }> = [
  { short: /^meld\.?\s*st\./, genre: /^(melding(er)? til stortinget|stortingsmelding)/ },
  { short: /^st\.?\s*meld\./, genre: /^(stortingsmelding|melding til stortinget)/ },
  { short: /^nou\b/, genre: /^(norges offentlige utredning(er)?|nou)/ },
  { short: /^prop\.?/, genre: /^(proposisjon|prop\.)/ },
  { short: /^innst\.?/, genre: /^(innstilling|innst\.)/ },
  { short: /^ot\.?\s*prp\.?/, genre: /^odelstingsproposisjon/ },
  { short: /^st\.?\s*prp\.?/, genre: /^stortingsproposisjon/ },
];

function genreRepeatsNumber(genre: string, number: string): boolean {
  const foldedGenre = foldText(genre).trim();
  const foldedNumber = foldText(number).trim();
  if (foldedNumber.startsWith(foldedGenre)) return true;
  return documentSeries.some(
    (series) => series.short.test(foldedNumber) && series.genre.test(foldedGenre),
  );
}

/** "Fellesorganisasjonen (FO)" → "Fellesorganisasjonen": APA 7 keeps a group's abbreviation out of the list. */
function withoutAbbreviation(name: CslName): CslName {
  if (!name.literal) return name;
  const literal = name.literal.replace(/\s*\([\p{Lu}\d]{2,8}\)\s*$/u, '').trim();
  return literal === name.literal ? name : { ...name, literal };
}

/** Group authors' names as the list writes them, folded, to compare with a publisher. */
function groupNames(item: CslItem): Set<string> {
  const names = [...(item.author ?? []), ...(item.author?.length ? [] : (item.editor ?? []))];
  return new Set(
    names
      .filter((name) => name.literal)
      .map((name) => foldText(withoutAbbreviation(name).literal!).trim()),
  );
}

/**
 * Capitalises the first letter of a title and of its subtitle (after ": "), as APA's sentence case
 * wants ("sosialarbeider" → "Sosialarbeider"). A word with a capital inside ("eHelse") is kept.
 */
export function capitalizeTitle(title: string): string {
  return title.replace(
    /(^|:\s+)([«"'“‘([]*)(\p{Ll}[\p{L}\p{M}'’-]*)/gu,
    (match, before: string, quote: string, word: string) =>
      /\p{Lu}/u.test(word)
        ? match
        : `${before}${quote}${word[0]!.toLocaleUpperCase('nb')}${word.slice(1)}`,
  );
}

/**
 * The item as the reference list writes it: an undated work without a date (the style writes
 * u.å./n.d.), a thesis's genre as the locale's label, no genre repeated by the document number;
 * and for APA styles, a group author without its abbreviation, no publisher (or site name) that
 * repeats the group author, and titles that start with a capital.
 */
export function itemForList(item: CslItem, options: ItemFormOptions): CslItem {
  const result: CslItem = { ...item };
  if (isUndated(result)) delete result.issued;
  if (typeof result.genre === 'string') {
    const kind = result.type === 'thesis' ? thesisKind(result.genre) : undefined;
    if (kind) result.genre = thesisLabels[localeLanguage(options.locale)][kind];
    else if (result.number !== undefined && genreRepeatsNumber(result.genre, String(result.number)))
      delete result.genre;
  }
  if (!options.apa) return result;
  if (result.author) result.author = result.author.map(withoutAbbreviation);
  if (result.editor) result.editor = result.editor.map(withoutAbbreviation);
  const groups = groupNames(result);
  if (typeof result.publisher === 'string' && groups.has(foldText(result.publisher).trim()))
    delete result.publisher;
  // A web page on the group's own site: the site name repeats the author too.
  if (
    result.type === 'webpage' &&
    typeof result['container-title'] === 'string' &&
    groups.has(foldText(result['container-title']).trim())
  ) {
    delete result['container-title'];
  }
  if (typeof result.title === 'string') result.title = capitalizeTitle(result.title);
  return result;
}

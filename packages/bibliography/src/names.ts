import type { Localized } from '@litsynth/common';
import { isUndated } from './apa-forms.js';
import type { BibEntry, CslName, DatedItem } from './types.js';

/** The year text of an entry as an author–date citation writes it: "2015", or "u.å." when it has no date. */
export function entryYear(entry: BibEntry): string {
  return itemYear(entry.item) ?? 'u.å.';
}

/** The year of an item's date: its first date part, or a year in its literal date ("våren 2015"). */
function itemYear(item: DatedItem): string | undefined {
  const first = item.issued?.['date-parts']?.[0]?.[0];
  if (first !== undefined && first !== null && String(first).trim() !== '') return String(first);
  const literal = item.issued?.literal ?? item.issued?.raw;
  return literal?.match(/\b(1[5-9]\d\d|20\d\d)\b/)?.[1];
}

/**
 * An item's year as a reader is shown it, in each language: "2015"; "u.å." / "n.d." only for a work
 * that has no date (`issued: {literal: u.å.}`); a literal as written ("i trykk"); and "år mangler" /
 * "year missing" when the year is not known.
 */
export function yearLabel(item: DatedItem): Localized {
  const year = itemYear(item);
  if (year !== undefined) return { nb: year, en: year };
  if (isUndated(item)) return { nb: 'u.å.', en: 'n.d.' };
  const literal = item.issued?.literal?.trim();
  if (literal) return { nb: literal, en: literal };
  return { nb: 'år mangler', en: 'year missing' };
}

/** The name a citation uses for one CSL name: family name (with particle) or the literal corporate name. */
export function nameForCitation(name: CslName): string {
  if (name.literal) return name.literal.trim();
  const particle = name['non-dropping-particle'];
  const family = (name.family ?? '').trim();
  return particle ? `${particle} ${family}` : family;
}

/** The names an entry is cited by: authors, or editors when it has no author. */
export function entryNames(entry: BibEntry): string[] {
  const names = entry.item.author?.length ? entry.item.author : (entry.item.editor ?? []);
  return names.map(nameForCitation).filter((name) => name !== '');
}

/** The letter for the n-th (0-based) work of one author group and year: a, b, …, z, aa, ab, … */
function suffixLetter(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return index < 26
    ? letters[index]!
    : `${suffixLetter(Math.floor(index / 26) - 1)}${letters[index % 26]}`;
}

/**
 * Key for "same author(s), same year": every name in order, case-folded ("snl#2018"). A work
 * without author or editor is cited and listed by its title (APA), so there the title stands for
 * the names: two such works of a year share a key, and letters, only when their titles are the same.
 */
export function authorYearKey(entry: BibEntry): string {
  const names = entryNames(entry);
  const who =
    names.length > 0
      ? names.map((name) => name.toLocaleLowerCase('nb')).join('|')
      : `title:${(entry.item.title ?? '').trim().toLocaleLowerCase('nb')}`;
  return `${who}#${entryYear(entry)}`;
}

/** Title without leading articles and punctuation, the way APA sorts same-author same-year works. */
function sortTitle(entry: BibEntry): string {
  return (entry.item.title ?? '')
    .toLocaleLowerCase('nb')
    .replace(/^[«"'([]+/, '')
    .replace(/^(the|a|an|en|et|ei|den|det|de)\s+/, '');
}

// Built on first use: creating a collator loads ICU's collation data (~5 ms), which most runs
// never need (only same-author same-year works are compared by title).
let titleCollator: Intl.Collator | undefined;

/**
 * Two titles in Norwegian (nb) collation order: negative, zero or positive.
 * When the titles first differ at two of the letters b–z, in ASCII text up to one character past
 * that place, the order of those letters decides, as it does in the collator (no contraction or
 * accent reaches them; "a" is left out for nb's "aa" = "å"); every other pair asks the collator.
 */
export function compareTitles(a: string, b: string): number {
  const end = Math.min(a.length, b.length);
  let at = 0;
  while (at < end && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  const x = a.charCodeAt(at);
  const y = b.charCodeAt(at);
  if (at < end && isLetterBToZ(x) && isLetterBToZ(y) && isAscii(a, at + 2) && isAscii(b, at + 2))
    return x - y;
  titleCollator ??= new Intl.Collator('nb');
  return titleCollator.compare(a, b);
}

function isLetterBToZ(code: number): boolean {
  return code >= 0x62 && code <= 0x7a;
}

/** Whether the first `length` characters of the text (or all, if fewer) are ASCII. */
function isAscii(text: string, length: number): boolean {
  for (let index = 0; index < Math.min(length, text.length); index++)
    if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

/** "2019-06-05" → "2019-06-05"; missing parts sort first, as citeproc sorts them. */
function dateKey(entry: BibEntry): string {
  const parts = entry.item.issued?.['date-parts']?.[0] ?? [];
  return [0, 1, 2]
    .map((index) => String(parts[index] ?? 0).padStart(index === 0 ? 4 : 2, '0'))
    .join('-');
}

/**
 * Year suffixes for works with the same author(s) and year, as APA assigns them: ordered by date, then title.
 * Returns entry id → "a" | "b" | …; entries without a collision are absent. The reference list and
 * the check both use this, so that "2015a" means the same work in both.
 */
export function assignYearSuffixes(entries: readonly BibEntry[]): Map<string, string> {
  const groups = new Map<string, BibEntry[]>();
  for (const entry of entries) {
    const key = authorYearKey(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const suffixes = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // The order of norsk-apa-manual's bibliography sort: full date, then title (then id, for stability).
    const sorted = [...group].sort(
      (a, b) =>
        (dateKey(a) < dateKey(b) ? -1 : dateKey(a) > dateKey(b) ? 1 : 0) ||
        compareTitles(sortTitle(a), sortTitle(b)) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    sorted.forEach((entry, index) => {
      suffixes.set(entry.id, suffixLetter(index));
    });
  }
  return suffixes;
}

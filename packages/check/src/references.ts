import {
  assignYearSuffixes,
  type BibEntry,
  type CslItem,
  entryNames,
  entryYear,
  yearLabel,
} from '@litsynth/bibliography';
import type { Manuscript } from '@litsynth/ingest';
import { initialsOf } from './names.js';
import type { Reference } from './types.js';

/** Short forms an entry may be cited by: CSL `abbreviation`/`title-short` of a corporate author. */
function abbreviationsOf(item: CslItem, names: string[]): string[] {
  const result = new Set<string>();
  for (const field of ['author-short', 'abbreviation']) {
    const value = item[field];
    if (typeof value === 'string' && value.trim()) result.add(value.trim());
  }
  // "Fellesorganisasjonen (FO)": a short form in parentheses in a literal name.
  for (const name of names) {
    for (const match of name.matchAll(/\(([\p{Lu}\d]{2,8})\)/gu))
      if (match[1]) result.add(match[1]);
  }
  return [...result];
}

/**
 * Reduces bibliography entries to references, with the names and year (and a/b suffix) that
 * @litsynth/bibliography gives them, so that the check and the reference list agree.
 */
export function referencesFromEntries(
  entries: readonly BibEntry[],
  included: readonly string[] = [],
): Reference[] {
  const suffixes = assignYearSuffixes(entries);
  return entries.map((entry): Reference => {
    const written = entryNames(entry);
    const suffix = entry.item['year-suffix'];
    const year = entryYear(entry);
    const publisher = entry.item.publisher;
    return {
      key: entry.id,
      // "Fellesorganisasjonen (FO)": the short form is an abbreviation, not part of the name.
      names: written.map((name) => name.replace(/\s*\([\p{Lu}\d]{2,8}\)\s*$/u, '')),
      abbreviations: abbreviationsOf(entry.item, written),
      publisher: typeof publisher === 'string' && publisher.trim() ? publisher.trim() : undefined,
      year: `${year}${typeof suffix === 'string' ? suffix : (suffixes.get(entry.id) ?? '')}`,
      ...(yearLabel(entry.item).en === 'year missing' ? { yearMissing: true as const } : {}),
      title: typeof entry.item.title === 'string' ? entry.item.title : undefined,
      origin: 'bibliography',
      file: entry.origin.file,
      line: entry.origin.line,
      included: included.includes(entry.id),
    };
  });
}

/** References from the manuscript's own reference list, keyed "list-<line>". */
export function referencesFromList(manuscript: Manuscript): Reference[] {
  const list = manuscript.referenceList;
  if (!list) return [];
  return list.entries.map((entry) => {
    const place = manuscript.locate(entry.start);
    return {
      key: `list-${place.line}`,
      names: entry.authors,
      abbreviations:
        entry.authors.length === 1 && entry.authors[0] ? abbreviationsInName(entry.authors[0]) : [],
      publisher: undefined,
      year: entry.year,
      title: entry.title ?? undefined,
      origin: 'reference-list' as const,
      file: manuscript.path,
      line: place.line,
      included: false,
    };
  });
}

function abbreviationsInName(name: string): string[] {
  return [...name.matchAll(/\(([\p{Lu}\d]{2,8})\)/gu)]
    .map((match) => match[1] ?? '')
    .filter(Boolean);
}

/** Whether a cited short form ("SNL") stands for one of the reference's names or abbreviations. */
export function isAbbreviationOf(cited: string, reference: Reference): boolean {
  if (!/^[\p{Lu}\d]{2,8}$/u.test(cited)) return false;
  if (reference.abbreviations.some((short) => short === cited)) return true;
  const initials = cited.toLowerCase();
  return (
    reference.names.length === 1 &&
    reference.names[0] !== undefined &&
    initialsOf(reference.names[0]) === initials &&
    initials.length >= 2
  );
}

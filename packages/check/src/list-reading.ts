import type { ReferenceListEntry, ReferenceListSection } from '@litsynth/ingest';
import { normalizeName } from './names.js';

/** How well the manuscript's own reference list could be read, in figures. */
export interface ListReading {
  /** Blocks the list reader returned. */
  total: number;
  /** Blocks read as entries: with authors and a year. */
  entries: number;
  /** Blocks with authors but no year. */
  withoutYear: number;
  /** Blocks with no author at all: lines that are not entries (tables, page furniture, appendices). */
  notEntries: number;
  /** Whether so much of the list could not be read that what follows from it is not sure. */
  partly: boolean;
}

// A list is partly read when at least this share of its blocks (and at least three) are not whole entries.
const partlyReadShare = 0.1;
const partlyReadMinimum = 3;

/** The figures of how a reference list was read. */
export function readingOfList(list: ReferenceListSection): ListReading {
  const total = list.entries.length;
  const notEntries = list.entries.filter((entry) => entry.authors.length === 0).length;
  const withoutYear = list.entries.filter(
    (entry) => entry.authors.length > 0 && entry.year === null,
  ).length;
  const unread = notEntries + withoutYear;
  return {
    total,
    entries: total - unread,
    withoutYear,
    notEntries,
    partly: unread >= partlyReadMinimum && unread / total >= partlyReadShare,
  };
}

// "(1986)", "(2018e)", "(2014-2015)": a year in parentheses; the first one is the entry's own.
const yearInParentheses = /\((?:1[5-9]|20)\d\d[a-zæøå]?(?:[-–]\d{2,4})?\)/u;
// The head of another work: a year in parentheses right after a name's period ("Bandura, A. (1997).",
// "NAV. (2018d)."), not a year in a title ("Mellom makt og hjelp (1995).", "St.meld. nr. 21 (1998–99).").
const workHead = /(?<=\p{L}\.\s?)\((?:1[5-9]|20)\d\d[a-zæøå]?(?:[-–]\d{2,4})?\)\./gu;

/**
 * Whether an entry as read holds more than one work: the head of another work after its own, as
 * when an entry without a final period swallowed the next one ("… Prentice-Hall Bandura, A. (1997). …").
 */
export function holdsSeveralWorks(entry: ReferenceListEntry): boolean {
  const own = entry.raw.search(yearInParentheses);
  return own !== -1 && [...entry.raw.matchAll(workHead)].some((match) => match.index > own);
}

/**
 * The entry whose text, after its own head, holds the head of a work by the cited author with the
 * cited year: the work is in the list, but was read into another entry.
 */
export function entryHiding(
  list: ReferenceListSection,
  author: string,
  year: string,
): ReferenceListEntry | null {
  const name = normalizeName(author);
  if (name.length === 0) return null;
  for (const entry of list.entries) {
    const own = entry.raw.search(yearInParentheses);
    if (own === -1) continue;
    for (const match of entry.raw.matchAll(workHead)) {
      if (match.index <= own || match[0] !== `(${year}).`) continue;
      if (
        normalizeName(entry.raw.slice(Math.max(own + 1, match.index - 300), match.index)).includes(
          name,
        )
      )
        return entry;
    }
  }
  return null;
}

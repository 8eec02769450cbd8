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
  const withoutYear = list.entries.filter((entry) => entry.authors.length > 0 && entry.year === null).length;
  const unread = notEntries + withoutYear;
  return { total, entries: total - unread, withoutYear, notEntries, partly: unread >= partlyReadMinimum && unread / total >= partlyReadShare };
}

// "(1997).", "(2018e).", "(2014-2015).": the year of an entry, as the head of an entry has it.
const entryYear = /\((?:1[5-9]|20)\d\d[a-zæøå]?(?:[-–]\d{2,4})?\)\./gu;

/**
 * Whether an entry as read holds more than one work: a second "(year)." after its own, as when an
 * entry without a final period swallowed the next one ("… Prentice-Hall Bandura, A. (1997). …").
 */
export function holdsSeveralWorks(entry: ReferenceListEntry): boolean {
  return [...entry.raw.matchAll(entryYear)].length >= 2;
}

/**
 * The entry whose text, after its own head, holds the cited author followed by the cited year in
 * parentheses: the work is in the list, but was read into another entry.
 */
export function entryHiding(list: ReferenceListSection, author: string, year: string): ReferenceListEntry | null {
  const name = normalizeName(author);
  if (name.length === 0) return null;
  for (const entry of list.entries) {
    const own = entry.raw.search(entryYear);
    for (let at = entry.raw.indexOf(`(${year})`, own + 1); own !== -1 && at !== -1; at = entry.raw.indexOf(`(${year})`, at + 1)) {
      if (normalizeName(entry.raw.slice(Math.max(own + 1, at - 300), at)).includes(name)) return entry;
    }
  }
  return null;
}

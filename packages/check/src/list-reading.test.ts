import type { ReferenceListEntry, ReferenceListSection } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { entryHiding, holdsSeveralWorks, readingOfList } from './list-reading.js';

const entry = (raw: string, authors: string[], year: string | null): ReferenceListEntry => ({
  raw,
  start: 0,
  end: raw.length,
  authors,
  year,
  title: null,
});
const section = (entries: ReferenceListEntry[]): ReferenceListSection => ({
  heading: { text: 'Litteraturliste', level: 1, start: 0, end: 15 },
  start: 0,
  end: 1000,
  entries,
});

const merged = entry(
  'Berg, A. (1986). Sosial læring: En teori. Universitetsforlaget Berg, A. (1997). Mestring og kontroll. Gyldendal.',
  ['Berg'],
  '1986',
);
const single = entry(
  'Skau, G. M. (2013). Mellom makt og hjelp (1995). Universitetsforlaget.',
  ['Skau'],
  '2013',
);

describe('holdsSeveralWorks', () => {
  it('sees a second "(year)." after an entry\'s own, and not a year inside its title', () => {
    expect([holdsSeveralWorks(merged), holdsSeveralWorks(single)]).toEqual([true, false]);
  });
});

describe('entryHiding', () => {
  it('finds the entry that holds the cited author and year after its own head', () => {
    const list = section([single, merged]);
    expect([
      entryHiding(list, 'Berg', '1997'),
      entryHiding(list, 'Berg', '1986'),
      entryHiding(list, 'Skau', '1995'),
      entryHiding(list, 'Dalland', '1997'),
    ]).toEqual([merged, null, null, null]);
  });
});

describe('readingOfList', () => {
  it('counts entries, entries without a year and parts that are not entries', () => {
    const junk = entry('Percent 60,4 69,0', [], null);
    const noYear = entry('Kvam, K. Relasjoner.', ['Kvam'], null);
    expect(readingOfList(section([single, merged, junk, junk, noYear]))).toEqual({
      total: 5,
      entries: 2,
      withoutYear: 1,
      notEntries: 2,
      partly: true,
    });
    expect(
      readingOfList(section([single, merged, noYear, ...Array.from({ length: 20 }, () => single)])),
    ).toEqual({
      total: 23,
      entries: 22,
      withoutYear: 1,
      notEntries: 0,
      partly: false,
    });
  });
});

import { describe, expect, test } from 'vitest';
import * as bibliography from './index.js';
import { assignYearSuffixes, compareTitles, entryNames, entryYear, yearLabel } from './names.js';
import type { BibEntry, CslItem } from './types.js';

const entry = (item: Omit<CslItem, 'id'> & { id?: string }, id = item.id ?? 'x'): BibEntry => ({
  id,
  item: { ...item, id } as CslItem,
  origin: { file: 'test.yaml', line: 1 },
});

describe('entryNames', () => {
  test('family names with particles, literal corporate names, editors when there is no author', () => {
    expect(
      entryNames(
        entry({
          type: 'book',
          author: [
            { family: 'Eide', given: 'Hilde' },
            { family: 'Eide', given: 'Tom' },
          ],
        }),
      ),
    ).toEqual(['Eide', 'Eide']);
    expect(
      entryNames(
        entry({ type: 'book', author: [{ family: 'Gogh', 'non-dropping-particle': 'van' }] }),
      ),
    ).toEqual(['van Gogh']);
    expect(
      entryNames(entry({ type: 'report', author: [{ literal: 'Fellesorganisasjonen (FO)' }] })),
    ).toEqual(['Fellesorganisasjonen (FO)']);
    expect(
      entryNames(entry({ type: 'book', editor: [{ family: 'Ellingsen' }, { family: 'Levin' }] })),
    ).toEqual(['Ellingsen', 'Levin']);
    expect(entryNames(entry({ type: 'book' }))).toEqual([]);
  });
});

describe('entryYear', () => {
  test('the first date part, a year in a literal date, or u.å.', () => {
    expect(entryYear(entry({ type: 'book', issued: { 'date-parts': [[2019, 6, 5]] } }))).toEqual(
      '2019',
    );
    expect(entryYear(entry({ type: 'book', issued: { literal: 'våren 2015' } }))).toEqual('2015');
    expect(entryYear(entry({ type: 'book' }))).toEqual('u.å.');
  });
});

describe('yearLabel', () => {
  test('a year; u.å./n.d. only for an undated work; a literal as written; else the year is missing', () => {
    const label = (issued: CslItem['issued']) =>
      yearLabel({ id: 'x', type: 'book', ...(issued ? { issued } : {}) } as CslItem);
    expect(label({ 'date-parts': [[2019, 6, 5]] })).toEqual({ nb: '2019', en: '2019' });
    expect(label({ literal: 'våren 2015' })).toEqual({ nb: '2015', en: '2015' });
    expect(label({ literal: 'u.å.' })).toEqual({ nb: 'u.å.', en: 'n.d.' });
    expect(label({ literal: 'n.d.' })).toEqual({ nb: 'u.å.', en: 'n.d.' });
    expect(label({ literal: 'i trykk' })).toEqual({ nb: 'i trykk', en: 'i trykk' });
    expect(label(undefined)).toEqual({ nb: 'år mangler', en: 'year missing' });
  });
});

describe('assignYearSuffixes', () => {
  test('same authors and year: a, b by date then title; different co-authors or years take none', () => {
    const entries = [
      entry(
        {
          type: 'entry',
          author: [{ literal: 'SNL' }],
          title: 'sosialarbeider',
          issued: { 'date-parts': [[2018]] },
        },
        'snl-s',
      ),
      entry(
        {
          type: 'entry',
          author: [{ literal: 'SNL' }],
          title: 'bruker',
          issued: { 'date-parts': [[2018]] },
        },
        'snl-b',
      ),
      entry(
        {
          type: 'book',
          author: [{ family: 'Levin' }],
          title: 'B',
          issued: { 'date-parts': [[2015, 1]] },
        },
        'levin-jan',
      ),
      entry(
        {
          type: 'book',
          author: [{ family: 'Levin' }],
          title: 'A',
          issued: { 'date-parts': [[2015, 5]] },
        },
        'levin-may',
      ),
      entry(
        {
          type: 'book',
          author: [{ family: 'Levin' }, { family: 'Ellingsen' }],
          title: 'C',
          issued: { 'date-parts': [[2015]] },
        },
        'levin-ellingsen',
      ),
      entry(
        {
          type: 'book',
          author: [{ family: 'Levin' }],
          title: 'D',
          issued: { 'date-parts': [[2004]] },
        },
        'levin-2004',
      ),
    ];
    expect(Object.fromEntries(assignYearSuffixes(entries))).toEqual({
      'snl-b': 'a',
      'snl-s': 'b',
      'levin-jan': 'a',
      'levin-may': 'b',
    });
  });

  test('works without author take letters only when their titles are the same, as they are cited by title', () => {
    const webpage = (id: string, title: string, month: number) =>
      entry(
        {
          type: 'webpage',
          title,
          'container-title': 'World Health Organization',
          issued: { 'date-parts': [[2025, month]] },
        },
        id,
      );
    expect(
      Object.fromEntries(
        assignYearSuffixes([
          webpage('cancer', 'Cancer', 2),
          webpage('registry', 'Cancer Registry of Norway', 5),
          webpage('obesity-may', 'Obesity', 5),
          webpage('obesity-march', 'Obesity', 3),
        ]),
      ),
    ).toEqual({ 'obesity-march': 'a', 'obesity-may': 'b' });
  });
});

describe('compareTitles', () => {
  test('orders every pair of short titles as the nb collator does', () => {
    // Letters the shortcut decides, and what it must leave to the collator: nb's "aa" (= "å"),
    // æ ø å ä, a combining accent, a middle dot (Catalan "l·"), capitals, digits, punctuation.
    const characters = ['a', 'b', 'l', 'v', 'w', 'z', 'A', 'B', ' ', '-', '0', 'å', 'æ', 'ø', 'ä'];
    const marks = ['\u0301', '·'];
    const short = [''];
    for (const first of characters) {
      short.push(first);
      for (const second of [...characters, ...marks]) short.push(first + second);
    }
    const titles = ['', 'a', 'ab'].flatMap((prefix) => short.map((title) => prefix + title));
    const collator = new Intl.Collator('nb');
    const disagreements: string[][] = [];
    for (const a of titles)
      for (const b of titles)
        if (Math.sign(compareTitles(a, b)) !== Math.sign(collator.compare(a, b)))
          disagreements.push([a, b]);
    expect(disagreements).toEqual([]);
  });
});

test('public API: the exports of the package index', () => {
  expect(Object.keys(bibliography).sort()).toEqual([
    'assignYearSuffixes',
    'authorYearKey',
    'bibliographyExtensions',
    'bibliographyFormatOf',
    'bibliographyRules',
    'checkBibliography',
    'citeprocPlusResolver',
    'compareTypedReferenceList',
    'defaultLocale',
    'defaultLocaleFor',
    'defaultStyle',
    'doiUrl',
    'entryCompleteness',
    'entryNames',
    'entryYear',
    'foldText',
    'formatReferenceList',
    'isCslFile',
    'loadBibliographyBytes',
    'loadBibliographyText',
    'loadReferenceWriters',
    'missingFields',
    'nameForCitation',
    'normalizeDoi',
    'parseVerification',
    'readBibliography',
    'registerCslResource',
    'renderWithCiteproc',
    'resolveLocale',
    'resolveStyle',
    'safeHref',
    'setCslResolver',
    'toCiteprocItem',
    'todoLabels',
    'typedEntryFormProblems',
    'verificationText',
    'yearLabel',
  ]);
});

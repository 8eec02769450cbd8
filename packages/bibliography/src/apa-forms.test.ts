import { describe, expect, test } from 'vitest';
import { capitalizeTitle, isUndated, itemForList } from './apa-forms.js';
import type { CslItem } from './types.js';

describe('capitalizeTitle', () => {
  test.each([
    ['sosialarbeider', 'Sosialarbeider'],
    ['bruker', 'Bruker'],
    ['sosialt arbeid: en grunnbok', 'Sosialt arbeid: En grunnbok'],
    ['«jeg fikk»: opplevelser', '«Jeg fikk»: Opplevelser'],
    ['eHelse i kommunene', 'eHelse i kommunene'],
    ['NAV i en ny tid – for arbeid og aktivitet', 'NAV i en ny tid – for arbeid og aktivitet'],
    ['Metode og oppgaveskriving', 'Metode og oppgaveskriving'],
  ])('%s → %s', (title, capitalized) => {
    expect(capitalizeTitle(title)).toEqual(capitalized);
  });
});

describe('itemForList', () => {
  const apa = { apa: true, locale: 'nb-NO' };
  const item = (fields: Omit<CslItem, 'id'>): CslItem => ({ id: 'x', ...fields }) as CslItem;

  test('drops a genre the number already names (Meld. St., NOU, Prop.), keeps one it does not', () => {
    const genreOf = (genre: string, number: string) =>
      itemForList(item({ type: 'report', genre, number }), apa).genre;
    expect([
      genreOf('Melding til Stortinget', 'Meld. St. 33 (2015–2016)'),
      genreOf('Stortingsmelding', 'St.meld. nr. 9 (2006–2007)'),
      genreOf('Norges offentlige utredninger', 'NOU 2016: 17'),
      genreOf('Proposisjon til Stortinget', 'Prop. 1 S (2019–2020)'),
      genreOf('NAV-rapport', 'Nr. 3/2017'),
      genreOf('Rapport', 'Rapport 2015:3'),
    ]).toEqual([undefined, undefined, undefined, undefined, 'NAV-rapport', undefined]);
  });

  test('an undated work has no date (the style writes u.å. or n.d.); a year nobody knows is not undated', () => {
    expect(isUndated(item({ type: 'book', issued: { literal: 'u.å.' } }))).toBe(true);
    expect(isUndated(item({ type: 'book', issued: { literal: 'n.d.' } }))).toBe(true);
    expect(isUndated(item({ type: 'book' }))).toBe(false);
    expect(itemForList(item({ type: 'book', issued: { literal: 'u.å.' } }), apa)).toEqual({
      id: 'x',
      type: 'book',
    });
  });

  test('only APA styles drop the abbreviation and a publisher that repeats the group author', () => {
    const report = item({
      type: 'report',
      author: [{ literal: 'Fellesorganisasjonen (FO)' }],
      publisher: 'Fellesorganisasjonen',
      title: 'etikk',
    });
    expect(itemForList(report, apa)).toEqual({
      id: 'x',
      type: 'report',
      author: [{ literal: 'Fellesorganisasjonen' }],
      title: 'Etikk',
    });
    expect(itemForList(report, { apa: false, locale: 'nb-NO' })).toEqual(report);
  });
});

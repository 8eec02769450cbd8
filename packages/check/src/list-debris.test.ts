import type { ReferenceListEntry } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { findListDebris, initialsAfter, type ListedEntry, sameTitle } from './list-debris.js';

const listed = (
  line: number,
  raw: string,
  authors: string[],
  year: string,
  title: string,
): ListedEntry => ({
  key: `list-${line}`,
  line,
  entry: {
    raw,
    start: line,
    end: line + raw.length,
    authors,
    year,
    title,
  } satisfies ReferenceListEntry,
});

describe('sameTitle', () => {
  it('takes one title within the other, starting alike, for one; other subtitles for two', () => {
    expect([
      sameTitle(
        'Ledelse på godt og vondt: Fagbokforlaget',
        'Ledelse på godt og vondt: effektivitet og trivsel: Fagbokforlaget',
      ),
      sameTitle(
        'Management of fatigue in adults: Guideline update',
        'Management of fatigue in adults: Clinical insights of the guideline',
      ),
      sameTitle('Stress', 'Stress'),
    ]).toEqual([true, false, false]);
  });
});

describe('initialsAfter', () => {
  it('reads the initials written after a family name', () => {
    const entry = listed(
      1,
      'Van Emmerik, I. H., & Jawahar, I. M. (2005). Lending a helping hand. Journal.',
      ['Van Emmerik', 'Jawahar'],
      '2005',
      'Lending a helping hand',
    ).entry;
    expect([
      initialsAfter(entry, 'Van Emmerik'),
      initialsAfter(entry, 'Jawahar'),
      initialsAfter(entry, 'Berg'),
    ]).toEqual(['IH', 'IM', null]);
  });
});

describe('findListDebris', () => {
  const skogstad = listed(
    10,
    'Skogstad, A., & Einarsen, S. (2015). Ledelse på godt og vondt: effektivitet og trivsel. Fagbokforlaget.',
    ['Skogstad', 'Einarsen'],
    '2015',
    'Ledelse på godt og vondt: effektivitet og trivsel',
  );
  const einarsen = listed(
    20,
    'Ståle Einarsen, A. S. (2015). Ledelse på godt og vondt. Fagbokforlaget.',
    ['Ståle Einarsen'],
    '2015',
    'Ledelse på godt og vondt',
  );
  const emmerik = listed(
    30,
    'Van Emmerik, I. H. (2008). Gender differences in helping. Journal.',
    ['Van Emmerik'],
    '2008',
    'Gender differences in helping',
  );
  const emmrik = listed(
    40,
    'Van Emmrik, I. H. (2011). Mentoring and helping at work. Journal.',
    ['Van Emmrik'],
    '2011',
    'Mentoring and helping at work',
  );
  const nguyen = listed(
    50,
    'Hoa Nguyen, H. T., & Bui, L. K. (2024). Digital exercise for survivors. Journal.',
    ['Hoa Nguyen', 'Bui'],
    '2024',
    'Digital exercise for survivors',
  );
  const garcia = listed(
    60,
    'Garcia Lopez, G. (2019). Ejercicio. Revista.',
    ['Garcia Lopez'],
    '2019',
    'Ejercicio',
  );
  const ministry = listed(
    70,
    'Helse- og omsorgsdepartementet. (2014). Folkehelsemeldingen. Departementet.',
    ['Helse- og omsorgsdepartementet'],
    '2014',
    'Folkehelsemeldingen',
  );
  const ministryShort = listed(
    80,
    'Helse- og omsorgsdepartement. (2015). Primærhelsetjenesten. Departementet.',
    ['Helse- og omsorgsdepartement'],
    '2015',
    'Primærhelsetjenesten',
  );
  const ministryAgain = listed(
    90,
    'Helse- og omsorgsdepartementet. (2016). Opptrappingsplan. Departementet.',
    ['Helse- og omsorgsdepartementet'],
    '2016',
    'Opptrappingsplan',
  );

  it('finds one work entered twice, one author spelled two ways, and a given name in the family name on evidence', () => {
    const debris = findListDebris([
      skogstad,
      einarsen,
      emmerik,
      emmrik,
      nguyen,
      garcia,
      ministry,
      ministryShort,
      ministryAgain,
    ]);
    expect({
      duplicates: debris.duplicates.map((pair) => [
        pair.first.key,
        pair.second.key,
        pair.spellings,
      ]),
      variants: debris.variants.map((variant) => [variant.usual.name, variant.other.name]),
      garbled: debris.garbled.map((item) => [item.entry.key, item.kind, item.detail]),
    }).toEqual({
      duplicates: [['list-10', 'list-20', [['Einarsen', 'Ståle Einarsen']]]],
      variants: [
        ['Van Emmerik', 'Van Emmrik'],
        ['Helse- og omsorgsdepartementet', 'Helse- og omsorgsdepartement'],
      ],
      garbled: [['list-20', 'given-name', 'Einarsen']],
    });
  });

  it('takes no given name without evidence (how the text cites a work is none)', () => {
    expect(findListDebris([nguyen, garcia]).garbled).toEqual([]);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadBibliographyFile } from './test-load-file.js';
import {
  compareTypedReferenceList,
  listVariantChoices,
  type TypedReference,
  typedEntryFormProblems,
} from './typed-list.js';

const { entries } = await loadBibliographyFile(
  fileURLToPath(new URL('fixtures/entry-types.yaml', import.meta.url)),
);

describe('typedEntryFormProblems (norsk-apa-manual)', () => {
  test.each([
    [
      'Nordmann, K., & Hansen, P. O. (2020). Relasjoner i NAV. Tidsskrift for velferdsforskning, 23(2), 86–99.',
      ['a comma before "&" in the author list'],
    ],
    [
      'Nordmann, K. og Hansen, P. O. (2020). Relasjoner i NAV. Tidsskrift for velferdsforskning, 23(2), 86–99.',
      ['"og" between the authors in the reference list'],
    ],
    [
      'Berg, A. & Dahl, L. (Eds.). (2015). Sosialt arbeid: En innføring. Universitetsforlaget.',
      ['editors marked otherwise than "(Red.)"'],
    ],
    [
      'Nordmann, O. (2017). Metode i praksis (6th ed.). Gyldendal Akademisk.',
      ['edition written "(6th ed.)"'],
    ],
    ['Nordmann, O. (2017). Metode i praksis (6. utg.). Gyldendal Akademisk.', []],
    [
      'Nordmann, O. (2017). Metode i praksis (6. ed.). Gyldendal Akademisk.',
      ['edition written "(6. ed.)"'],
    ],
    [
      'Lie, I. (2015). Anerkjennelse. In A. Berg & L. Dahl (Red.), Sosialt arbeid (pp. 95-110). Universitetsforlaget.',
      ['"In" before the editors of a book', 'pages written "pp."', 'a page range with a hyphen'],
    ],
    [
      'Nordmann, K. & Hansen, P. O. (2020). Relasjoner i NAV. Tidsskrift for velferdsforskning, 23(2), 86–99. doi:10.5555/tfv.2020.02',
      ['a DOI written otherwise than https://doi.org/…'],
    ],
    [
      'Nordmann, K. & Hansen, P. O. (2020). Relasjoner i NAV. Tidsskrift for velferdsforskning, 23(2), 86–99. https://doi.org/10.5555/tfv-2020-02',
      [],
    ],
    [
      'Nordmann, O. (2017). Metode i praksis (6. utgave). Gyldendal Akademisk.',
      ['edition written "(6. utgave)"'],
    ],
    [
      'Berg, A. & Dahl, L. (red.). (2015). Sosialt arbeid: En innføring. Universitetsforlaget.',
      ['editors marked otherwise than "(Red.)"'],
    ],
  ])('%s', (raw, expected) => {
    expect(typedEntryFormProblems(raw).map((problem) => problem.message.en)).toEqual(expected);
  });
});

describe('typedEntryFormProblems (apa)', () => {
  test.each([
    [
      'Smith, J., & Jones, K. (2020). Trust in welfare services. Journal of Social Work, 23(2), 86–99.',
      [],
    ],
    [
      'Smith, J. & Jones, K. (2020). Trust in welfare services. Journal of Social Work, 23(2), 86–99.',
      ['no comma before "&" in the author list'],
    ],
    ['Smith, J. (2017). Methods in practice (6th ed.). Sage.', []],
    ['Smith, J. (2017). Methods in practice (6. ed.). Sage.', ['edition written "(6. ed.)"']],
    ['Smith, J. (2017). Methods in practice (2. utg.). Sage.', ['edition written "(2. utg.)"']],
    [
      'Lee, I. (2015). Recognition. In A. Berg & L. Dahl (Eds.), Social work (pp. 95–110). Routledge.',
      [],
    ],
    [
      'Lee, I. (2015). Recognition. I A. Berg & L. Dahl (Red.), Social work (s. 95–110). Routledge.',
      [
        'editors marked otherwise than "(Ed.)" / "(Eds.)"',
        '"I" before the editors of a book',
        'pages written "s."',
      ],
    ],
  ])('%s', (raw, expected) => {
    expect(typedEntryFormProblems(raw, 'apa').map((problem) => problem.message.en)).toEqual(
      expected,
    );
  });
});

describe('listVariantChoices', () => {
  const english = [
    'Smith, J., & Jones, K. (2020). Trust. Journal of Social Work, 23(2), 86–99.',
    'Brown, A., & White, B. (2019). Power. Journal of Social Work, 22(1), 1–9.',
    'Lee, I. (2015). Recognition. In A. Berg & L. Dahl (Eds.), Social work (2nd ed., pp. 95–110). Routledge.',
  ];
  test('a form written one way in two entries, or once in a list all of one style, is chosen', () => {
    expect(Object.fromEntries(listVariantChoices(english))).toEqual({
      'serial-comma': 'apa',
      editors: 'apa',
      edition: 'apa',
      in: 'apa',
      pages: 'apa',
    });
  });
  test('a form written both ways is not; a single one in a mixed list is not either', () => {
    const mixed = [
      ...english,
      'Hansen, P. & Berg, O. (2018). Tillit. Tidsskrift for velferdsforskning, 21(1), 5–15.',
      'Dahl, L. (2016). Makt (3. utg.). Gyldendal.',
    ];
    expect(Object.fromEntries(listVariantChoices(mixed))).toEqual({});
  });
});

describe('compareTypedReferenceList', () => {
  const typed: TypedReference[] = [
    {
      raw: 'Nordmann, K., & Hansen, P. O. (2020). Relasjoner i NAV: En kvalitativ studie. Tidsskrift for velferdsforskning, 23(2), 86–99. https://doi.org/10.5555/tfv.2020.02',
      authors: ['Nordmann', 'Hansen'],
      year: '2020',
      title: 'Relasjoner i NAV: En kvalitativ studie',
      line: 101,
    },
    {
      raw: 'Nordmann, O. (2017). Metode i praksis (6. utg.). Gyldendal Akademisk.',
      authors: ['Nordmann'],
      year: '2017',
      title: 'Metode i praksis',
      line: 103,
    },
    {
      raw: 'Tufte, P. A. (2011). Statistikk. Gyldendal.',
      authors: ['Tufte'],
      year: '2011',
      title: 'Statistikk',
      line: 105,
    },
  ];
  test('form problems, a typed entry that matches no cited work, cited works missing from the list', () => {
    const diagnostics = compareTypedReferenceList(typed, entries, {
      file: 'oppgave.txt',
      listLine: 99,
      cited: new Set(['article', 'book', 'chapter']),
    });
    expect(
      diagnostics.map((diagnostic) => [
        diagnostic.rule,
        diagnostic.line,
        diagnostic.key ?? null,
        diagnostic.message.en,
      ]),
    ).toEqual([
      ['bib-typed-entry-form', 101, null, 'Reference list: a comma before "&" in the author list.'],
      [
        'bib-typed-entry-extra',
        105,
        null,
        'The reference list has Tufte (2011), which matches no cited work.',
      ],
      [
        'bib-typed-entry-missing',
        99,
        'chapter',
        'Lie (2015) is cited but missing from the reference list.',
      ],
    ]);
  });

  test('a work without author, listed under its title as APA does, matches the cited work', () => {
    const webpage = {
      ...entries[0]!,
      id: 'who-cancer',
      item: {
        id: 'who-cancer',
        type: 'webpage',
        title: 'Cancer',
        'container-title': 'World Health Organization',
        URL: 'https://www.who.int/news-room/fact-sheets/detail/cancer',
        issued: { 'date-parts': [[2025, 2, 3]] },
      },
    };
    const listed: TypedReference[] = [
      {
        raw: 'Cancer. (2025, 3. februar). World Health Organization. https://www.who.int/news-room/fact-sheets/detail/cancer',
        authors: ['Cancer'],
        year: '2025',
        title: 'World Health Organization',
        line: 120,
      },
    ];
    const options = { file: 'oppgave.txt', listLine: 99, cited: new Set(['who-cancer']) };
    expect(compareTypedReferenceList(listed, [webpage], options)).toEqual([]);
    // Missing from the list, it is named by its title.
    expect(
      compareTypedReferenceList([], [webpage], options).map((diagnostic) => diagnostic.message.en),
    ).toEqual(['Cancer (2025) is cited but missing from the reference list.']);
  });

  test('a typed name with an ASCII hyphen matches the cited work that has U+2010 in it', () => {
    const hyphened = entries.map((entry) =>
      entry.id === 'book'
        ? { ...entry, item: { ...entry.item, author: [{ family: 'Nord‐Mann', given: 'Ola' }] } }
        : entry,
    );
    const typedHyphen = [
      {
        ...(typed[1] as TypedReference),
        raw: 'Nord-Mann, O. (2017). Metode i praksis (6. utg.). Gyldendal Akademisk.',
        authors: ['Nord-Mann'],
      },
    ];
    expect(
      compareTypedReferenceList(typedHyphen, hyphened, {
        file: 'oppgave.txt',
        listLine: 99,
        cited: new Set(['book']),
      }),
    ).toEqual([]);
  });

  test('an inferred style leaves a form alone that the whole list writes the other APA 7 way; a chosen one does not', () => {
    const english = typed.map((reference) => ({
      ...reference,
      raw: reference.raw.replace('(6. utg.)', '(6th ed.)'),
    }));
    english.push({
      raw: 'Tufte, P. A., & Berg, O. (2011). Statistikk. Gyldendal.',
      authors: ['Tufte', 'Berg'],
      year: '2011',
      title: 'Statistikk',
      line: 105,
    });
    const options = { file: 'oppgave.txt', listLine: 99, cited: new Set(['article', 'book']) };
    const forms = (styleInferred: boolean) =>
      compareTypedReferenceList(english, entries, { ...options, styleInferred })
        .filter((diagnostic) => diagnostic.rule === 'bib-typed-entry-form')
        .map((diagnostic) => [diagnostic.line, diagnostic.message.en]);
    expect(forms(true)).toEqual([]);
    expect(forms(false)).toEqual([
      [101, 'Reference list: a comma before "&" in the author list.'],
      [103, 'Reference list: edition written "(6th ed.)".'],
      [105, 'Reference list: a comma before "&" in the author list.'],
    ]);
  });

  test('a list that matches the cited works and the style is silent', () => {
    const clean = typed
      .slice(0, 2)
      .map((reference) => ({ ...reference, raw: reference.raw.replace('K., &', 'K. &') }));
    expect(
      compareTypedReferenceList(clean, entries, {
        file: 'oppgave.txt',
        listLine: 99,
        cited: new Set(['article', 'book']),
      }),
    ).toEqual([]);
  });
});

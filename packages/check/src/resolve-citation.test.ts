import { describe, expect, it } from 'vitest';
import { editDistance } from '@litsynth/common';
import { foldName } from './names.js';
import { citationResolver, resolveCitation } from './resolve-citation.js';
import type { Reference } from './types.js';

const reference = (
  key: string,
  names: string[],
  year: string | null,
  abbreviations: string[] = [],
): Reference => ({
  key,
  names,
  abbreviations,
  year,
  origin: 'bibliography',
  file: 'references.yaml',
  line: 1,
  included: false,
});

const references = [
  reference('berg2015', ['Berg'], '2015'),
  reference('fossestol2011', ['Andreassen', 'Fossestøl'], '2011'),
  reference('rokenes2012', ['Røkenes', 'Hanssen'], '2012'),
  reference('natland2019', ['Natland', 'Bjerke', 'Torstensen'], '2019'),
  reference('kierkegaard1859', ['Kierkegaard'], '1859'),
  reference('skau2017a', ['Skau'], '2017a'),
  reference('skau2017b', ['Skau'], '2017b'),
  reference('fo2015', ['Fellesorganisasjonen'], '2015', ['FO']),
];

const resolve = (authors: string[], year: string | null, etAl = false) => {
  const { reference: found, match, reasons } = resolveCitation({ authors, etAl, year }, references);
  return { key: found?.key ?? null, match, reasons };
};

describe('resolveCitation', () => {
  it('matches exactly when names and year agree, ignoring case and punctuation', () => {
    expect(resolve(['andreassen', 'Fossestøl'], '2011')).toEqual({
      key: 'fossestol2011',
      match: 'exact',
      reasons: [{ kind: 'exact' }],
    });
  });

  it('takes "Berge et al." for Berg, with the reason', () => {
    expect(resolve(['Berge'], '2015', true)).toEqual({
      key: 'berg2015',
      match: 'fuzzy',
      reasons: [{ kind: 'author-spelling', cited: 'Berge', entry: 'Berg' }],
    });
  });

  it('takes "Berg et al." for the work of four names where Berg is third, over a one-author work by Berg', () => {
    const withBook = [
      ...references,
      reference('ellingsen2015', ['Ellingsen', 'Levin', 'Berg', 'Kleppe'], '2015'),
    ];
    const resolveIn = (authors: string[], etAl: boolean) => {
      const { reference: found, reasons } = resolveCitation(
        { authors, etAl, year: '2015' },
        withBook,
      );
      return { key: found?.key ?? null, reasons };
    };
    expect(resolveIn(['Berg'], true)).toEqual({
      key: 'ellingsen2015',
      reasons: [{ kind: 'author-not-first', cited: 'Berg', entry: 'Berg' }],
    });
    expect(resolveIn(['Berge'], true)).toEqual({
      key: 'ellingsen2015',
      reasons: [{ kind: 'author-not-first', cited: 'Berge', entry: 'Berg' }],
    });
    expect(resolveIn(['Berg'], false)).toEqual({ key: 'berg2015', reasons: [{ kind: 'exact' }] });
  });

  it('folds Norwegian letters: Fossestol and Fossestøle are Fossestøl', () => {
    expect(resolve(['Andreassen', 'Fossestol'], '2011').reasons).toEqual([
      { kind: 'author-spelling', cited: 'Fossestol', entry: 'Fossestøl' },
    ]);
    expect(resolve(['Andreassen', 'Fossestøle'], '2011').key).toBe('fossestol2011');
  });

  it('keeps a wrong co-author as a spelling difference of the same work', () => {
    expect(resolve(['Røkenes', 'Harald'], '2012')).toEqual({
      key: 'rokenes2012',
      match: 'fuzzy',
      reasons: [{ kind: 'author-spelling', cited: 'Harald', entry: 'Hanssen' }],
    });
  });

  it('reports missing and extra co-authors', () => {
    expect(resolve(['Natland', 'Bjerke'], '2019').reasons).toEqual([
      { kind: 'coauthor-missing', entry: 'Torstensen' },
    ]);
    expect(resolve(['Berg', 'Levin'], '2015').reasons).toEqual([
      { kind: 'coauthor-extra', cited: 'Levin' },
    ]);
  });

  it('matches a differing year, a missing suffix and a missing year', () => {
    expect(resolve(['Natland'], '2020', true).reasons).toEqual([
      { kind: 'year-differs', cited: '2020', entry: '2019' },
    ]);
    expect(resolve(['Skau'], '2017').reasons).toEqual([
      { kind: 'year-suffix', cited: '2017', entry: '2017a' },
    ]);
    expect(resolve(['Skau'], '2017b')).toEqual({
      key: 'skau2017b',
      match: 'exact',
      reasons: [{ kind: 'exact' }],
    });
    expect(resolve(['Natland'], null, true).reasons).toEqual([
      { kind: 'year-missing', entry: '2019' },
    ]);
  });

  it('takes "n.d." and "u.å." for the same missing date', () => {
    const undated = [reference('ssb', ['Statistisk sentralbyrå'], 'u.å.')];
    expect(
      ['n.d.', 'u.å.', 'u. å.'].map(
        (year) =>
          resolveCitation({ authors: ['Statistisk sentralbyrå'], etAl: false, year }, undated)
            .match,
      ),
    ).toEqual(['exact', 'exact', 'exact']);
  });

  it('takes a session written with any dash for the same session', () => {
    const budget = [reference('fin', ['Finansdepartementet'], '2015–2016')];
    const match = (year: string) =>
      resolveCitation({ authors: ['Finansdepartementet'], etAl: false, year }, budget).match;
    expect(['2015-2016', '2015–2016', '2015 – 2016', '2015-16', '2014-2015'].map(match)).toEqual([
      'exact',
      'exact',
      'exact',
      'exact',
      'fuzzy',
    ]);
    expect(
      resolveCitation({ authors: ['Finansdepartementet'], etAl: false, year: '1999-00' }, [
        reference('fin', ['Finansdepartementet'], '1999–2000'),
      ]).match,
    ).toBe('exact');
  });

  it('resolves a corporate author by its abbreviation', () => {
    expect(resolve(['FO'], '2015')).toEqual({
      key: 'fo2015',
      match: 'exact',
      reasons: [
        { kind: 'exact' },
        { kind: 'abbreviation', cited: 'FO', entry: 'Fellesorganisasjonen' },
      ],
    });
  });

  it('resolves a work without author by its title, whole or shortened', () => {
    const untitled = (key: string, title: string): Reference => ({
      ...reference(key, [], '2025'),
      title,
    });
    const webpages = [
      untitled('who', 'Cancer'),
      untitled('registry', 'Cancer Registry of Norway'),
      untitled('guide', 'Nasjonal faglig retningslinje for rehabilitering'),
    ];
    const byTitle = (cited: string) => {
      const found = resolveCitation({ authors: [cited], etAl: false, year: '2025' }, webpages);
      return [found.reference?.key ?? null, found.match, found.reasons];
    };
    expect(byTitle('Cancer')).toEqual([
      'who',
      'exact',
      [{ kind: 'exact' }, { kind: 'title', cited: 'Cancer', entry: 'Cancer' }],
    ]);
    expect(byTitle('«Cancer Registry of Norway»')[0]).toBe('registry');
    expect(byTitle('Nasjonal faglig retningslinje')).toEqual([
      'guide',
      'exact',
      [
        { kind: 'exact' },
        {
          kind: 'title',
          cited: 'Nasjonal faglig retningslinje',
          entry: 'Nasjonal faglig retningslinje for rehabilitering',
        },
      ],
    ]);
    // A word that is not where the title starts, part of a word, or one word of a longer title
    // is no title.
    expect(byTitle('Registry')[0]).toBe(null);
    expect(byTitle('Canc')[0]).toBe(null);
    expect(byTitle('Nasjonal')[0]).toBe(null);
  });

  it('leaves a different person unresolved', () => {
    expect(resolve(['Chudasama'], '2017')).toEqual({ key: null, match: 'none', reasons: [] });
    expect(resolve(['Bergmann'], '2015')).toEqual({ key: null, match: 'none', reasons: [] });
  });
});

describe('names', () => {
  it('folds æ ø å ä ö é and the ASCII spellings oe/aa alike', () => {
    expect(
      ['Røkenes', 'Roekenes', 'Rökenes', 'Aasen', 'Åsen', 'Sæther', 'Säther', 'Bérge'].map(
        foldName,
      ),
    ).toEqual(['rokenes', 'rokenes', 'rokenes', 'asen', 'asen', 'saether', 'saether', 'berge']);
  });

  it('takes a ministry cited with a year for the work of that year it published, over its own work of another year', () => {
    const ministry = {
      ...reference('meldst33_2016', ['Arbeids- og sosialdepartementet'], '2016'),
      publisher: 'Arbeids- og sosialdepartementet',
    };
    const report = {
      ...reference('ekspertgruppen2015', ['Ekspertgruppen for gjennomgang av NAV'], '2015'),
      publisher: 'Arbeids- og sosialdepartementet',
    };
    const resolveIn = (year: string | null) => {
      const {
        reference: found,
        match,
        reasons,
      } = resolveCitation({ authors: ['Arbeids- og sosialdepartementet'], etAl: false, year }, [
        ministry,
        report,
      ]);
      return { key: found?.key ?? null, match, reasons };
    };
    expect([resolveIn('2015'), resolveIn('2016'), resolveIn('2014'), resolveIn(null)]).toEqual([
      {
        key: 'ekspertgruppen2015',
        match: 'fuzzy',
        reasons: [
          {
            kind: 'publisher-as-author',
            cited: 'Arbeids- og sosialdepartementet',
            entry: 'Ekspertgruppen for gjennomgang av NAV',
          },
        ],
      },
      { key: 'meldst33_2016', match: 'exact', reasons: [{ kind: 'exact' }] },
      // No work of that year: the ministry's own work, with the year difference.
      {
        key: 'meldst33_2016',
        match: 'fuzzy',
        reasons: [{ kind: 'year-differs', cited: '2014', entry: '2016' }],
      },
      { key: 'meldst33_2016', match: 'fuzzy', reasons: [{ kind: 'year-missing', entry: '2016' }] },
    ]);
  });

  it('measures edit distance with a limit', () => {
    expect([
      editDistance('natland', 'netland'),
      editDistance('kierkegard', 'kirkegard'),
      editDistance('abc', 'xyzuvw', 1),
    ]).toEqual([1, 1, 2]);
  });
});

describe('citationResolver', () => {
  const forms = [
    { authors: ['Skau'], etAl: false, year: '2017' },
    { authors: ['Berge'], etAl: true, year: '2015' },
    { authors: ['Natland'], etAl: true, year: '2019' },
    { authors: ['Nobody'], etAl: false, year: null },
  ];

  it('resolves each form as resolveCitation does, the first time and again', () => {
    const resolve = citationResolver(references);
    for (const round of [1, 2])
      for (const cited of forms)
        expect({ round, ...resolve(cited) }).toEqual({
          round,
          ...resolveCitation(cited, references),
        });
  });

  it('gives each caller its own copy to change', () => {
    const resolve = citationResolver(references);
    const cited = { authors: ['Skau'], etAl: false, year: '2017' };
    const first = resolve(cited);
    first.reasons.unshift({ kind: 'author-from-context', cited: 'Skau' });
    first.alternatives.length = 0;
    first.match = 'none';
    expect(resolve(cited)).toEqual(resolveCitation(cited, references));
  });
});

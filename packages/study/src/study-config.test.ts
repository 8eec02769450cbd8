import { describe, expect, it } from 'vitest';
import { parseStudyConfig } from './study-config.js';

describe('parseStudyConfig', () => {
  it('fills the defaults and resolves paths against the folder of study.yaml', async () => {
    expect(
      await parseStudyConfig(
        'id: demo\ntitle: Demo\nquestion: Hva?\nmanuscript: oppgave.md\n',
        '/studies/demo/study.yaml',
      ),
    ).toEqual({
      id: 'demo',
      title: { nb: 'Demo', en: 'Demo' },
      question: { nb: 'Hva?', en: 'Hva?' },
      language: 'nb',
      style: 'norsk-apa-manual',
      locale: 'nb-NO',
      manuscript: '/studies/demo/oppgave.md',
      bibliography: [],
      sourcesDir: '/studies/demo/sources',
      included: [],
      chapters: {},
      inclusion: [],
      exclusion: [],
      search: [],
      rules: {},
      csvSeparator: ';',
    });
  });

  it('reads every field of a full study', async () => {
    const text = [
      'id: full',
      'title: { nb: Tittel, en: Title }',
      'question: { nb: Spørsmål, en: Question }',
      'language: en',
      'style: apa',
      'manuscript: thesis.docx',
      'bibliography: [refs.bib, ../shared.yaml]',
      'sourcesDir: ../../sources',
      'included: [a2020, b2021]',
      'concepts: concepts.yaml',
      'coding: coding.yaml',
      "chapters: { results: '3.0', discussion: 5 }",
      'inclusion: [{ nb: Fagfellevurdert, en: Peer reviewed }]',
      'search:',
      '  - database: Oria',
      '    date: 2024-03-01',
      '    terms: [Nav, tillit]',
      '    hits: 120',
      '    included: 2',
      'rules: { locator-form: off, year-mismatch: warn }',
    ].join('\n');
    expect(await parseStudyConfig(text, '/s/full/study.yaml')).toEqual({
      id: 'full',
      title: { nb: 'Tittel', en: 'Title' },
      question: { nb: 'Spørsmål', en: 'Question' },
      language: 'en',
      style: 'apa',
      locale: 'en-US',
      manuscript: '/s/full/thesis.docx',
      bibliography: ['/s/full/refs.bib', '/s/shared.yaml'],
      sourcesDir: '/sources',
      included: ['a2020', 'b2021'],
      concepts: '/s/full/concepts.yaml',
      coding: '/s/full/coding.yaml',
      chapters: { results: '3.0', discussion: '5' },
      inclusion: [{ nb: 'Fagfellevurdert', en: 'Peer reviewed' }],
      exclusion: [],
      search: [
        { database: 'Oria', date: '2024-03-01', terms: ['Nav', 'tillit'], hits: 120, included: 2 },
      ],
      rules: { 'locator-form': 'off', 'year-mismatch': 'warn' },
      csvSeparator: ',',
    });
  });

  it('reads a study written in Norwegian: Norwegian field names and setting values, texts in one language', async () => {
    const text = [
      'id: norsk',
      'tittel: { nb: Tillit i Nav }',
      'problemstilling: Hvordan bygges tillit?',
      'språk: nb',
      'manuskript: oppgave.docx',
      'bibliografi: [kilder/referanser.yaml]',
      'kildemappe: kilder',
      'inkludert: [berg2021]',
      'begreper: begreper.yaml',
      'koding: koding.yaml',
      "kapitler: { resultater: '3.0', teori: '4.0', drøfting: '5.0' }",
      'inklusjon: [Fagfellevurderte artikler]',
      'søk:',
      '  - database: Oria',
      '    dato: 2024-03-01',
      '    søkeord: [Nav, tillit]',
      '    kombinasjon: { nb: Nav AND tillit }',
      '    treff: 120',
      '    titlerLest: 120',
      '    sammendragLest: 30',
      '    fulltekstLest: 8',
      '    inkludert: 2',
      'regler: { locator-form: av, year-mismatch: advarsel, et-al-usage: feil }',
      "csvSkilletegn: ','",
    ].join('\n');
    expect(await parseStudyConfig(text, '/s/norsk/study.yaml')).toEqual({
      id: 'norsk',
      title: { nb: 'Tillit i Nav', en: 'Tillit i Nav (nb)' },
      question: { nb: 'Hvordan bygges tillit?', en: 'Hvordan bygges tillit?' },
      language: 'nb',
      style: 'norsk-apa-manual',
      locale: 'nb-NO',
      manuscript: '/s/norsk/oppgave.docx',
      bibliography: ['/s/norsk/kilder/referanser.yaml'],
      sourcesDir: '/s/norsk/kilder',
      included: ['berg2021'],
      concepts: '/s/norsk/begreper.yaml',
      coding: '/s/norsk/koding.yaml',
      chapters: { results: '3.0', theory: '4.0', discussion: '5.0' },
      inclusion: [{ nb: 'Fagfellevurderte artikler', en: 'Fagfellevurderte artikler' }],
      exclusion: [],
      search: [
        {
          database: 'Oria',
          date: '2024-03-01',
          terms: ['Nav', 'tillit'],
          combination: { nb: 'Nav AND tillit', en: 'Nav AND tillit (nb)' },
          hits: 120,
          titlesRead: 120,
          abstractsRead: 30,
          fullTextsRead: 8,
          included: 2,
        },
      ],
      rules: { 'locator-form': 'off', 'year-mismatch': 'warn', 'et-al-usage': 'error' },
      csvSeparator: ',',
    });
  });

  it('refuses a field written under both its names, a text in no language and a separator other than ; or ,', async () => {
    const text =
      'id: x\ntitle: X\ntittel: Y\nquestion: { de: Was? }\nmanuscript: m.txt\ncsvSeparator: tab\n';
    await expect(parseStudyConfig(text, 'study.yaml')).rejects.toThrow(
      [
        'study.yaml has 3 problem(s):',
        '  study.yaml:3:1: "tittel" and "title" are the same field; write only one of them',
        '  study.yaml:4:11: "question" must be text, or text per language ({ nb: … }, { en: … } or both; one language is enough)',
        '  study.yaml:6:15: "csvSeparator" must be ";" or "," (in quotes)',
      ].join('\n'),
    );
  });

  it('reports a search without database and a count that is not a whole number, with their places', async () => {
    const text =
      'id: x\ntitle: X\nquestion: Q\nmanuscript: m.txt\nsearch:\n  - terms: [a]\n  - database: Idunn\n    hits: mange\n';
    await expect(parseStudyConfig(text, 'study.yaml')).rejects.toThrow(
      'study.yaml has 2 problem(s):\n  study.yaml:6:5: a search must have "database" (text)\n  study.yaml:8:11: "hits" must be a whole number',
    );
  });

  it('refuses a study.yaml that is not a mapping', async () => {
    await expect(parseStudyConfig('- a\n- b\n', 'study.yaml')).rejects.toThrow(
      'study.yaml must be a mapping of fields (id, title, manuscript, …).',
    );
  });

  it('refuses a YAML alias bomb, naming study.yaml', async () => {
    const levels = ['x0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++)
      levels.push(
        `x${level}: &a${level} [${Array(9)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      );
    const text = `id: demo\ntitle: Demo\nquestion: Hva?\nmanuscript: oppgave.md\n${levels.join('\n')}\n`;
    await expect(parseStudyConfig(text, '/studies/demo/study.yaml')).rejects.toThrow(
      expect.objectContaining({
        code: 'invalid-config',
        file: '/studies/demo/study.yaml',
        message:
          'study.yaml uses YAML aliases (*name) that expand to too much data (a "billion laughs"?).',
      }),
    );
  });
});

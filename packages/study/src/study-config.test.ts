import { describe, expect, it } from 'vitest';
import { parseStudyConfig } from './study-config.js';

describe('parseStudyConfig', () => {
  it('fills the defaults and resolves paths against the folder of study.yaml', () => {
    expect(parseStudyConfig('id: demo\ntitle: Demo\nquestion: Hva?\nmanuscript: oppgave.md\n', '/studies/demo/study.yaml')).toEqual({
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
    });
  });

  it('reads every field of a full study', () => {
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
    expect(parseStudyConfig(text, '/s/full/study.yaml')).toEqual({
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
      search: [{ database: 'Oria', date: '2024-03-01', terms: ['Nav', 'tillit'], hits: 120, included: 2 }],
      rules: { 'locator-form': 'off', 'year-mismatch': 'warn' },
    });
  });

  it('reports a search without database and a count that is not a whole number, with their places', () => {
    const text = 'id: x\ntitle: X\nquestion: Q\nmanuscript: m.txt\nsearch:\n  - terms: [a]\n  - database: Idunn\n    hits: mange\n';
    expect(() => parseStudyConfig(text, 'study.yaml')).toThrow(
      'study.yaml has 2 problem(s):\n  study.yaml:6:5: a search must have "database" (text)\n  study.yaml:8:11: "hits" must be a whole number',
    );
  });

  it('refuses a study.yaml that is not a mapping', () => {
    expect(() => parseStudyConfig('- a\n- b\n', 'study.yaml')).toThrow('study.yaml must be a mapping of fields (id, title, manuscript, …).');
  });
});

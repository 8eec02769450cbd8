import type { Diagnostic, RuleDefinition, RuleId } from '@litsynth/common';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type DocumentPassage,
  excerpt,
  renderPretty,
  renderSummary,
} from './pretty-diagnostics.js';

const diagnostic = (
  rule: RuleId,
  severity: Diagnostic['severity'],
  line: number,
  column: number,
  raw: string,
  section?: string,
): Diagnostic => ({
  rule,
  severity,
  message: { nb: `${rule}: «${raw}»`, en: `${rule}: "${raw}"` },
  file: 'thesis.txt',
  line,
  column,
  raw,
  suggestion: { nb: 'Rett det.', en: 'Fix it.' },
  ...(section === undefined ? {} : { section }),
});

const lines = new Map([
  [
    'thesis.txt',
    [
      'Innledning',
      'Tekst (Netland, 2020) her.',
      'Mer (Dalland, 2017, s.52) og (Skau, 2013, s.31).',
      'Slutt (Berg, 2015, s 3) (Eide, 2016, s.4).',
    ],
  ],
]);
const rules = new Map<string, RuleDefinition>([
  [
    'locator-form',
    {
      id: 'locator-form',
      name: { nb: 'Sidetall skrevet feil', en: 'Page written wrongly' },
      scope: 'check',
      severity: 'info',
      description: { nb: 'Sidetallet er ikke skrevet «s. 12».', en: 'Not "p. 12".' },
      example: '',
      docs: 'check-rules',
    },
  ],
]);

describe('renderPretty', () => {
  it('leads with errors, marks the citation on its line, and folds a repeated form problem', () => {
    const diagnostics = [
      diagnostic('author-misspelled', 'error', 2, 8, 'Netland, 2020', '1 Innledning'),
      diagnostic('locator-form', 'info', 3, 20, 's.52', '1 Innledning'),
      diagnostic('locator-form', 'info', 3, 41, 's.31', '1 Innledning'),
      diagnostic('locator-form', 'info', 4, 20, 's 3', '2 Metode'),
      diagnostic('locator-form', 'info', 4, 37, 's.4', '2 Metode'),
    ];
    expect(renderPretty(diagnostics, { lang: 'nb', lines, rules, color: false })).toBe(
      [
        'Feil (1)',
        '',
        'thesis.txt',
        '  1 Innledning',
        '    2:8  author-misspelled: «Netland, 2020»  author-misspelled',
        '      2 │ Tekst (Netland, 2020) her.',
        '        │        ^^^^^^^^^^^^^',
        '      → Rett det.',
        '',
        'Merknader om form (4)',
        '',
        'Sidetall skrevet feil (locator-form) ×4 ganger: Sidetallet er ikke skrevet «s. 12».',
        '    thesis.txt, linje 3, 3, 4, 4',
        '    for eksempel:',
        '      3: s.52 — locator-form: «s.52» → Rett det.',
        '      4: s 3 — locator-form: «s 3» → Rett det.',
        '',
      ].join('\n'),
    );
  });

  it('shows the places of one finding once, at the first, with the others listed', () => {
    const bray = (line: number, column: number): Diagnostic => ({
      ...diagnostic('unresolved-citation', 'error', line, column, 'Netland, 2020', '1 Innledning'),
      group: 'unresolved-citation:netland|2020',
    });
    const diagnostics = [
      bray(2, 8),
      diagnostic('author-misspelled', 'error', 3, 6, 'Dalland, 2017, s.52', '1 Innledning'),
      bray(4, 8),
      { ...bray(4, 25), page: 3 },
    ];
    expect(renderPretty(diagnostics, { lang: 'en', lines, rules, color: false })).toBe(
      [
        'Errors (2 findings, 4 places)',
        '',
        'thesis.txt',
        '  1 Innledning',
        '    2:8  unresolved-citation: "Netland, 2020"  unresolved-citation',
        '      2 │ Tekst (Netland, 2020) her.',
        '        │        ^^^^^^^^^^^^^',
        '      → Fix it.',
        '      also (2): 4:8, 4:25 (p. 3)',
        '    3:6  author-misspelled: "Dalland, 2017, s.52"  author-misspelled',
        '      3 │ Mer (Dalland, 2017, s.52) og (Skau, 2013, s.31).',
        '        │      ^^^^^^^^^^^^^^^^^^^',
        '      → Fix it.',
        '',
      ].join('\n'),
    );
  });

  it('shows fewer than four occurrences one by one', () => {
    const diagnostics = [diagnostic('locator-form', 'info', 3, 20, 's.52', '1 Innledning')];
    expect(renderPretty(diagnostics, { lang: 'en', lines, rules, color: false })).toBe(
      [
        'Notes on form (1)',
        '',
        'thesis.txt',
        '  1 Innledning',
        '    3:20  locator-form: "s.52"  locator-form',
        '      3 │ Mer (Dalland, 2017, s.52) og (Skau, 2013, s.31).',
        '        │                    ^^^^',
        '      → Fix it.',
        '',
      ].join('\n'),
    );
  });
});

describe('renderPretty of a .docx or .pdf', () => {
  // Passages as ingest's passageAtPlace gives them, by place (line:column) of the diagnostic.
  const passages = new Map<string, DocumentPassage['passage']>([
    [
      '34:30',
      {
        text: 'Relasjonen er viktig for brukeren (Netland, 2020).',
        mark: { start: 35, end: 48 },
        place: { line: 34, column: 30, page: 12, heading: '2.1 Metode' },
      },
    ],
    [
      '40:5',
      {
        text: 'Se også Netland (2020).',
        mark: { start: 8, end: 22 },
        place: { line: 40, column: 5, page: 13, heading: '2.1 Metode' },
      },
    ],
    [
      '50:1',
      {
        text: 'Netland, A. (2020). Tittel. Forlag.',
        mark: { start: 0, end: 35 },
        place: { line: 50, column: 1, page: 20, heading: 'Litteratur' },
      },
    ],
  ]);
  const ofFormat =
    (format: DocumentPassage['format']) =>
    (found: Diagnostic): DocumentPassage | undefined => {
      const passage = passages.get(`${found.line}:${found.column}`);
      return passage && { format, passage };
    };
  const diagnostics = (file: string): Diagnostic[] => [
    {
      ...diagnostic('author-misspelled', 'error', 34, 30, 'Netland, 2020', '2.1 Metode'),
      file,
      group: 'netland',
    },
    {
      ...diagnostic('author-misspelled', 'error', 40, 5, 'Netland (2020)', '2.1 Metode'),
      file,
      group: 'netland',
    },
    { ...diagnostic('bib-typed-entry-extra', 'warning', 50, 1, 'Netland', 'Litteratur'), file },
  ];

  it('quotes the sentence with the citation marked, placed by paragraph and heading in a .docx', () => {
    const options = { lines: new Map(), rules, color: false, passage: ofFormat('docx') };
    expect(renderPretty(diagnostics('oppgave.docx'), { ...options, lang: 'nb' })).toBe(
      [
        'Feil (1 funn, 2 steder)',
        '',
        'oppgave.docx',
        '  2.1 Metode',
        '    avsnitt 34 (s. 12) under «2.1 Metode»  author-misspelled: «Netland, 2020»  author-misspelled',
        '      │ Relasjonen er viktig for brukeren (Netland, 2020).',
        '      │                                    ^^^^^^^^^^^^^',
        '      → Rett det.',
        '      også (1): avsnitt 40',
        '',
        'Advarsler (1)',
        '',
        'oppgave.docx',
        '  Litteratur',
        '    avsnitt 50 (s. 20) under «Litteratur»  bib-typed-entry-extra: «Netland»  bib-typed-entry-extra',
        '      │ Netland, A. (2020). Tittel. Forlag.',
        '      → Rett det.',
        '',
      ].join('\n'),
    );
    expect(
      renderPretty(diagnostics('thesis.docx'), { ...options, lang: 'en' }).split('\n')[4],
    ).toBe(
      '    paragraph 34 (p. 12) under "2.1 Metode"  author-misspelled: "Netland, 2020"  author-misspelled',
    );
  });

  it('places a finding in a PDF by its page, also in the list of places of a repeated problem', () => {
    const options = { lines: new Map(), rules, color: false, passage: ofFormat('pdf') };
    const lines = renderPretty(diagnostics('oppgave.pdf'), { ...options, lang: 'en' }).split('\n');
    expect(lines.slice(4, 9)).toEqual([
      '    p. 12  author-misspelled: "Netland, 2020"  author-misspelled',
      '      │ Relasjonen er viktig for brukeren (Netland, 2020).',
      '      │                                    ^^^^^^^^^^^^^',
      '      → Fix it.',
      '      also (1): p. 13',
    ]);
    const places: Array<[number, number, string]> = [
      [34, 30, 's.52'],
      [40, 5, 's.31'],
      [50, 1, 's 3'],
      [99, 1, 's.4'],
    ];
    const repeated = places.map(([line, column, raw]) => ({
      ...diagnostic('locator-form', 'info', line, column, raw),
      file: 'oppgave.pdf',
      page: 30,
    }));
    expect(
      renderPretty(repeated, { ...options, lang: 'nb' })
        .split('\n')
        .slice(2, 7),
    ).toEqual([
      'Sidetall skrevet feil (locator-form) ×4 ganger: Sidetallet er ikke skrevet «s. 12».',
      // The last one has no passage (its place is not in the text): its own page is listed.
      '    oppgave.pdf, side 12, 13, 20, 30',
      '    for eksempel:',
      '      s. 12: s.52 — locator-form: «s.52» → Rett det.',
      '      s. 20: s 3 — locator-form: «s 3» → Rett det.',
    ]);
  });
});

describe('renderSummary', () => {
  it('counts citations and diagnostics in both languages', () => {
    const summary = {
      citations: 10,
      exact: 7,
      fuzzy: 2,
      unresolved: 1,
      errors: 3,
      warnings: 2,
      infos: 5,
    };
    expect([renderSummary(summary, 'nb'), renderSummary(summary, 'en')]).toEqual([
      'Oppsummering: 10 henvisninger (7 eksakt, 2 omtrentlig, 1 uløst); 3 feil, 2 advarsler, 5 merknader om form.',
      'Summary: 10 citations (7 exact, 2 fuzzy, 1 unresolved); 3 errors, 2 warnings, 5 notes on form.',
    ]);
  });
});

describe('excerpt', () => {
  it('shows a short line whole, without trailing blanks, and a long one as a window around the column', () => {
    const long = `${'a'.repeat(200)} (Berg, 2020) ${'b'.repeat(200)}`;
    expect([excerpt('Tekst (Berg, 2020).  \t ', 6), excerpt(long, 201)]).toEqual([
      { text: 'Tekst (Berg, 2020).', offset: 6 },
      { text: `…${'a'.repeat(29)} (Berg, 2020) ${'b'.repeat(77)}…`, offset: 31 },
    ]);
  });

  it('quotes a 3,000-citation thesis on one line 3,000 times without building gigabytes', () => {
    const line = Array.from(
      { length: 3000 },
      (_, index) => `Påstand ${index} (Ukjentsen, ${1900 + (index % 120)}).`,
    ).join(' ');
    const diagnostics = Array.from({ length: 3000 }, (_, index) =>
      diagnostic(
        'unresolved-citation',
        'error',
        1,
        line.indexOf(`(Ukjentsen, ${1900 + (index % 120)})`) + 1,
        'Ukjentsen',
      ),
    );
    const output = renderPretty(diagnostics, {
      lang: 'en',
      lines: new Map([['thesis.txt', [line]]]),
      rules,
      color: false,
    });
    expect(output.split('\n').every((row) => row.length < 200)).toBe(true);
  });

  it('drops trailing blanks as /\\s+$/ would, also after a run of 200,000 blanks inside the line', () => {
    const blanks = ' \t'.repeat(100_000);
    expect(excerpt(`Tillit (Berg, 2020).${blanks}x${blanks}`, 0)).toEqual({
      text: `Tillit (Berg, 2020).${' \t'.repeat(50)}…`,
      offset: 0,
    });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(' ', '\t', '\u00a0', 'a', '(', ')'), { maxLength: 400 }),
        fc.nat(400),
        (characters, column) => {
          const line = characters.join('');
          const trimmed = line.replace(/\s+$/, '');
          const { text, offset } = excerpt(line, column);
          expect(text.replace(/^…|…$/g, '')).toBe(
            trimmed.length <= 120 ? trimmed : text.replace(/^…|…$/g, ''),
          );
          expect(trimmed.includes(text.replace(/^…|…$/g, ''))).toBe(true);
          expect(offset).toBeLessThanOrEqual(text.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

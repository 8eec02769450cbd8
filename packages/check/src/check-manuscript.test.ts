import { readFileSync } from 'node:fs';
import { loadBibliographyText } from '@litsynth/bibliography';
import { compareDiagnostics } from '@litsynth/common';
import { markdownToManuscript, textToManuscript } from '@litsynth/ingest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkManuscript } from './check-manuscript.js';
import { checkRules } from './rules.js';

interface Case {
  rule: string;
  name: string;
  text: string;
  bibliography?: string;
  expect: Array<{
    line: number;
    column: number;
    raw?: string;
    key?: string;
    severity?: string;
    group?: string;
  }>;
}

const table = parse(readFileSync(new URL('./rule-cases.yaml', import.meta.url), 'utf8')) as {
  bibliography: string;
  cases: Case[];
};

async function check(text: string, bibliography: string, settings = {}) {
  const manuscript = textToManuscript(text, { path: 'thesis.txt' });
  const { entries } = await loadBibliographyText(bibliography, 'references.yaml', '.yaml');
  return checkManuscript({ manuscript, entries, settings });
}

describe('rule case table', () => {
  for (const item of table.cases) {
    it(`${item.rule}: ${item.name}`, async () => {
      const result = await check(item.text, item.bibliography ?? table.bibliography);
      const found = result.diagnostics
        .filter((diagnostic) => diagnostic.rule === item.rule)
        .map((diagnostic) => ({
          line: diagnostic.line,
          column: diagnostic.column,
          ...(item.expect.some((expected) => expected.raw !== undefined) &&
          diagnostic.raw !== undefined
            ? { raw: diagnostic.raw }
            : {}),
          ...(item.expect.some((expected) => expected.key !== undefined) &&
          diagnostic.key !== undefined
            ? { key: diagnostic.key }
            : {}),
          ...(item.expect.some((expected) => expected.severity !== undefined)
            ? { severity: diagnostic.severity }
            : {}),
          ...(item.expect.some((expected) => expected.group !== undefined) &&
          diagnostic.group !== undefined
            ? { group: diagnostic.group }
            : {}),
        }));
      expect(found).toEqual(item.expect);
    });
  }

  it('has a case that fires and a case that stays silent for every rule', () => {
    for (const rule of checkRules) {
      const cases = table.cases.filter((item) => item.rule === rule.id);
      expect({
        rule: rule.id,
        fires: cases.some((item) => item.expect.length > 0),
        silent: cases.some((item) => item.expect.length === 0),
      }).toEqual({
        rule: rule.id,
        fires: true,
        silent: true,
      });
    }
  });
});

describe('checkManuscript', () => {
  it('keeps the reason of every match', async () => {
    const result = await check(
      'Relasjonen (Netland et al., 2020). Metode (Dalland, 2017, s. 51).\n',
      table.bibliography,
    );
    expect(
      result.citations.map(({ raw, key, match, reasons }) => ({ raw, key, match, reasons })),
    ).toEqual([
      {
        raw: 'Netland et al., 2020',
        key: 'natland2019',
        match: 'fuzzy',
        reasons: [
          { kind: 'author-spelling', cited: 'Netland', entry: 'Natland' },
          { kind: 'year-differs', cited: '2020', entry: '2019' },
        ],
      },
      {
        raw: 'Dalland, 2017, s. 51',
        key: 'dalland2017',
        match: 'exact',
        reasons: [{ kind: 'exact' }],
      },
    ]);
  });

  it('applies the study rule settings: off drops a rule, warn and error change its severity', async () => {
    const text = 'Data (Dalland, 2017, s.52). Relasjonen (Natland et al., 2020).\n';
    const result = await check(text, table.bibliography, {
      'locator-form': 'off',
      'year-mismatch': 'warn',
      'no-reference-list': 'info',
      'uncited-entry': 'off',
    });
    expect(result.diagnostics.map(({ rule, severity }) => ({ rule, severity }))).toEqual([
      { rule: 'year-mismatch', severity: 'warning' },
      { rule: 'no-reference-list', severity: 'info' },
    ]);
  });

  it('counts citations and diagnostics in the summary', async () => {
    const result = await check(
      'Relasjonen (Netland et al., 2019). Metode (Dalland, 2017, s. 51). Makt (Chudasama, 2017).\n',
      table.bibliography,
      {
        'uncited-entry': 'off',
      },
    );
    expect(result.summary).toEqual({
      citations: 3,
      resolved: 2,
      exact: 1,
      fuzzy: 1,
      unresolved: 1,
      errors: 3,
      warnings: 0,
      infos: 0,
      rules: { 'no-reference-list': 1, 'unresolved-citation': 1, 'author-misspelled': 1 },
    });
  });
});

describe('checkManuscript on arbitrary text', () => {
  // Pieces of real citation text, glued at random: the check must never throw, and every
  // diagnostic must point at a real place of the manuscript, in stable order.
  const pieces = [
    '(Natland et al., 2020)',
    'Netland (2019, s.12)',
    '(2013, s. 31-33)',
    '«Et sitat med mange ord i seg»',
    ' og ',
    ' & ',
    '(SNL, 2018)',
    '\n\n',
    'Litteraturliste\n\n',
    'Dalland, O. (2017). Metode.\n',
    '(Søren Kirkegaard gjengitt i Melberg, 2017)',
    ', ',
    'tekst',
    '(',
    ')',
    'æøå',
  ];
  it('never throws and places every diagnostic inside the text', async () => {
    const { entries } = await loadBibliographyText(table.bibliography, 'references.yaml', '.yaml');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const manuscript = textToManuscript(text, { path: 'thesis.txt' });
        const result = checkManuscript({ manuscript, entries });
        const lineCount = text.split('\n').length;
        for (const diagnostic of result.diagnostics) {
          if (diagnostic.file !== 'thesis.txt') continue;
          expect(
            diagnostic.line >= 1 && diagnostic.line <= lineCount && diagnostic.column >= 1,
          ).toBe(true);
        }
        expect(result.diagnostics).toEqual([...result.diagnostics].sort(compareDiagnostics));
      }),
      { numRuns: 200 },
    );
  });
});

describe('et al. for a one-author work', () => {
  it('resolves to the work of three or more names where the cited name is not first, and says so', async () => {
    const bibliography = `${table.bibliography}
- id: berg2015
  type: chapter
  author: [{family: Berg}]
  title: Brukere
  issued: {date-parts: [[2015]]}
- id: ellingsen2015
  type: book
  editor: [{family: Ellingsen}, {family: Levin}, {family: Berg}, {family: Kleppe}]
  title: Sosialt arbeid
  issued: {date-parts: [[2015]]}
`;
    const result = await check(
      'Hjelp til selvhjelp (Berg et al., 2015). Berg (2015) skriver om brukere.\n',
      bibliography,
    );
    expect(result.citations.map((citation) => [citation.raw, citation.key])).toEqual([
      ['Berg et al., 2015', 'ellingsen2015'],
      ['Berg (2015)', 'berg2015'],
    ]);
    const own = result.diagnostics.filter(
      (diagnostic) => diagnostic.key === 'ellingsen2015' || diagnostic.key === 'berg2015',
    );
    expect(
      own.map((diagnostic) => [diagnostic.rule, diagnostic.message, diagnostic.suggestion]),
    ).toEqual([
      [
        'author-misspelled',
        {
          nb: '«Berg» er med i Ellingsen et al. (2015), men ikke først; verket står i litteraturlisten under Ellingsen.',
          en: '"Berg" is named in Ellingsen et al. (2015), but not first; the reference list has the work under Ellingsen.',
        },
        { nb: 'Skriv Ellingsen et al. (2015).', en: 'Write Ellingsen et al. (2015).' },
      ],
    ]);
  });
});

describe('block quotations', () => {
  const words =
    'Tillit er ikke noe en får, men noe en gjør seg fortjent til, dag for dag, i små handlinger som viser at en mener det en sier, at en holder det en lover, og at en ser mennesket foran seg og ikke bare saken hun kommer med.';
  const check = async (citation: string) => {
    const manuscript = await markdownToManuscript(
      `# Teori\n\nSkau skriver:\n\n> ${words}\n> ${citation}\n`,
      { path: 'thesis.md' },
    );
    const { entries } = await loadBibliographyText(table.bibliography, 'references.yaml', '.yaml');
    return checkManuscript({ manuscript, entries })
      .diagnostics.filter((diagnostic) => diagnostic.rule === 'quotation-without-page')
      .map(({ line, raw }) => ({ line, raw }));
  };

  it('wants a page in the citation of a block quotation of 40 words or more', async () => {
    expect(await check('(Skau, 2013)')).toEqual([{ line: 5, raw: 'Skau, 2013' }]);
    expect(await check('(Skau, 2013, s. 44)')).toEqual([]);
  });
});

describe('headings, drafts without a list, and reference-manager debris', () => {
  it('takes no citation from a heading', async () => {
    const manuscript = await markdownToManuscript(
      '# Innledning\n\n## Global Consensus on Physical Activity (2022)\n\nAktivitet hjelper (Dalland, 2017).\n',
      { path: 'thesis.md' },
    );
    const { entries } = await loadBibliographyText(table.bibliography, 'references.yaml', '.yaml');
    expect(
      checkManuscript({ manuscript, entries }).citations.map((citation) => citation.raw),
    ).toEqual(['Dalland, 2017']);
  });

  it('tells a draft with no list and no bibliography so once, with the works it cites', () => {
    const manuscript = textToManuscript(
      'Kreft er vanlig (Bray et al., 2024). Det øker (Bray et al., 2024; Siegel, 2023).\n',
      { path: 'draft.txt' },
    );
    const result = checkManuscript({ manuscript, entries: [] });
    expect(
      result.diagnostics.map(({ rule, severity, message }) => ({
        rule,
        severity,
        message: message.en,
      })),
    ).toEqual([
      {
        rule: 'no-reference-list',
        severity: 'error',
        message:
          'The manuscript has no reference list, and no bibliography was given, so the citations cannot be checked against their sources. It cites 2 works: Bray et al. (2024), Siegel (2023).',
      },
    ]);
  });

  it('says a citation copies an entry the reference manager holds garbled, and names the work meant', () => {
    const text = [
      'Ledelse betyr mye (Ståle Einarsen, 2015), og aktivitet hjelper (WHOc, 2020).',
      '',
      'Litteraturliste',
      '',
      'Skogstad, A., & Einarsen, S. (2015). Ledelse på godt og vondt: Effektivitet og trivsel. Fagbokforlaget.',
      '',
      'Ståle Einarsen, A. S. (2015). Ledelse på godt og vondt. Fagbokforlaget.',
      '',
      'WHOc. (2020). Guidelines on physical activity. World Health Organization.',
      '',
    ].join('\n');
    const result = checkManuscript({
      manuscript: textToManuscript(text, { path: 'thesis.txt' }),
      entries: [],
    });
    expect(
      result.diagnostics
        .filter((diagnostic) => diagnostic.rule === 'citation-given-name')
        .map(({ message, key }) => ({ message: message.en, key })),
    ).toEqual([
      {
        key: 'list-5',
        message:
          '"Ståle Einarsen" carries the given name because the reference manager (EndNote, Zotero, Mendeley) has it in the family-name field of the entry. The work is Skogstad og Einarsen (2015) (line 5).',
      },
      {
        key: 'list-9',
        message:
          '"WHOc" has the year\'s letter "c" glued to the name, from the entry in the reference manager (EndNote, Zotero, Mendeley). The work is WHO (2020c) (line 9).',
      },
    ]);
  });

  it('says a given name in a citation comes from the reference manager and names the entry', async () => {
    const result = await check(
      'Sosialt arbeid er relasjonelt (Kari Kristiansen, 2022).\n',
      table.bibliography,
      { 'no-reference-list': 'off', 'uncited-entry': 'off' },
    );
    expect(
      result.diagnostics.map(({ rule, message, suggestion, key }) => ({
        rule,
        message: message.en,
        suggestion: suggestion?.en,
        key,
      })),
    ).toEqual([
      {
        rule: 'citation-given-name',
        key: 'kristiansen2022',
        message:
          '"Kari Kristiansen" carries the given name; the reference manager (EndNote, Zotero, Mendeley) puts it into the citation. The work is Kristiansen (2022); APA cites by family name.',
        suggestion:
          'Cite it as Kristiansen (2022), and correct the author fields in the reference manager (family and given name in their own fields).',
      },
    ]);
  });
});

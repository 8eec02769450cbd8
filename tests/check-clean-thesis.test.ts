import { describe, expect, it } from 'vitest';
import { litsynth } from './litsynth-cli.js';

// A thesis written right, with its own reference list and a matching bibliography file:
// every citation form it uses must pass without a single diagnostic.

describe('litsynth check on the clean fixture thesis', () => {
  it('reports no diagnostic and exits 0 for the study folder', () => {
    const run = litsynth(['check', 'tests/fixtures/clean-thesis', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect({
      code: run.code,
      stderr: run.stderr,
      keys: Object.keys(report),
      language: report.language,
      diagnostics: report.diagnostics,
    }).toEqual({
      code: 0,
      stderr: '',
      keys: [
        'version',
        'manuscript',
        'language',
        'notes',
        'referenceList',
        'citations',
        'diagnostics',
        'summary',
      ],
      language: {
        thesis: 'nb',
        source: 'study',
        messages: 'nb',
        style: 'norsk-apa-manual',
        styleInferred: false,
      },
      diagnostics: [],
    });
    expect(report.summary).toMatchObject({
      citations: 17,
      exact: 17,
      fuzzy: 0,
      unresolved: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
    });
  });

  it('reports every citation with the fields of the contract', () => {
    const report = JSON.parse(
      litsynth(['check', 'tests/fixtures/clean-thesis', '--format', 'json']).stdout,
    );
    expect(report.citations[2]).toEqual({
      raw: 'Eide og Eide (2016, s. 17–18)',
      line: 6,
      column: 59,
      page: null,
      section: '1 Innledning',
      authors: ['Eide', 'Eide'],
      year: '2016',
      locator: 's. 17–18',
      secondary: null,
      key: 'eide2016',
      match: 'exact',
      reasons: [{ kind: 'exact' }],
    });
  });

  it("resolves to the thesis's own list when there is no bibliography file", () => {
    const report = JSON.parse(
      litsynth(['check', 'tests/fixtures/clean-thesis/manuscript.md', '--format', 'json']).stdout,
    );
    expect({
      diagnostics: report.diagnostics,
      key: report.citations[2].key,
      language: report.language,
    }).toEqual({
      diagnostics: [],
      key: 'list-37',
      // Checked alone, the thesis's language is read from its text.
      language: {
        thesis: 'nb',
        source: 'detected',
        detected: { language: 'nb', decided: true, confidence: 1 },
        messages: 'nb',
        style: 'norsk-apa-manual',
        styleInferred: true,
      },
    });
  });

  it('prints the list as it was read: heading, line, and each entry with its line and parts', () => {
    const report = JSON.parse(
      litsynth(['check', 'tests/fixtures/clean-thesis/manuscript.md', '--format', 'json']).stdout,
    );
    const list = report.referenceList;
    expect({
      heading: list.heading,
      line: list.line,
      count: list.entries.length,
      first: list.entries[0],
      last: list.entries.at(-1),
    }).toEqual({
      heading: 'Litteraturliste',
      line: 31,
      count: 12,
      first: {
        line: 33,
        authors: ['Arbeids- og velferdsdirektoratet'],
        year: '2017',
        title: 'Nav-kontorenes oppfølging',
        raw: 'Arbeids- og velferdsdirektoratet. (2017). Nav-kontorenes oppfølging.',
      },
      last: {
        line: 55,
        authors: ['van Dijk'],
        year: '2012',
        title: 'The network society',
        raw: 'van Dijk, J. (2012). The network society (3. utg.). Sage.',
      },
    });
  });

  it('also passes as a manuscript file checked against --bib', () => {
    const run = litsynth([
      'check',
      'tests/fixtures/clean-thesis/manuscript.md',
      '--bib',
      'tests/fixtures/clean-thesis/references.yaml',
    ]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout:
        'Sjekk av tests/fixtures/clean-thesis/manuscript.md\n\nIngen problemer funnet.\n\nOppsummering: 17 henvisninger (17 eksakt, 0 omtrentlig, 0 uløst); 0 feil, 0 advarsler, 0 merknader om form.\n',
      stderr: '',
    });
  });
});

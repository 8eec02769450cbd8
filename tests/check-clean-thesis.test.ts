import { describe, expect, it } from 'vitest';
import { litsynth } from './litsynth-cli.js';

// A thesis written right, with its own reference list and a matching bibliography file:
// every citation form it uses must pass without a single diagnostic.


describe('litsynth check on the clean fixture thesis', () => {
  it('reports no diagnostic and exits 0 for the study folder', () => {
    const run = litsynth(['check', 'tests/fixtures/clean-thesis', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect({ code: run.code, stderr: run.stderr, keys: Object.keys(report), diagnostics: report.diagnostics }).toEqual({
      code: 0,
      stderr: '',
      keys: ['version', 'manuscript', 'notes', 'citations', 'diagnostics', 'summary'],
      diagnostics: [],
    });
    expect(report.summary).toMatchObject({ citations: 17, exact: 17, fuzzy: 0, unresolved: 0, errors: 0, warnings: 0, infos: 0 });
  });

  it('reports every citation with the fields of the contract', () => {
    const report = JSON.parse(litsynth(['check', 'tests/fixtures/clean-thesis', '--format', 'json']).stdout);
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

  it('resolves to the thesis\'s own list when there is no bibliography file', () => {
    const report = JSON.parse(litsynth(['check', 'tests/fixtures/clean-thesis/manuscript.md', '--format', 'json']).stdout);
    expect({ diagnostics: report.diagnostics, key: report.citations[2].key }).toEqual({ diagnostics: [], key: 'list-37' });
  });

  it('also passes as a manuscript file checked against --bib', () => {
    const run = litsynth(['check', 'tests/fixtures/clean-thesis/manuscript.md', '--bib', 'tests/fixtures/clean-thesis/references.yaml']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: 'Sjekk av tests/fixtures/clean-thesis/manuscript.md\n\nIngen problemer funnet.\n\nOppsummering: 17 henvisninger (17 eksakt, 0 omtrentlig, 0 uløst); 0 feil, 0 advarsler, 0 merknader om form.\n',
      stderr: '',
    });
  });
});

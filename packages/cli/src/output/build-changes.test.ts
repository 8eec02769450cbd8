import type { Diagnostic, RuleId } from '@litsynth/common';
import { describe, expect, it } from 'vitest';
import { changesJson, changesSummary, compareBuilds, snapshotBuild } from './build-changes.js';

const problem = (
  rule: RuleId,
  line: number,
  raw: string,
  en = `${rule} at ${raw}`,
): Diagnostic => ({
  rule,
  severity: 'warning',
  message: { nb: `${rule} ved ${raw}`, en },
  file: 'thesis.txt',
  line,
  column: 1,
  raw,
});
const table = (id: string, cells: string[]) => ({
  id,
  title: `Tabell ${id}`,
  table: { type: 'table', cells },
  notes: [],
});
const matrix = (cells: Record<string, string[]>) => ({
  sources: Object.entries(cells).map(([recordId, findingIds]) => ({
    recordId,
    cells: [{ conceptId: 'tillit', findingIds }],
  })),
});

describe('compareBuilds', () => {
  const before = snapshotBuild({
    diagnostics: [
      problem('locator-form', 3, 's.52'),
      problem('locator-form', 9, 's.52'),
      problem('year-mismatch', 12, '(Berg, 2020)'),
    ],
    matrix: matrix({ berg2021: ['berg2021-a'], dahl2020: ['dahl2020-a'] }),
    tables: [table('articles', ['a']), table('search', ['s'])],
  });

  it('has nothing to compare with on a first build, and finds nothing changed in an equal one', () => {
    expect(compareBuilds(undefined, before)).toEqual({
      previousBuild: false,
      problems: { added: [], fixed: [], changed: [] },
      cells: [],
      tables: { added: [], removed: [], changed: [] },
    });
    expect(changesSummary(compareBuilds(before, before), 'nb', 'out/changes.json')).toEqual([
      '  Endringer siden forrige bygg: ingen',
    ]);
  });

  it('counts problems as a multiset that survives moved lines, and names changed cells and tables', () => {
    const after = snapshotBuild({
      // Ten lines further down; one "s.52" more; the year-mismatch is fixed; a new one elsewhere.
      diagnostics: [
        problem('locator-form', 13, 's.52'),
        problem('locator-form', 19, 's.52'),
        problem('locator-form', 21, 's.52'),
        problem('et-al-usage', 30, '(Dahl mfl., 2020)'),
      ],
      matrix: matrix({ berg2021: ['berg2021-a', 'berg2021-b'], aas2019: ['aas2019-a'] }),
      tables: [table('articles', ['a', 'b']), table('concept-tillit', ['t'])],
    });
    const changes = compareBuilds(before, after);
    expect({
      added: changes.problems.added.map(({ rule, line }) => `${line} ${rule}`),
      fixed: changes.problems.fixed.map(({ rule, line }) => `${line} ${rule}`),
      cells: changes.cells,
      tables: changes.tables,
    }).toEqual({
      added: ['21 locator-form', '30 et-al-usage'],
      fixed: ['12 year-mismatch'],
      cells: [
        { source: 'aas2019', concept: 'tillit', before: [], after: ['aas2019-a'] },
        {
          source: 'berg2021',
          concept: 'tillit',
          before: ['berg2021-a'],
          after: ['berg2021-a', 'berg2021-b'],
        },
        { source: 'dahl2020', concept: 'tillit', before: ['dahl2020-a'], after: [] },
      ],
      tables: {
        added: [{ id: 'concept-tillit', title: 'Tabell concept-tillit' }],
        removed: [{ id: 'search', title: 'Tabell search' }],
        changed: [{ id: 'articles', title: 'Tabell articles' }],
      },
    });
    expect(changesSummary(changes, 'en', 'out/changes.json')).toEqual([
      '  Changes since the last build: 2 new problems, 1 fixed; 3 matrix cells changed; 3 tables changed (out/changes.json)',
      '    + thesis.txt:21: locator-form at s.52',
      '    + thesis.txt:30: et-al-usage at (Dahl mfl., 2020)',
    ]);
    expect(JSON.parse(changesJson(changes, 'nb')).problems.fixed).toEqual([
      {
        rule: 'year-mismatch',
        severity: 'warning',
        file: 'thesis.txt',
        line: 12,
        message: 'year-mismatch ved (Berg, 2020)',
      },
    ]);
  });
});

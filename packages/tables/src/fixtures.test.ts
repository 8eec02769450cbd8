import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '@litsynth/common';
import {
  buildMatrix,
  type DiscussionMap,
  type MatrixCodingLink,
  type MatrixConcept,
} from '@litsynth/matrix';
import type { SourceRecord } from '@litsynth/sources';
import type { SearchEntry } from '@litsynth/study';
import { describe, expect, it } from 'vitest';
import { createTable } from './create-table.js';
import {
  discussionMapTable,
  findingsMatrixTable,
  gapsTable,
  matrixToTable,
} from './matrix-tables.js';
import {
  articleMatrixTable,
  discussionTables,
  searchHistoryTable,
  similaritiesTable,
  type EntryLike,
} from './thesis-tables.js';
import type { CreateTableOptions, ThesisTable } from './types.js';
import { tableToCsv, tableToJsonData, tablesToHtml, tablesToMarkdown } from './write-table.js';

// Each folder of fixtures/ has input.json (the data and which tables to build) and the expected
// outputs: expected.md, expected.html, expected.json and expected.<table-id>.csv per table.
// Run with UPDATE_EXPECTED=1 to rewrite them, then read the diff before committing.
const fixturesDir = fileURLToPath(new URL('../fixtures', import.meta.url));

interface FixtureInput {
  tables: Array<
    | 'article-matrix'
    | 'search-history'
    | 'discussion'
    | 'similarities'
    | 'matrix'
    | 'findings'
    | 'gaps'
    | 'discussion-map'
    | 'custom'
  >;
  lang: Lang;
  csvSeparator?: ',' | ';';
  records?: SourceRecord[];
  concepts?: MatrixConcept[];
  coding?: MatrixCodingLink[];
  entries?: EntryLike[];
  search?: SearchEntry[];
  /** A discussion map as `buildDiscussionMap` gives it (only the mentions are used by the tables). */
  discussion?: DiscussionMap;
  custom?: CreateTableOptions;
}

function buildTables(input: FixtureInput): ThesisTable[] {
  const records = input.records ?? [];
  const concepts = input.concepts ?? [];
  const matrix = buildMatrix({ records, concepts, coding: input.coding ?? [] });
  const lang = input.lang;
  const study = {
    records,
    concepts,
    matrix,
    entries: input.entries ?? [],
    lang,
    ...(input.discussion ? { discussion: input.discussion } : {}),
  };
  return input.tables.flatMap((kind): ThesisTable[] => {
    switch (kind) {
      case 'article-matrix':
        return [articleMatrixTable(records, { lang })];
      case 'search-history':
        return [searchHistoryTable(input.search ?? [], { lang })];
      case 'discussion':
        return discussionTables(study);
      case 'similarities':
        return [similaritiesTable(study)];
      case 'matrix':
        return [matrixToTable(study)];
      case 'findings':
        return [findingsMatrixTable(study)];
      case 'gaps':
        return [gapsTable(study)];
      case 'discussion-map':
        return [discussionMapTable({ ...study, discussion: input.discussion! })];
      case 'custom':
        return [createTable({ ...input.custom!, lang })];
      default:
        throw new Error(`unknown table kind in a fixture: ${String(kind)}`);
    }
  });
}

function outputs(input: FixtureInput): Record<string, string> {
  const tables = buildTables(input);
  const files: Record<string, string> = {
    'expected.md': tablesToMarkdown(tables),
    'expected.html': tablesToHtml(tables, tables.map((table) => table.title).join(' · ')),
    'expected.json': `${JSON.stringify(tables.map(tableToJsonData), null, 2)}\n`,
  };
  for (const table of tables)
    files[`expected.${table.id}.csv`] = tableToCsv(table, { separator: input.csvSeparator ?? ',' });
  return files;
}

describe('table fixtures', () => {
  for (const name of readdirSync(fixturesDir).sort()) {
    it(name, () => {
      const dir = join(fixturesDir, name);
      const input = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as FixtureInput;
      const actual = outputs(input);
      const expectedFiles = readdirSync(dir)
        .filter((file) => file.startsWith('expected.'))
        .sort();
      if (process.env.UPDATE_EXPECTED) {
        for (const [file, text] of Object.entries(actual)) writeFileSync(join(dir, file), text);
        return;
      }
      expect(Object.keys(actual).sort()).toEqual(expectedFiles);
      for (const file of expectedFiles) {
        expect(existsSync(join(dir, file))).toBe(true);
        expect(actual[file], `${name}/${file}`).toBe(readFileSync(join(dir, file), 'utf8'));
      }
      // Deterministic: building again gives byte-identical output.
      expect(outputs(input)).toEqual(actual);
    });
  }
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import * as matrix from './index.js';
import { matrixRules } from './rules.js';

it('documents every matrix rule in docs/rules.md with its default severity', () => {
  const doc = readFileSync(
    fileURLToPath(new URL('../../../docs/rules.md', import.meta.url)),
    'utf8',
  );
  expect(
    matrixRules
      .filter((rule) => !doc.includes(`| \`${rule.id}\` | ${rule.severity} |`))
      .map((rule) => rule.id),
  ).toEqual([]);
});

it('has kebab-case, unique rule ids', () => {
  const ids = matrixRules.map((rule) => rule.id);
  expect(ids.filter((id) => !/^[a-z]+(-[a-z]+)*$/.test(id))).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
});

it('exports exactly its public API', () => {
  expect(Object.keys(matrix).sort()).toEqual([
    'buildDiscussionMap',
    'buildMatrix',
    'compileConceptTerms',
    'findChapter',
    'frameworkRules',
    'matchCitationToRecord',
    'matrixRules',
    'narrativeCitation',
    'parseCoding',
    'parseConcepts',
    'relationName',
    'relations',
  ]);
});

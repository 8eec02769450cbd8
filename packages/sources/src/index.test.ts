import { expect, it } from 'vitest';
import * as sources from './index.js';

it('exports exactly its public API', () => {
  expect(Object.keys(sources).sort()).toEqual([
    'parseSourceRecord',
    'parseSourceRecordFrontmatter',
    'readSourceRecordFindings',
    'readSourceRecordFrontmatters',
    'readSourceRecords',
    'recordRules',
    'sourceRecordSchema',
  ]);
});

it('documents every rule once, with a kebab-case id', () => {
  const ids = sources.recordRules.map((rule) => rule.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !/^source-record-[a-z-]+$/.test(id))).toEqual([]);
});

it('documents every rule in docs/rules.md with its default severity', async () => {
  const { readFile } = await import('node:fs/promises');
  const doc = await readFile(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
  expect(
    sources.recordRules
      .filter((rule) => !doc.includes(`| \`${rule.id}\` | ${rule.severity} |`))
      .map((rule) => rule.id),
  ).toEqual([]);
});

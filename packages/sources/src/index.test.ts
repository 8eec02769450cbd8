import { expect, it } from 'vitest';
import * as sources from './index.js';

it('exports exactly its public API', () => {
  expect(Object.keys(sources).sort()).toEqual(['parseSourceRecord', 'readSourceRecords', 'recordRules', 'sourceRecordSchema', 'validateFrontmatter']);
});

it('documents every rule once, with a kebab-case id', () => {
  const ids = sources.recordRules.map((rule) => rule.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !/^source-record-[a-z-]+$/.test(id))).toEqual([]);
});

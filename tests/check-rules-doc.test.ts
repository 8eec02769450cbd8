import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ruleRegistry } from '@litsynth/common';
import { expect, it } from 'vitest';

// docs/rules.md documents every rule of the registry, with its default severity, in the section the
// registry's docs link points to.
it('documents every rule of the registry with its default severity in its section', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../docs/rules.md'), 'utf8');
  const sectionOf = new Map<string, string>();
  let section = '';
  for (const line of doc.split('\n')) {
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading)
      section = (heading[1] as string)
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
    const row = /^\| `([a-z0-9-]+)` \| (error|warning|info) \|/.exec(line);
    if (row) sectionOf.set(`${row[1]} ${row[2]}`, section);
  }
  const misplaced = ruleRegistry
    .filter((rule) => sectionOf.get(`${rule.id} ${rule.severity}`) !== rule.docs)
    .map((rule) => rule.id);
  expect(misplaced).toEqual([]);
  const documented = [...sectionOf.keys()].map((key) => key.split(' ')[0]);
  expect(documented.filter((id) => !ruleRegistry.some((rule) => rule.id === id))).toEqual([]);
});

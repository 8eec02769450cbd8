import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkRules } from '../packages/check/src/index.js';
import { studyRules } from '../packages/study/src/index.js';
import { expect, it } from 'vitest';

// docs/rules.md documents every rule of the check and of the study loader, with its default severity.
it('documents every check and study rule with its default severity', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../docs/rules.md'), 'utf8');
  const missing = [...checkRules, ...studyRules].filter((rule) => !doc.includes(`| \`${rule.id}\` | ${rule.severity} |`)).map((rule) => rule.id);
  expect(missing).toEqual([]);
});

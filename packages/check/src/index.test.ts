import { expect, it } from 'vitest';
import * as check from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(check).sort()).toEqual([
    'checkManuscript',
    'checkRules',
    'entriesFromFields',
    'findQuotations',
    'foldName',
    'normalizeName',
    'referencesFromEntries',
    'referencesFromList',
    'resolveCitation',
  ]);
});

it('gives every rule a kebab-case id, a default severity and a message in both languages', () => {
  for (const rule of check.checkRules) {
    expect({
      id: /^[a-z]+(-[a-z]+)*$/.test(rule.id),
      severity: ['error', 'warning', 'info'].includes(rule.severity),
      nb: rule.description.nb.length > 0,
      en: rule.description.en.length > 0,
    }).toEqual({
      id: true,
      severity: true,
      nb: true,
      en: true,
    });
  }
});

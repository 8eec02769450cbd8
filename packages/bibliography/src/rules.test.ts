import { readFileSync } from 'node:fs';
import { stringify, parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { loadBibliographyText } from './load.js';
import { bibliographyRules, checkBibliography } from './rules.js';

interface RuleCase {
  name: string;
  entries: unknown[];
  /** "rule key" per expected diagnostic, in output order. */
  expect: string[];
  /** The English messages of the expected diagnostics, in the same order (when given). */
  messages?: string[];
  /** The Norwegian messages, likewise (when given). */
  messagesNb?: string[];
}

const cases = parse(
  readFileSync(new URL('fixtures/rules.yaml', import.meta.url), 'utf8'),
) as RuleCase[];

describe('checkBibliography (fixtures/rules.yaml)', () => {
  test.each(cases.map((ruleCase) => [ruleCase.name, ruleCase] as const))(
    '%s',
    async (_name, ruleCase) => {
      // Through the real loader, so that the entries are exactly what a user's file gives.
      const { entries, diagnostics: loadProblems } = await loadBibliographyText(
        stringify(ruleCase.entries),
        'case.yaml',
        '.yaml',
      );
      expect(loadProblems).toEqual([]);
      const diagnostics = checkBibliography(entries);
      expect(diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.key}`)).toEqual(
        ruleCase.expect,
      );
      if (ruleCase.messages)
        expect(diagnostics.map((diagnostic) => diagnostic.message.en)).toEqual(ruleCase.messages);
      if (ruleCase.messagesNb)
        expect(diagnostics.map((diagnostic) => diagnostic.message.nb)).toEqual(ruleCase.messagesNb);
    },
  );

  test('every rule that checkBibliography emits has a case that fires it', () => {
    const fired = new Set(
      cases.flatMap((ruleCase) => ruleCase.expect.map((pair) => pair.split(' ')[0])),
    );
    const emitted = bibliographyRules
      .map((rule) => rule.id)
      .filter(
        (id) =>
          !['bib-entry-unreadable', 'bib-duplicate-id'].includes(id) &&
          !id.startsWith('bib-typed-'),
      );
    expect(emitted.filter((id) => !fired.has(id))).toEqual([]);
  });

  test('rule ids are kebab-case, unique, and have both languages', () => {
    const ids = bibliographyRules.map((rule) => rule.id);
    expect(new Set(ids).size).toEqual(ids.length);
    for (const rule of bibliographyRules) {
      expect(rule.id).toMatch(/^bib(-[a-z]+)+$/);
      expect(rule.description.nb.length > 0 && rule.description.en.length > 0).toBe(true);
    }
  });
});

import { ruleRegistry } from '@litsynth/common';
import { expect, it } from 'vitest';

// The report's headings and filters, and the pretty output's folded problems, name a rule by its
// name in the reader's language; the id stays the key (study.yaml `rules:`, JSON).
it('gives every rule of the registry a name in Norwegian and English, no two alike', () => {
  const rules = ruleRegistry;
  const unnamed = rules.filter(
    (rule) =>
      !rule.name?.nb?.trim() ||
      !rule.name?.en?.trim() ||
      rule.name.nb === rule.id ||
      rule.name.en === rule.id,
  );
  expect(unnamed.map((rule) => rule.id)).toEqual([]);
  for (const lang of ['nb', 'en'] as const) {
    const byName = new Map<string, string[]>();
    for (const rule of rules)
      byName.set(rule.name[lang], [...(byName.get(rule.name[lang]) ?? []), rule.id]);
    expect([...byName].filter(([, ids]) => ids.length > 1)).toEqual([]);
  }
});

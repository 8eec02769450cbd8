import { ruleRegistry } from '@litsynth/common';
import { expect, it } from 'vitest';
import { litsynth } from './litsynth-cli.js';

// `litsynth rules` lists the registry: the one list every package reports from.
it('lists every rule of the registry as JSON, in the chosen language', () => {
  const result = litsynth(['rules', '--format', 'json', '--lang', 'en']);
  expect(result.code).toBe(0);
  const { rules } = JSON.parse(result.stdout) as {
    rules: Array<{ id: string; severity: string; name: string; docs: string }>;
  };
  expect(rules.map((rule) => [rule.id, rule.severity, rule.name])).toEqual(
    ruleRegistry.map((rule) => [rule.id, rule.severity, rule.name.en]),
  );
  expect(rules.find((rule) => rule.id === 'year-mismatch')).toEqual({
    id: 'year-mismatch',
    scope: 'check',
    severity: 'error',
    name: 'Wrong year',
    description: ruleRegistry.find((rule) => rule.id === 'year-mismatch')?.description.en,
    docs: 'docs/rules.md#check-rules',
  });
});

it('prints one line per rule with its id, severity and name in Norwegian', () => {
  const result = litsynth(['rules', '--lang', 'nb']);
  expect(result.code).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(ruleRegistry.length);
  expect(lines.find((line) => line.startsWith('year-mismatch '))?.split(/ {2,}/)).toEqual([
    'year-mismatch',
    'feil',
    'Feil årstall',
  ]);
});

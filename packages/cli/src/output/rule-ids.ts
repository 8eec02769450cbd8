import { rulesOf, type RuleScope } from '@litsynth/common';

// The order the closest-id suggestion has always searched in (a tie goes to the earlier rule).
const scopes: readonly RuleScope[] = [
  'check',
  'study',
  'bibliography',
  'records',
  'framework',
  'matrix',
];

/**
 * Every rule id a study may set, for finding settings that name no rule (the registry's ids).
 * Empty when the study sets no rules.
 */
export async function knownRuleIds(settings: readonly string[]): Promise<string[]> {
  if (settings.length === 0) return [];
  return scopes.flatMap((scope) => rulesOf(scope).map((rule) => rule.id));
}

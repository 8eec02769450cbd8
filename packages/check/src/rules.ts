import { rulesOf, type RuleDefinition } from '@litsynth/common';

/** Every rule of the source-use check, in the order the summary lists them (see the registry). */
export const checkRules: RuleDefinition[] = rulesOf('check');

/** The rule definition of an id (every id used by the check is defined above). */
export function ruleById(id: string): RuleDefinition {
  const rule = checkRules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`Unknown check rule: ${id}`);
  return rule;
}

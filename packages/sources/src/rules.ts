import {
  defaultSeverity,
  rulesOf,
  type Diagnostic,
  type Localized,
  type RuleDefinition,
  type RuleIdOf,
} from '@litsynth/common';

/** The id of one of the record rules. */
export type RecordRuleId = RuleIdOf<'records'>;

/** The rules of source records (defined in the registry of @litsynth/common). */
export const recordRules: RuleDefinition[] = rulesOf('records');

/** Builds a diagnostic of a record rule at a place in a file. */
export function recordDiagnostic(
  rule: RecordRuleId,
  place: { file: string; line: number; column: number },
  message: Localized,
  extra: Partial<Pick<Diagnostic, 'key' | 'raw' | 'suggestion'>> = {},
): Diagnostic {
  return { rule, severity: defaultSeverity(rule), message, ...place, ...extra };
}

import {
  defaultSeverity,
  rulesOf,
  type Diagnostic,
  type Localized,
  type RuleDefinition,
  type RuleIdOf,
} from '@litsynth/common';

/** The id of a concept framework or coding rule (these, and matrix's coding-unknown-* rules). */
export type FrameworkRuleId =
  | RuleIdOf<'framework'>
  | 'coding-unknown-finding'
  | 'coding-unknown-concept'
  | 'coding-duplicate-link';

/**
 * The rules of the concept framework and coding loaders (defined in the registry of
 * @litsynth/common). The loaders also emit matrix's `coding-unknown-finding`,
 * `coding-unknown-concept` and `coding-duplicate-link` (see matrixRules).
 */
export const frameworkRules: RuleDefinition[] = rulesOf('framework');

/** Builds a diagnostic of a framework rule at a place in a file. */
export function frameworkDiagnostic(
  rule: FrameworkRuleId,
  place: { file: string; line: number; column: number },
  message: Localized,
  extra: Partial<Pick<Diagnostic, 'key' | 'raw' | 'suggestion'>> = {},
): Diagnostic {
  return { rule, severity: defaultSeverity(rule), message, ...place, ...extra };
}

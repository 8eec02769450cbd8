import type { Diagnostic, Localized, RuleIdOf, Severity } from '@litsynth/common';

/** Builds a bibliography diagnostic about an entry at a place in a file. */
export function entryDiagnostic(options: {
  rule: RuleIdOf<'bibliography'>;
  severity: Severity;
  file: string;
  line: number;
  column?: number;
  message: Localized;
  key?: string;
  raw?: string;
  suggestion?: Localized;
}): Diagnostic {
  const diagnostic: Diagnostic = {
    rule: options.rule,
    severity: options.severity,
    message: options.message,
    file: options.file,
    line: options.line,
    column: options.column ?? 1,
  };
  if (options.key !== undefined) diagnostic.key = options.key;
  if (options.raw !== undefined) diagnostic.raw = options.raw;
  if (options.suggestion !== undefined) diagnostic.suggestion = options.suggestion;
  return diagnostic;
}

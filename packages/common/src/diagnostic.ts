import type { RuleId } from './rules.js';

export type Severity = 'error' | 'warning' | 'info';
/** What a study may set per rule in study.yaml (`rules: { rule-id: off|warn|error }`). */
export type RuleSetting = 'off' | 'info' | 'warn' | 'error';

/** A text in both languages of litsynth. */
export interface Localized {
  nb: string;
  en: string;
}

/**
 * A problem found in the user's files. Content problems are always diagnostics, never exceptions.
 * Positions are 1-based and refer to the file exactly as the user gave it.
 */
export interface Diagnostic {
  /** The rule that found the problem (one of the registry's ids). */
  rule: RuleId;
  severity: Severity;
  message: Localized;
  /** The file the diagnostic is about, as the user gave it (or relative to the study). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Page number where the manuscript carries page markers (or a PDF/docx page). */
  page?: number;
  /** Nearest heading above the place. */
  section?: string;
  /** The citation or entry text the diagnostic is about. */
  raw?: string;
  /** The resolved or suggested bibliography entry id. */
  key?: string;
  suggestion?: Localized;
  /**
   * Diagnostics that are one finding share a group id (every place of one unresolved work, every
   * deviating citation of one work): the JSON keeps each occurrence, the pretty output shows the
   * group once with all its places.
   */
  group?: string;
}

/**
 * A text given in one language or both, made whole: a missing language shows the other with a
 * marker (" (nb)", " (en)"), so a reader sees that it was not translated. Undefined when neither
 * language has text.
 */
export function completeLocalized(text: Partial<Localized>): Localized | undefined {
  const nb = text.nb?.trim() ? text.nb : undefined;
  const en = text.en?.trim() ? text.en : undefined;
  if (nb !== undefined && en !== undefined) return { nb, en };
  if (nb !== undefined) return { nb, en: `${nb} (nb)` };
  if (en !== undefined) return { nb: `${en} (en)`, en };
  return undefined;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Applies a study's rule settings: drops rules set to `off`, changes the severity of the others.
 */
export function applyRuleSettings(
  diagnostics: readonly Diagnostic[],
  settings: Readonly<Record<string, RuleSetting>>,
): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const setting = settings[diagnostic.rule];
    if (setting === 'off') continue;
    if (setting === undefined) {
      result.push(diagnostic);
      continue;
    }
    const severity: Severity = setting === 'warn' ? 'warning' : setting;
    result.push({ ...diagnostic, severity });
  }
  return result;
}

/** Stable order: file, line, column, severity, rule. Deterministic output depends on it. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

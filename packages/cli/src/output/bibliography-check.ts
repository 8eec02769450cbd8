import { applyRuleSettings, compareDiagnostics, type Diagnostic, type Lang, type RuleDefinition, type RuleSetting } from '@litsynth/common';
import { diagnosticToJson } from './diagnostics-json.js';
import { countByRule, severityCounts } from './check-output.js';
import { renderPretty } from './pretty-diagnostics.js';

// What `litsynth bib` prints on stderr and `litsynth build` writes to bibliography-check.json: the
// integrity rules of @litsynth/bibliography (`checkBibliography`) for the entries of the list.
// This module takes the diagnostics, not the entries, so that `build` can keep loading
// @litsynth/bibliography lazily.

/**
 * The integrity diagnostics of the listed entries, after the study's rule settings, in report
 * order. `diagnostics` come from `checkBibliography` over every entry (duplicates, name variants
 * and edition years need the others), and are kept for the listed ids only (all when undefined).
 */
export function diagnosticsOfListed(
  diagnostics: readonly Diagnostic[],
  listed: ReadonlySet<string> | undefined,
  settings: Readonly<Record<string, RuleSetting>>,
): Diagnostic[] {
  const kept = listed === undefined ? diagnostics : diagnostics.filter((diagnostic) => diagnostic.key === undefined || listed.has(diagnostic.key));
  return applyRuleSettings(kept, settings).sort(compareDiagnostics);
}

/** Counts per severity and per rule (rule id order), as the check's summary has them. */
export function bibliographySummary(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number; rules: Record<string, number> } {
  return { ...severityCounts(diagnostics), rules: countByRule(diagnostics) };
}

/** The bibliography check as one JSON document (build's bibliography-check.json), with a final newline. */
export function bibliographyCheckJson(input: { entries: readonly string[]; diagnostics: readonly Diagnostic[]; lang: Lang }): string {
  const document = {
    version: 1,
    entries: input.entries,
    diagnostics: input.diagnostics.map((diagnostic) => diagnosticToJson(diagnostic, input.lang)),
    summary: bibliographySummary(input.diagnostics),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The bibliography's diagnostics for a terminal, in the style of `litsynth check` (errors first, a
 * repeated rule once with its count), with a closing count line; empty when there are none.
 */
export function bibliographyCheckText(
  diagnostics: readonly Diagnostic[],
  options: { lang: Lang; rules: readonly RuleDefinition[]; color: boolean },
): string {
  if (diagnostics.length === 0) return '';
  const { lang } = options;
  const rules = new Map(options.rules.map((rule) => [rule.id, rule]));
  // No quoted source lines: an entry's line in a YAML or BibTeX file says less than its message.
  const body = renderPretty(diagnostics, { lang, lines: new Map(), rules, color: options.color });
  const { errors, warnings, infos } = severityCounts(diagnostics);
  const heading = lang === 'nb' ? 'Sjekk av referanselisten' : 'Check of the reference list';
  const summary =
    lang === 'nb'
      ? `Referanseliste: ${errors} feil, ${warnings} advarsler, ${infos} merknader om form.`
      : `Reference list: ${errors} errors, ${warnings} warnings, ${infos} notes on form.`;
  return `${heading}\n\n${body}\n${summary}\n`;
}

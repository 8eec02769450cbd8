import type { Diagnostic, Lang, RuleDefinition } from '@litsynth/common';
import { severityCounts } from '@litsynth/engine';
import { renderPretty } from './pretty-diagnostics.js';

// What `litsynth bib` prints on stderr: the integrity rules of @litsynth/bibliography
// (`checkBibliography`) for the entries of the list. Which diagnostics, their counts and
// bibliography-check.json are the engine's.

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

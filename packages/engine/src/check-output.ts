import {
  applyRuleSettings,
  compareDiagnostics,
  type Diagnostic,
  type Lang,
  type Localized,
  type RuleSetting,
} from '@litsynth/common';
import type { CheckedCitation, CheckResult, CheckSummary } from '@litsynth/check';
import type { Manuscript } from '@litsynth/ingest';
import { diagnosticToJson } from './diagnostics-json.js';

// What `litsynth check` reports, in one place, so that `check`, `build` and the web app count and
// write the same check.json.

/** The check's diagnostics and the loaders' (bibliography files, records, study.yaml) together. */
export interface CombinedCheck {
  /** All diagnostics, rule settings applied, in report order. */
  diagnostics: Diagnostic[];
  /** The check's summary, with the counts over all diagnostics and the loaders' rules added. */
  summary: CheckSummary;
  /** The check's notes (e.g. that the .docx fields' entries served as the bibliography). */
  notes: Localized[];
}

/** Joins the loaders' diagnostics (after the study's rule settings) to the check's and counts them all. */
export function combineCheck(
  result: CheckResult,
  loaderDiagnostics: readonly Diagnostic[],
  settings: Record<string, RuleSetting>,
): CombinedCheck {
  // Problems in the bibliography files and records follow the same rule settings.
  const loader = applyRuleSettings(loaderDiagnostics, settings);
  const diagnostics = [...result.diagnostics, ...loader].sort(compareDiagnostics);
  const summary: CheckSummary = {
    ...result.summary,
    ...severityCounts(diagnostics),
    rules: {
      ...result.summary.rules,
      ...countByRule(loader.filter((diagnostic) => !(diagnostic.rule in result.summary.rules))),
    },
  };
  return { diagnostics, summary, notes: result.notes ?? [] };
}

/** How many diagnostics there are of each severity. */
export function severityCounts(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    infos: diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length,
  };
}

/** Diagnostics per rule id, in rule id order. */
export function countByRule(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of diagnostics.map((diagnostic) => diagnostic.rule).sort())
    counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
}

/** The exit code of a check: 1 when an error was found (after the rule settings), else 0. */
export function checkExitCode(diagnostics: readonly Diagnostic[]): 0 | 1 {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0;
}

/** The citation as the JSON output has it (no offsets into the normalised text). */
export function citationToJson(citation: CheckedCitation) {
  return {
    raw: citation.raw,
    line: citation.line,
    column: citation.column,
    page: citation.page ?? null,
    section: citation.section ?? null,
    authors: citation.authors,
    year: citation.year,
    locator: citation.locator,
    secondary: citation.secondary,
    key: citation.key,
    match: citation.match,
    reasons: citation.reasons,
    // Only for a citation in a reference manager's field of a .docx (additive to the contract).
    ...(citation.field ? { field: citation.field } : {}),
  };
}

/** The thesis's own reference list as read: heading, its line, and each entry's line and parts; null when none. */
export function referenceListToJson(manuscript: Manuscript) {
  const list = manuscript.referenceList;
  if (!list) return null;
  return {
    heading: list.heading.text,
    line: manuscript.locate(list.heading.start).line,
    entries: list.entries.map((entry) => ({
      line: manuscript.locate(entry.start).line,
      authors: entry.authors,
      year: entry.year,
      title: entry.title,
      raw: entry.raw,
    })),
  };
}

/** The check as one JSON document (`litsynth check --format json`, build's check.json), with a final newline. */
export function checkJson(
  manuscript: Manuscript,
  result: CheckResult,
  combined: CombinedCheck,
  lang: Lang,
): string {
  const { thesis, source, detected, style, styleInferred } = result.language;
  const document = {
    version: 1,
    manuscript: manuscript.path,
    // Additive to the contract: the language the thesis was held to, where it came from, the
    // language of the messages, and the style its own reference list was held to.
    language: {
      thesis,
      source: source === 'given' ? 'study' : 'detected',
      ...(detected
        ? {
            detected: {
              language: detected.language,
              decided: detected.decided,
              confidence: detected.confidence,
            },
          }
        : {}),
      messages: lang,
      style,
      styleInferred,
    },
    notes: [...manuscript.notes, ...combined.notes].map((note) => note[lang]),
    // Additive to the contract: the thesis's own list, entry by entry, as it was read.
    referenceList: referenceListToJson(manuscript),
    citations: result.citations.map(citationToJson),
    diagnostics: combined.diagnostics.map((diagnostic) => diagnosticToJson(diagnostic, lang)),
    summary: combined.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

import { applyRuleSettings, compareDiagnostics, readTextFile, type Diagnostic, type Lang, type Localized, type RuleDefinition, type RuleSetting } from '@litsynth/common';
import type { CheckedCitation, CheckResult, CheckSummary } from '@litsynth/check';
import type { Manuscript } from '@litsynth/ingest';
import { diagnosticToJson } from './diagnostics-json.js';
import { renderPretty, renderSummary } from './pretty-diagnostics.js';

// What `litsynth check` prints, in one place, so that `litsynth build` writes the same check.json
// and check.txt.

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
export function combineCheck(result: CheckResult, loaderDiagnostics: readonly Diagnostic[], settings: Record<string, RuleSetting>): CombinedCheck {
  // Problems in the bibliography files and records follow the same rule settings.
  const loader = applyRuleSettings(loaderDiagnostics, settings);
  const diagnostics = [...result.diagnostics, ...loader].sort(compareDiagnostics);
  const summary: CheckSummary = {
    ...result.summary,
    ...severityCounts(diagnostics),
    rules: { ...result.summary.rules, ...countByRule(loader.filter((diagnostic) => !(diagnostic.rule in result.summary.rules))) },
  };
  return { diagnostics, summary, notes: result.notes ?? [] };
}

/** How many diagnostics there are of each severity. */
export function severityCounts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    infos: diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length,
  };
}

/** Diagnostics per rule id, in rule id order. */
export function countByRule(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of diagnostics.map((diagnostic) => diagnostic.rule).sort()) counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
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
export function checkJson(manuscript: Manuscript, result: CheckResult, combined: CombinedCheck, lang: Lang): string {
  const { thesis, source, detected, style, styleInferred } = result.language;
  const document = {
    version: 1,
    manuscript: manuscript.path,
    // Additive to the contract: the language the thesis was held to, where it came from, the
    // language of the messages, and the style its own reference list was held to.
    language: {
      thesis,
      source: source === 'given' ? 'study' : 'detected',
      ...(detected ? { detected: { language: detected.language, decided: detected.decided, confidence: detected.confidence } } : {}),
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

/** The check as text (`litsynth check`, build's check.txt): header, notes, diagnostics with their lines, summary. */
export async function checkText(
  manuscript: Manuscript,
  combined: CombinedCheck,
  options: { lang: Lang; rules: readonly RuleDefinition[]; color: boolean },
): Promise<string> {
  const { lang } = options;
  const { diagnostics, summary } = combined;
  const header = lang === 'nb' ? `Sjekk av ${manuscript.path}` : `Check of ${manuscript.path}`;
  const noteLines = [...manuscript.notes, ...combined.notes].map((note) => `${lang === 'nb' ? 'Merk' : 'Note'}: ${note[lang]}`);
  const rules = new Map(options.rules.map((rule) => [rule.id, rule]));
  const body = renderPretty(diagnostics, { lang, lines: await sourceLines(manuscript, diagnostics), rules, color: options.color });
  const nothing = lang === 'nb' ? 'Ingen problemer funnet.' : 'No problems found.';
  const lines = [header, ...noteLines, '', diagnostics.length === 0 ? `${nothing}\n` : body, renderSummary(summary, lang)];
  return `${lines.join('\n')}\n`;
}

/** The lines of the text files the diagnostics point into, for quoting them (a .docx or .pdf manuscript has none). */
export async function sourceLines(manuscript: Manuscript, diagnostics: readonly Diagnostic[]): Promise<Map<string, string[]>> {
  const lines = new Map<string, string[]>();
  for (const file of new Set(diagnostics.map((diagnostic) => diagnostic.file))) {
    if (file === manuscript.path && (manuscript.format === 'docx' || manuscript.format === 'pdf')) continue;
    try {
      lines.set(file, (await readTextFile(file)).text.split(/\r\n|\r|\n/));
    } catch {
      // A file that cannot be quoted is still reported; only its line is left out.
    }
  }
  return lines;
}

import {
  authorYearKey,
  type BibEntry,
  type CitationUse,
  checkBibliography,
  type FormatReferenceListOptions,
  formatReferenceList,
  type ReferenceList,
} from '@litsynth/bibliography';
import {
  applyRuleSettings,
  compareDiagnostics,
  type Diagnostic,
  type Lang,
  type RuleId,
  type RuleSetting,
} from '@litsynth/common';
import { countByRule, severityCounts } from './check-output.js';
import { diagnosticToJson } from './diagnostics-json.js';

// What every caller that makes a reference list shares: which entries it lists, the citations'
// years for its to-do, and the integrity problems of the listed entries.

/**
 * The cited entries, plus the entries with the same author(s) and year as a cited one: a citation
 * such as "(SNL, 2018)" may stand for any of them, and listing them all keeps their a/b letters the
 * same as the check gives them (it assigns letters over the whole bibliography).
 */
export function citedWithTheirNamesakes(
  entries: readonly BibEntry[],
  cited: ReadonlySet<string>,
): BibEntry[] {
  const citedGroups = new Set(entries.filter((entry) => cited.has(entry.id)).map(authorYearKey));
  return entries.filter((entry) => cited.has(entry.id) || citedGroups.has(authorYearKey(entry)));
}

/** The resolved citations of a check, as the reference list's to-do needs them (the years each work is cited under). */
export function citationUses(
  citations: ReadonlyArray<{ key: string | null; year: string | null; line: number }>,
): CitationUse[] {
  return citations
    .filter((citation) => citation.key !== null)
    .map((citation) => ({ key: citation.key!, year: citation.year, line: citation.line }));
}

/** Rules whose findings the to-do already gives per entry (what is missing, what is unverified). */
const todoRules = new Set<RuleId>(['bib-missing-field', 'bib-unverified', 'bib-partly-verified']);

/** Whether a bibliography diagnostic says what the reference list's to-do says too. */
export function coveredByTodo(diagnostic: Diagnostic): boolean {
  return todoRules.has(diagnostic.rule);
}

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
  const kept =
    listed === undefined
      ? diagnostics
      : diagnostics.filter(
          (diagnostic) => diagnostic.key === undefined || listed.has(diagnostic.key),
        );
  return applyRuleSettings(kept, settings).sort(compareDiagnostics);
}

/** What a reference list is made of, and how it is formatted. */
export interface ReferenceListRequest
  extends Omit<FormatReferenceListOptions, 'citations' | 'lang'> {
  /** Every entry known (the integrity rules need them all: duplicates, name variants). */
  entries: readonly BibEntry[];
  /** The ids of the cited works: they and their namesakes are listed. Undefined: every entry. */
  cited?: ReadonlySet<string> | undefined;
  /** The manuscript's citations resolved to entries (the to-do names the years a work is cited under). */
  citations?: readonly CitationUse[];
  /** The rule settings the integrity problems are filtered by. */
  settings?: Readonly<Record<string, RuleSetting>>;
  lang: Lang;
}

/** A reference list made for a request: the entries listed, the list, and their integrity problems. */
export interface MadeReferenceList {
  /** The entries the list was made of (the cited works and their namesakes, or every entry). */
  entries: BibEntry[];
  list: ReferenceList;
  /**
   * The integrity problems of those entries after the rule settings, in report order; what the
   * to-do says per entry (missing fields, unverified) is not repeated.
   */
  problems: Diagnostic[];
}

/** Makes a reference list as `litsynth bib` and `litsynth build` have it (both ask this). */
export async function makeReferenceList(request: ReferenceListRequest): Promise<MadeReferenceList> {
  const { entries: all, cited, citations, settings, ...format } = request;
  const entries = cited ? citedWithTheirNamesakes(all, cited) : [...all];
  const list = await formatReferenceList(entries, {
    ...format,
    ...(citations ? { citations } : {}),
  });
  const problems = diagnosticsOfListed(
    checkBibliography(all),
    new Set(entries.map((entry) => entry.id)),
    settings ?? {},
  ).filter((diagnostic) => !coveredByTodo(diagnostic));
  return { entries, list, problems };
}

/** Counts per severity and per rule (rule id order), as the check's summary has them. */
export function bibliographySummary(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  infos: number;
  rules: Record<string, number>;
} {
  return { ...severityCounts(diagnostics), rules: countByRule(diagnostics) };
}

/** The bibliography check as one JSON document (build's bibliography-check.json), with a final newline. */
export function bibliographyCheckJson(input: {
  entries: readonly string[];
  diagnostics: readonly Diagnostic[];
  lang: Lang;
}): string {
  const document = {
    version: 1,
    entries: input.entries,
    diagnostics: input.diagnostics.map((diagnostic) => diagnosticToJson(diagnostic, input.lang)),
    summary: bibliographySummary(input.diagnostics),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

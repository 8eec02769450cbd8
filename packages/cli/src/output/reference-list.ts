import { authorYearKey, type BibEntry, type CitationUse } from '@litsynth/bibliography';
import type { Diagnostic } from '@litsynth/common';

// What `litsynth bib` and `litsynth build` share when they make a study's reference list.

/** Where rendered entries are cached between runs (see cache-dir.ts). */
export { referenceCacheDir } from './cache-dir.js';

/**
 * The cited entries, plus the entries with the same author(s) and year as a cited one: a citation
 * such as "(SNL, 2018)" may stand for any of them, and listing them all keeps their a/b letters the
 * same as the check gives them (it assigns letters over the whole bibliography).
 */
export function citedWithTheirNamesakes(entries: readonly BibEntry[], cited: ReadonlySet<string>): BibEntry[] {
  const citedGroups = new Set(entries.filter((entry) => cited.has(entry.id)).map(authorYearKey));
  return entries.filter((entry) => cited.has(entry.id) || citedGroups.has(authorYearKey(entry)));
}

/** The resolved citations of a check, as the reference list's to-do needs them (the years each work is cited under). */
export function citationUses(citations: ReadonlyArray<{ key: string | null; year: string | null; line: number }>): CitationUse[] {
  return citations.filter((citation) => citation.key !== null).map((citation) => ({ key: citation.key!, year: citation.year, line: citation.line }));
}

/** Rules whose findings the to-do already gives per entry (what is missing, what is unverified). */
const todoRules = new Set(['bib-missing-field', 'bib-unverified', 'bib-partly-verified']);

/** Whether a bibliography diagnostic says what the reference list's to-do says too. */
export function coveredByTodo(diagnostic: Diagnostic): boolean {
  return todoRules.has(diagnostic.rule);
}

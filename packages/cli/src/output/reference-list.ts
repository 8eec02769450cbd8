import { authorYearKey, type BibEntry } from '@litsynth/bibliography';

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

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authorYearKey, type BibEntry } from '@litsynth/bibliography';

// What `litsynth bib` and `litsynth build` share when they make a study's reference list.

/**
 * Where rendered entries are cached between runs: $LITSYNTH_CACHE_DIR, else node_modules/.cache/litsynth
 * of the working directory (the convention of babel and eslint), else nowhere.
 */
export function referenceCacheDir(): string | undefined {
  if (process.env.LITSYNTH_CACHE_DIR) return process.env.LITSYNTH_CACHE_DIR;
  const modules = join(process.cwd(), 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'litsynth') : undefined;
}

/**
 * The cited entries, plus the entries with the same author(s) and year as a cited one: a citation
 * such as "(SNL, 2018)" may stand for any of them, and listing them all keeps their a/b letters the
 * same as the check gives them (it assigns letters over the whole bibliography).
 */
export function citedWithTheirNamesakes(entries: readonly BibEntry[], cited: ReadonlySet<string>): BibEntry[] {
  const citedGroups = new Set(entries.filter((entry) => cited.has(entry.id)).map(authorYearKey));
  return entries.filter((entry) => cited.has(entry.id) || citedGroups.has(authorYearKey(entry)));
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Kept apart from reference-list.ts so that the check's study cache can find the folder without
// importing the bibliography package.

/**
 * Where litsynth caches between runs: $LITSYNTH_CACHE_DIR, else node_modules/.cache/litsynth
 * of the working directory (the convention of babel and eslint), else nowhere.
 */
export function referenceCacheDir(): string | undefined {
  if (process.env.LITSYNTH_CACHE_DIR) return process.env.LITSYNTH_CACHE_DIR;
  const modules = join(process.cwd(), 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'litsynth') : undefined;
}

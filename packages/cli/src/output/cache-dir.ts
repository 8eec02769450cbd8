import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Where litsynth keeps what it caches between runs, and whether it may. Kept apart from
// reference-list.ts so that the check's study cache and the bundle's loader can ask without
// importing the bibliography package.

/** Whether caches are off: LITSYNTH_NO_CACHE set to anything but "" or "0". */
export function cachesOff(): boolean {
  const off = process.env.LITSYNTH_NO_CACHE;
  return off !== undefined && off !== '' && off !== '0';
}

/**
 * Where litsynth caches between runs: $LITSYNTH_CACHE_DIR, else node_modules/.cache/litsynth
 * of the working directory (the convention of babel and eslint), else nowhere.
 */
export function referenceCacheDir(): string | undefined {
  if (process.env.LITSYNTH_CACHE_DIR) return process.env.LITSYNTH_CACHE_DIR;
  const modules = join(process.cwd(), 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'litsynth') : undefined;
}

/**
 * The user's own cache folder, for what belongs to the installed program rather than to a study
 * (its compiled code): $LITSYNTH_CACHE_DIR, else the platform's (XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches, %LOCALAPPDATA%). Never a shared temporary folder.
 */
export function userCacheDir(): string | undefined {
  if (process.env.LITSYNTH_CACHE_DIR) return process.env.LITSYNTH_CACHE_DIR;
  // node:os only here: a start that needs no user cache does not load it.
  const home = () => process.getBuiltinModule('node:os').homedir();
  if (process.platform === 'win32')
    return process.env.LOCALAPPDATA ? join(process.env.LOCALAPPDATA, 'litsynth') : undefined;
  if (process.platform === 'darwin') return join(home(), 'Library', 'Caches', 'litsynth');
  return join(process.env.XDG_CACHE_HOME || join(home(), '.cache'), 'litsynth');
}

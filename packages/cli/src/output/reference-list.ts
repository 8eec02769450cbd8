// What `litsynth bib` and `litsynth build` share when they make a study's reference list (the
// pure parts are the engine's).

/** Where rendered entries are cached between runs (see cache-dir.ts). */
export { referenceCacheDir } from './cache-dir.js';
export { citationUses, citedWithTheirNamesakes, coveredByTodo } from '@litsynth/engine';

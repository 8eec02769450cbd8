// What `litsynth bib` and `litsynth build` share when they make a study's reference list (the
// pure parts are the engine's).

export { citationUses, citedWithTheirNamesakes, coveredByTodo } from '@litsynth/engine';

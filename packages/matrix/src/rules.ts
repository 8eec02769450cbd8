import { rulesOf, type RuleDefinition } from '@litsynth/common';

/** The rule ids of the matrix and the discussion map (defined in the registry of @litsynth/common). */
export const matrixRules: RuleDefinition[] = rulesOf('matrix');

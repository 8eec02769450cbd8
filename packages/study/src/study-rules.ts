import { rulesOf, type RuleDefinition } from '@litsynth/common';

/** The rules of loading a study (defined in the registry of @litsynth/common). */
export const studyRules: RuleDefinition[] = rulesOf('study');

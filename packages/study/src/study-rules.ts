import type { RuleDefinition } from '@litsynth/common';

/** The rules of loading a study (ids are released names: never rename one). */
export const studyRules: RuleDefinition[] = [
  {
    id: 'duplicate-entry-id',
    name: { nb: 'To oppføringer med samme id', en: 'Two entries with one id' },
    severity: 'error',
    description: {
      nb: 'To oppføringer i studiens bibliografifiler og kildeposter har samme id; den første brukes.',
      en: "Two entries of the study's bibliography files and source records share an id; the first is used.",
    },
    example: 'natland2019 both in sources/references.yaml and in sources/natland2019.md',
  },
  {
    id: 'unknown-rule-setting',
    name: { nb: 'Innstilling for ukjent regel', en: 'Setting for an unknown rule' },
    severity: 'warning',
    description: {
      nb: 'study.yaml setter en regel som ikke finnes (trolig en skrivefeil); innstillingen virker ikke.',
      en: 'study.yaml sets a rule that does not exist (probably a typo); the setting has no effect.',
    },
    example: 'rules: { locator-from: off }',
  },
  {
    id: 'unknown-study-field',
    name: { nb: 'Ukjent felt i study.yaml', en: 'Unknown field in study.yaml' },
    severity: 'warning',
    description: {
      nb: 'study.yaml har et felt litsynth ikke kjenner (trolig en skrivefeil); det blir ikke brukt.',
      en: 'study.yaml has a field litsynth does not know (probably a typo); it is ignored.',
    },
    example: 'bibliograpy: [references.yaml]',
  },
];

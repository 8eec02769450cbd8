import { expect, it } from 'vitest';
import * as study from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(study).sort()).toEqual([
    'loadStudy',
    'norwegianStudyFields',
    'parseStudyConfig',
    'studyFileName',
    'studyRules',
    'unknownRuleSettings',
  ]);
});

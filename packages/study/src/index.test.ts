import { expect, it } from 'vitest';
import * as study from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(study).sort()).toEqual([
    'loadStudy',
    'norwegianStudyFields',
    'parseStudyConfig',
    'parseStudyYaml',
    'readStudyEntries',
    'readStudyFile',
    'readStudyRecords',
    'shownPath',
    'studyFileName',
    'studyRules',
    'studyTree',
    'unknownRuleSettings',
  ]);
});

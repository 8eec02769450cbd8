import { expect, it } from 'vitest';
import * as docxComments from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(docxComments).sort()).toEqual([
    'annotateDocx',
    'defaultZipLimits',
    'diagnosticsToComments',
  ]);
});

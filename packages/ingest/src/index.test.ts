import { expect, it } from 'vitest';
import * as ingest from './index.js';

it('exports exactly its public API', () => {
  expect(Object.keys(ingest).sort()).toEqual([
    'analyseTextLayout',
    'decideLineJoin',
    'detectLanguage',
    'detectManuscriptLanguage',
    'formatOfPath',
    'isAbbreviationPeriod',
    'isBackMatterHeading',
    'isReferenceListHeading',
    'isUnsupportedExtension',
    'levelOfNumber',
    'manuscriptFromBlocks',
    'manuscriptSizeLimit',
    'markdownToManuscript',
    'offsetAtPlace',
    'pageNumberOf',
    'parseReferenceEntry',
    'passageAt',
    'passageAtPlace',
    'readManuscriptBytes',
    'referenceListHeadings',
    'refuseUnsupportedFormat',
    'sentenceOfText',
    'splitHeadingNumber',
    'supportedManuscriptExtensions',
    'textToManuscript',
  ]);
});

import { expect, it } from 'vitest';
import * as tables from './index.js';

it('exports exactly its public API', () => {
  expect(Object.keys(tables).sort()).toEqual([
    'articleMatrixTable',
    'cellText',
    'createTable',
    'discussionMapTable',
    'discussionTables',
    'findingsMatrixTable',
    'gapsTable',
    'matrixToTable',
    'notStated',
    'notStatedNote',
    'renderTableFiles',
    'searchHistoryTable',
    'similaritiesTable',
    'tableRows',
    'tableToCsv',
    'tableToGfm',
    'tableToHastElement',
    'tableToHtml',
    'tableToHtmlSection',
    'tableToHtmlString',
    'tableToJson',
    'tableToJsonData',
    'tableToMarkdown',
    'tableToMdast',
    'tablesToHtml',
    'tablesToMarkdown',
  ]);
});

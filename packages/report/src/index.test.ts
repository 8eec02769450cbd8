import { expect, it } from 'vitest';
import * as report from './index.js';

it('exports exactly its documented API', () => {
  expect(Object.keys(report).sort()).toEqual([
    'citationContext',
    'citationOf',
    'manuscriptToReportBlocks',
    'matrixToHeatMap',
    'referenceListToReport',
    'renderReport',
    'reportLabels',
    'typedListToReport',
  ]);
});

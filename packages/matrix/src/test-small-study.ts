import type { Citation } from '@litsynth/citations';
import type { Block, Heading, Manuscript } from '@litsynth/ingest';
import type { MatrixCodingLink, MatrixConcept, MatrixRecord } from './types.js';

/** Two records, three concepts and a coding with one bad link each of two kinds. */
export const records: MatrixRecord[] = [
  {
    id: 'hansen2020',
    file: 'sources/hansen2020.md',
    entry: {
      id: 'hansen2020',
      item: {
        author: [{ family: 'Hansen' }, { family: 'Berg' }, { family: 'Dahl' }],
        issued: { 'date-parts': [[2020]] },
      },
    },
    findings: [
      {
        id: 'hansen2020-trust',
        line: 20,
        label: { nb: 'Tillit tar tid', en: 'Trust takes time' },
        statement: { nb: 'Tillit tar tid.', en: 'Trust takes time.' },
        page: '12',
      },
      {
        id: 'hansen2020-power',
        line: 26,
        statement: { nb: 'Makt skaper avstand.', en: 'Power creates distance.' },
      },
      {
        id: 'hansen2020-other',
        line: 31,
        label: { nb: 'Noe annet', en: 'Something else' },
        statement: { nb: 'Noe annet.', en: 'Something else.' },
      },
    ],
  },
  {
    id: 'lie2018',
    file: 'sources/lie2018.md',
    entry: {
      id: 'lie2018',
      item: { author: [{ family: 'Lie' }, { family: 'Øien' }], issued: { 'date-parts': [[2018]] } },
    },
    findings: [
      {
        id: 'lie2018-trust',
        line: 18,
        statement: { nb: 'Tillit bygges i møter.', en: 'Trust is built in meetings.' },
      },
    ],
  },
];

export const concepts: MatrixConcept[] = [
  {
    id: 'trust',
    label: { nb: 'Tillit', en: 'Trust' },
    terms: { nb: ['tillit'], en: ['trust'] },
    file: 'concepts.yaml',
    line: 3,
  },
  {
    id: 'power',
    label: { nb: 'Makt', en: 'Power' },
    terms: { nb: ['makt*'], en: ['power'] },
    file: 'concepts.yaml',
    line: 9,
  },
  {
    id: 'solidarity',
    label: { nb: 'Solidaritet', en: 'Solidarity' },
    terms: { nb: ['solidaritet'], en: ['solidarity'] },
    file: 'concepts.yaml',
    line: 15,
  },
];

export const coding: MatrixCodingLink[] = [
  {
    finding: 'lie2018-trust',
    concept: 'trust',
    relation: 'supports',
    file: 'coding.yaml',
    line: 2,
  },
  {
    finding: 'hansen2020-power',
    concept: 'power',
    relation: 'contradicts',
    file: 'coding.yaml',
    line: 5,
  },
  {
    finding: 'hansen2020-trust',
    concept: 'trust',
    relation: 'nuances',
    file: 'coding.yaml',
    line: 8,
  },
  {
    finding: 'hansen2020-trust',
    concept: 'power',
    relation: 'supports',
    file: 'coding.yaml',
    line: 11,
  },
  {
    finding: 'hansen2020-trust',
    concept: 'trust',
    relation: 'supports',
    file: 'coding.yaml',
    line: 14,
  },
  {
    finding: 'hansen2020-missing',
    concept: 'trust',
    relation: 'supports',
    file: 'coding.yaml',
    line: 17,
  },
  {
    finding: 'lie2018-trust',
    concept: 'hope',
    relation: 'supports',
    file: 'coding.yaml',
    line: 20,
  },
];

/**
 * A tiny manuscript built the way @litsynth/ingest reads a .txt: blocks separated by blank
 * lines, numbered headings; one line per block, so the line of a block is its index + 1 here.
 */
export function smallManuscript(blocksText: readonly string[]): Manuscript {
  let text = '';
  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const lineStarts: number[] = [];
  for (const blockText of blocksText) {
    if (text !== '') text += '\n\n';
    const start = text.length;
    lineStarts.push(start);
    text += blockText;
    const heading = /^(\d+(?:\.\d+)*)\s+(.*)$/.exec(blockText);
    if (heading) {
      const number = heading[1]!;
      headings.push({
        text: heading[2]!,
        number,
        level: number.endsWith('.0') ? 1 : number.split('.').length,
        start,
        end: text.length,
      });
      blocks.push({ kind: 'heading', start, end: text.length });
    } else {
      blocks.push({ kind: 'paragraph', start, end: text.length });
    }
  }
  const lineOf = (offset: number) => lineStarts.filter((start) => start <= offset).length;
  return {
    path: 'thesis.txt',
    format: 'txt',
    encoding: 'utf-8',
    notes: [],
    text,
    blocks,
    headings,
    referenceList: null,
    hasPages: false,
    locate: (offset) => ({
      line: lineOf(offset),
      column: offset - lineStarts[lineOf(offset) - 1]! + 1,
    }),
    sectionAt: (offset) => headings.filter((heading) => heading.start <= offset).at(-1),
  };
}

/** Finds "(Name …, year)" citations in the small manuscript: enough for these tests. */
export function smallCitations(text: string): Citation[] {
  const citations: Citation[] = [];
  for (const match of text.matchAll(
    /\((\p{Lu}[\p{L}-]+)(?: et al\.| & (\p{Lu}[\p{L}-]+))?, (\d{4})\)/gu,
  )) {
    citations.push({
      raw: match[0],
      start: match.index,
      end: match.index + match[0].length,
      form: 'parenthetical',
      authors: match[2] ? [match[1]!, match[2]] : [match[1]!],
      corporate: false,
      etAl: match[0].includes('et al.') ? 'et al.' : null,
      connector: match[2] ? '&' : null,
      year: match[3]!,
      notYear: null,
      locator: null,
      prefix: null,
      secondary: null,
      group: citations.length,
      yearOnly: false,
    });
  }
  return citations;
}

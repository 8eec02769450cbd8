import type { ElementContent } from 'hast';
import { parseCitations } from '@litsynth/citations';
import { textToManuscript } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import {
  manuscriptToReportBlocks,
  matrixToHeatMap,
  referenceListToReport,
  typedListToReport,
} from './report-data.js';

describe('manuscriptToReportBlocks', () => {
  it('gives each block its lines in the file as given and its citations with their places', () => {
    const text = [
      '1.0 Innledning',
      '',
      'Relasjonen er viktig for brukerne (Natland mfl., 2019). Tillit tar',
      'tid, skriver Lundberg og Syltevik (2013).',
      '',
      'Et avsnitt uten henvisninger.',
      '',
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'thesis.txt' });
    const citations = parseCitations(manuscript.text).map((citation) => {
      const place = manuscript.locate(citation.start);
      return { start: citation.start, end: citation.end, line: place.line, column: place.column };
    });
    const blocks = manuscriptToReportBlocks(manuscript, citations);
    expect(
      blocks.map((block) => ({
        kind: block.kind,
        lines: [block.line, block.endLine],
        citations: block.citations.map((mark) => [
          block.text.slice(mark.start, mark.end),
          mark.line,
          mark.column,
        ]),
      })),
    ).toEqual([
      { kind: 'heading', lines: [1, 1], citations: [] },
      {
        kind: 'paragraph',
        lines: [3, 4],
        citations: [
          ['Natland mfl., 2019', 3, 36],
          ['Lundberg og Syltevik (2013)', 4, 14],
        ],
      },
      { kind: 'paragraph', lines: [6, 6], citations: [] },
    ]);
    expect(blocks[1]?.text).toBe(
      'Relasjonen er viktig for brukerne (Natland mfl., 2019). Tillit tar tid, skriver Lundberg og Syltevik (2013).',
    );
  });
});

describe('matrixToHeatMap', () => {
  it('puts the findings behind each coded source × concept pair, with their pages', () => {
    const heatMap = matrixToHeatMap({
      records: [
        {
          id: 'natland2019',
          findings: [
            {
              id: 'natland2019-empati',
              label: { nb: 'Empati', en: 'Empathy' },
              statement: { nb: 'Empati gir trygghet.', en: 'Empathy gives safety.' },
              page: '4',
            },
            { id: 'natland2019-respekt', statement: { nb: 'Respekt.', en: 'Respect.' } },
          ],
        },
        { id: 'lundberg2013', findings: [] },
      ],
      labels: { natland2019: 'Natland mfl. (2019)' },
      concepts: [{ id: 'empathy', label: { nb: 'Empati', en: 'Empathy' } }],
      matrix: {
        sources: [
          {
            recordId: 'natland2019',
            cells: [
              { conceptId: 'empathy', findingIds: ['natland2019-empati', 'natland2019-respekt'] },
            ],
          },
        ],
      },
    });
    expect(heatMap).toEqual({
      sources: [
        { id: 'natland2019', label: 'Natland mfl. (2019)' },
        { id: 'lundberg2013', label: 'lundberg2013' },
      ],
      concepts: [{ id: 'empathy', label: { nb: 'Empati', en: 'Empathy' } }],
      cells: [
        {
          source: 'natland2019',
          concept: 'empathy',
          findings: [
            {
              id: 'natland2019-empati',
              label: { nb: 'Empati', en: 'Empathy' },
              statement: { nb: 'Empati gir trygghet.', en: 'Empathy gives safety.' },
              page: '4',
            },
            { id: 'natland2019-respekt', statement: { nb: 'Respekt.', en: 'Respect.' } },
          ],
        },
      ],
    });
  });
});

/** An entry tree: text, then an italic title. */
function italic(before: string, title: string): ElementContent[] {
  return [
    { type: 'text', value: before },
    { type: 'element', tagName: 'i', properties: {}, children: [{ type: 'text', value: title }] },
  ];
}

describe('referenceListToReport', () => {
  it('keeps the list order and adds each entry its verification', () => {
    expect(
      referenceListToReport(
        [
          {
            id: 'a2019',
            verification: {
              status: 'partly-verified',
              evidence: ['https://example.org'],
              notes: ['Year differs.'],
            },
          },
          { id: 'b2020' },
        ],
        [
          { id: 'b2020', text: 'B. (2020). *T*.', tree: italic('B. (2020). ', 'T') },
          { id: 'a2019', text: 'A. (2019). *S*.' },
        ],
      ),
    ).toEqual([
      {
        id: 'b2020',
        text: 'B. (2020). *T*.',
        tree: italic('B. (2020). ', 'T'),
        evidence: [],
        notes: [],
      },
      {
        id: 'a2019',
        text: 'A. (2019). *S*.',
        status: 'partly-verified',
        evidence: ['https://example.org'],
        notes: ['Year differs.'],
      },
    ]);
  });

  it('gives each entry the problems whose key is its id, and no problems field when it has none', () => {
    const missing = {
      rule: 'bib-missing-field' as const,
      severity: 'warning' as const,
      message: { nb: 'mangler forlag', en: 'lacks publisher' },
      file: 'refs.yaml',
      line: 7,
      column: 1,
      key: 'a2019',
    };
    const elsewhere = { ...missing, key: 'c2021', line: 20 };
    const references = referenceListToReport(
      [{ id: 'a2019' }, { id: 'b2020' }],
      [
        { id: 'a2019', text: 'A. (2019).' },
        { id: 'b2020', text: 'B. (2020).' },
      ],
      [missing, elsewhere],
    );
    expect(references).toEqual([
      {
        id: 'a2019',
        text: 'A. (2019).',
        evidence: [],
        notes: [],
        problems: [missing],
      },
      { id: 'b2020', text: 'B. (2020).', evidence: [], notes: [] },
    ]);
  });
});

describe('typedListToReport', () => {
  it("gives each entry of the thesis's list its line and how many citations resolved to it", () => {
    const text = [
      'Innledning',
      '',
      'Tekst (Berg, 2019) og (Berg, 2019, s. 3) og (Dahl, 2018).',
      '',
      'Litteraturliste',
      '',
      'Berg, A. (2019). Bok. Forlaget.',
      '',
      'Dahl, B. (2018). Bok. Forlaget.',
      '',
      'Eik, C. (2017). Bok. Forlaget.',
      '',
    ].join('\n');
    const manuscript = textToManuscript(text, { path: 'thesis.txt' });
    const citations = [
      { key: 'list-7', authors: ['Berg'], year: '2019' },
      { key: 'list-7', authors: ['Berg'], year: '2019' },
      // Resolved to a bibliography entry of the same work: counted by first author and year.
      { key: 'dahl2018', authors: ['Dahl'], year: '2018' },
      { key: null, authors: ['Eik'], year: '2016' },
    ];
    expect(typedListToReport(manuscript, citations)).toEqual({
      heading: 'Litteraturliste',
      line: 5,
      entries: [
        {
          line: 7,
          authors: ['Berg'],
          year: '2019',
          title: 'Bok',
          raw: 'Berg, A. (2019). Bok. Forlaget.',
          cited: 2,
        },
        {
          line: 9,
          authors: ['Dahl'],
          year: '2018',
          title: 'Bok',
          raw: 'Dahl, B. (2018). Bok. Forlaget.',
          cited: 1,
        },
        {
          line: 11,
          authors: ['Eik'],
          year: '2017',
          title: 'Bok',
          raw: 'Eik, C. (2017). Bok. Forlaget.',
          cited: 0,
        },
      ],
    });
    expect(
      typedListToReport(textToManuscript('Bare tekst.', { path: 'x.txt' }), citations),
    ).toBeUndefined();
  });
});

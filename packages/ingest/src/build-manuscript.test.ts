import { describe, expect, it } from 'vitest';
import { manuscriptFromBlocks } from './build-manuscript.js';

describe('manuscriptFromBlocks', () => {
  it('joins the lines of a block with one space and maps offsets back to line and column', () => {
    const manuscript = manuscriptFromBlocks({
      path: 'thesis.txt',
      format: 'txt',
      encoding: 'utf-8',
      blocks: [
        { kind: 'heading', spans: [{ text: '1.1 Bakgrunn', line: 1, column: 1 }] },
        {
          kind: 'paragraph',
          spans: [
            { text: '  arbeidet (Natland et al., ', line: 3, column: 1, page: 4 },
            { text: '2020). Anerkjennelses-', line: 4, column: 1, page: 4 },
            { text: 'praksis i Arbeids- ', line: 5, column: 1, page: 5 },
            { text: 'og velferdsdirektoratet.', line: 6, column: 1, page: 5 },
          ],
        },
      ],
    });
    expect(manuscript.text).toBe(
      '1.1 Bakgrunn\n\narbeidet (Natland et al., 2020). Anerkjennelsespraksis i Arbeids- og velferdsdirektoratet.',
    );
    expect(manuscript.headings).toEqual([
      { text: 'Bakgrunn', number: '1.1', level: 2, start: 0, end: 12 },
    ]);
    expect(manuscript.blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph']);
    expect(manuscript.locate(manuscript.text.indexOf('Natland'))).toEqual({
      line: 3,
      column: 13,
      page: 4,
    });
    expect(manuscript.locate(manuscript.text.indexOf('2020'))).toEqual({
      line: 4,
      column: 1,
      page: 4,
    });
    expect(manuscript.locate(manuscript.text.indexOf('praksis'))).toEqual({
      line: 5,
      column: 1,
      page: 5,
    });
    expect(manuscript.locate(manuscript.text.indexOf('og velferds'))).toEqual({
      line: 6,
      column: 1,
      page: 5,
    });
    expect(manuscript.sectionAt(manuscript.text.indexOf('praksis'))?.text).toBe('Bakgrunn');
    expect(manuscript.hasPages).toBe(true);
  });

  it('composes decomposed letters (NFD) and still points at the original columns', () => {
    const manuscript = manuscriptFromBlocks({
      path: 'thesis.txt',
      format: 'txt',
      encoding: 'utf-8',
      blocks: [
        {
          kind: 'paragraph',
          spans: [{ text: 'Ska\u030aland og  Røysum (2019)', line: 2, column: 1 }],
        },
      ],
    });
    expect(manuscript.text).toBe('Skåland og Røysum (2019)');
    expect(manuscript.locate(manuscript.text.indexOf('og'))).toEqual({ line: 2, column: 10 });
    expect(manuscript.locate(manuscript.text.indexOf('Røysum'))).toEqual({ line: 2, column: 14 });
  });

  it('trims no-break spaces at line ends but keeps them inside a line', () => {
    const manuscript = manuscriptFromBlocks({
      path: 'thesis.md',
      format: 'md',
      encoding: 'utf-8',
      blocks: [
        {
          kind: 'paragraph',
          spans: [
            { text: '\u00a0Relasjonen er\u00a0', line: 1, column: 1 },
            { text: 'sentral', line: 1, column: 16, join: 'inline' },
            { text: ' (Dalland, 2017, s.\u00a012).\u00a0', line: 1, column: 23, join: 'inline' },
          ],
        },
      ],
    });
    expect(manuscript.text).toBe('Relasjonen er sentral (Dalland, 2017, s.\u00a012).');
    expect(manuscript.locate(0)).toEqual({ line: 1, column: 2 });
    expect(manuscript.locate(manuscript.text.indexOf('sentral'))).toEqual({ line: 1, column: 16 });
    expect(manuscript.locate(manuscript.text.indexOf('12'))).toEqual({ line: 1, column: 43 });
  });
});

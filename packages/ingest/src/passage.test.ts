import { describe, expect, it } from 'vitest';
import { manuscriptFromBlocks } from './build-manuscript.js';
import {
  offsetAtPlace,
  passageAt,
  passageAtPlace,
  sentenceAround,
  sentenceOfText,
} from './passage.js';
import type { Manuscript, SourceBlock } from './types.js';

/** A Word-like manuscript: one block per paragraph, line = paragraph number, pages given. */
function wordDocument(paragraphs: Array<[SourceBlock['kind'], string, number?]>): Manuscript {
  return manuscriptFromBlocks({
    path: 'oppgave.docx',
    format: 'docx',
    encoding: 'binary',
    blocks: paragraphs.map(([kind, text, page], index) => ({
      kind,
      spans: [{ text, line: index + 1, column: 1, ...(page === undefined ? {} : { page }) }],
    })),
  });
}

/** The passage of the first occurrence of `cited` in the manuscript. */
function passageOf(manuscript: Manuscript, cited: string, maxLength?: number) {
  const start = manuscript.text.indexOf(cited);
  return passageAt(
    manuscript,
    start,
    start + cited.length,
    maxLength === undefined ? {} : { maxLength },
  );
}

/** The passage with its mark shown in brackets, for whole-value assertions. */
function marked(passage: ReturnType<typeof passageAt>): string {
  const { text, mark } = passage;
  return `${text.slice(0, mark.start)}[${text.slice(mark.start, mark.end)}]${text.slice(mark.end)}`;
}

const document = wordDocument([
  ['heading', '2 Teori'],
  ['heading', '2.1 Metode'],
  [
    'paragraph',
    'Dette er første setning. Relasjonen er viktig for brukeren (Natland et al., 2019, s. 12). ' +
      'Ifølge Skau (2013) er tillit noe en gjør seg fortjent til, jf. bl.a. Eide og Eide (2017). ' +
      'A. Berg mener det samme (Berg, 2020)! Siste setning uten kilde.',
    4,
  ],
  ['block-quote', '«Tillit er ikke noe en får.» (Skau, 2013, s. 44)', 5],
]);

describe('passageAt', () => {
  it('quotes the sentence a citation is in, the citation marked, and gives paragraph, page and heading', () => {
    expect(passageOf(document, 'Natland et al., 2019, s. 12')).toEqual({
      text: 'Relasjonen er viktig for brukeren (Natland et al., 2019, s. 12).',
      mark: { start: 35, end: 62 },
      place: { line: 3, column: 61, page: 4, heading: '2.1 Metode' },
    });
  });

  it('does not end a sentence at an abbreviation, an initial or a period inside brackets', () => {
    expect(marked(passageOf(document, 'Eide og Eide (2017)'))).toBe(
      'Ifølge Skau (2013) er tillit noe en gjør seg fortjent til, jf. bl.a. [Eide og Eide (2017)].',
    );
    expect(marked(passageOf(document, 'Berg, 2020'))).toBe(
      'A. Berg mener det samme ([Berg, 2020])!',
    );
  });

  it('stays inside its paragraph: a block quotation is its own passage', () => {
    expect(marked(passageOf(document, 'Skau, 2013, s. 44'))).toBe(
      '«Tillit er ikke noe en får.» ([Skau, 2013, s. 44])',
    );
    expect(passageOf(document, 'Skau, 2013, s. 44').place).toEqual({
      line: 4,
      column: 31,
      page: 5,
      heading: '2.1 Metode',
    });
  });

  it('shortens a long sentence around the citation at word boundaries, with "…"', () => {
    const long = wordDocument([
      [
        'paragraph',
        `Innledning. ${'Mange ord står her før kilden, '.repeat(6)}slik det er vist (Natland et al., 2019) ${'og mange ord kommer etter den også, '.repeat(6)}til slutt. Neste setning.`,
      ],
    ]);
    const passage = passageOf(long, 'Natland et al., 2019', 80);
    expect(marked(passage)).toBe(
      '… her før kilden, slik det er vist ([Natland et al., 2019]) og mange ord kommer …',
    );
    expect(passage.text.length).toBeLessThanOrEqual(80 + 4);
  });

  it('gives a PDF passage its page, and no heading where there is none', () => {
    const pdf = manuscriptFromBlocks({
      path: 'oppgave.pdf',
      format: 'pdf',
      encoding: 'binary',
      blocks: [
        {
          kind: 'paragraph',
          spans: [
            { text: 'Relasjonen mellom veileder og bruker', line: 40, column: 1, page: 12 },
            { text: 'er viktig (Natland et al., 2019). Neste.', line: 41, column: 1, page: 12 },
          ],
        },
      ],
    });
    expect(passageOf(pdf, 'Natland et al., 2019')).toEqual({
      text: 'Relasjonen mellom veileder og bruker er viktig (Natland et al., 2019).',
      mark: { start: 48, end: 68 },
      place: { line: 41, column: 12, page: 12 },
    });
  });
});

describe('passageAt between blocks', () => {
  it('quotes the block after a blank line, never the whole text', () => {
    const between = document.text.indexOf('\n\n«') + 1;
    expect(passageAt(document, between).text).toBe(
      '«Tillit er ikke noe en får.» (Skau, 2013, s. 44)',
    );
    expect(passageAt(document, document.text.length).text).toBe(
      '«Tillit er ikke noe en får.» (Skau, 2013, s. 44)',
    );
  });
});

describe('offsetAtPlace', () => {
  it('finds the offset of a line and column again, also on a later line of a block', () => {
    const pdf = manuscriptFromBlocks({
      path: 'oppgave.pdf',
      format: 'pdf',
      encoding: 'binary',
      blocks: [
        { kind: 'heading', spans: [{ text: '1 Innledning', line: 1, column: 1, page: 1 }] },
        {
          kind: 'paragraph',
          spans: [
            { text: 'Første linje av avsnittet', line: 2, column: 1, page: 1 },
            { text: 'andre linje (Berg, 2020).', line: 3, column: 1, page: 2 },
          ],
        },
      ],
    });
    for (const cited of ['Berg, 2020', 'Første', 'Innledning']) {
      const offset = pdf.text.indexOf(cited);
      const { line, column } = pdf.locate(offset);
      expect(offsetAtPlace(pdf, line, column)).toBe(offset);
    }
    expect(offsetAtPlace(pdf, 99, 1)).toBeUndefined();
  });
});

describe('passageAtPlace', () => {
  it('finds the passage of a place and marks the text it is about', () => {
    const start = document.text.indexOf('Berg, 2020');
    const { line, column } = document.locate(start);
    const passage = passageAtPlace(document, { line, column, raw: 'Berg, 2020' });
    expect(passage && marked(passage)).toBe('A. Berg mener det samme ([Berg, 2020])!');
    expect(passageAtPlace(document, { line: 40, column: 1, raw: 'Berg, 2020' })).toBeUndefined();
  });
});

describe('sentenceOfText', () => {
  it("quotes the sentence of a paragraph's text as passageAt does", () => {
    const text = 'Første. Relasjonen er viktig (Berg, 2020, s. 3). Siste.';
    const start = text.indexOf('Berg');
    expect(sentenceOfText(text, start, start + 16)).toEqual({
      text: 'Relasjonen er viktig (Berg, 2020, s. 3).',
      mark: { start: 22, end: 38 },
    });
  });
});

describe('sentenceAround', () => {
  it('runs from the end of the sentence before to the end of its own', () => {
    const text = 'Én. To (Berg, 2020, s. 3). Tre?';
    const from = text.indexOf('Berg');
    expect(sentenceAround(text, 0, text.length, from, from + 16)).toEqual({ start: 4, end: 26 });
  });
});

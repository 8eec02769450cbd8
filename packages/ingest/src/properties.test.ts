import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manuscriptFromBlocks } from './build-manuscript.js';
import { markdownToManuscript } from './markdown-to-manuscript.js';
import { normaliseSpan } from './normalise-span.js';
import { textToManuscript } from './text-to-manuscript.js';
import type { Manuscript } from './types.js';

// Pieces of real theses (and of what goes wrong in them) to build documents from.
const token = fc.constantFrom(
  'Relasjonen',
  'er',
  'viktig',
  'Ska\u030aland',
  'Røysum',
  'møte',
  '(Natland et al.,',
  '2020).',
  'Anerkjennelses-',
  'praksis',
  'Arbeids-',
  'og',
  'velferdsdirektoratet',
  'helse, -',
  '«Det',
  'er»',
  '1.1',
  'Bakgrunn',
  '27',
  'Kandidatnummer: 3093',
  '-',
  '•',
  's.\u00a012',
  'e\u0301\u0301',
  'So\u00adsial',
  '\t',
  'Litteraturliste',
  'Dalland, O. (2017). Metode.',
  // Footnotes a text export put after the reference list, and their markers in the text.
  '[1]',
  '[2] Se',
  '1 Studien',
  'tid.1',
  '-----',
);
const separator = fc.constantFrom(
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n',
  '\r\n',
  '\n\n',
  '\n \n',
  '\n\n\n',
  '\f',
  '\r',
  '\n    ',
);
const thesisText = fc
  .array(fc.tuple(token, separator), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

/** Lines of the input as `locate` counts them (LF, CRLF, CR; form feeds stay in their line). */
function inputLines(input: string): string[] {
  return input.split(/\r\n|\r|\n/u);
}

/** Checks that every offset lies inside the input and that characters point at themselves. */
function checkPlaces(manuscript: Manuscript, input: string): void {
  const lines = inputLines(input);
  for (let offset = 0; offset <= manuscript.text.length; offset++) {
    const place = manuscript.locate(offset);
    const line = lines[place.line - 1];
    expect(line).toBeDefined();
    expect(place.column).toBeGreaterThanOrEqual(1);
    expect(place.column).toBeLessThanOrEqual((line ?? '').length + 1);
    const char = manuscript.text[offset];
    if (char === undefined || /\s/u.test(char)) continue;
    // Compare composed characters: NFC may have joined a letter and its combining marks.
    const run = /\P{M}\p{M}*|\p{M}/uy;
    run.lastIndex = place.column - 1;
    expect(run.exec(line ?? '')?.[0].normalize('NFC')[0]).toBe(char);
  }
}

describe('ingest properties', () => {
  it('never throws on any string, as text or Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (input) => {
        const text = textToManuscript(input, { path: 'x.txt' });
        const markdown = await markdownToManuscript(input, { path: 'x.md' });
        for (const manuscript of [text, markdown]) {
          expect(manuscript.text).toBe(manuscript.text.normalize('NFC'));
          manuscript.locate(0);
          manuscript.locate(manuscript.text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('locates every offset of plain text inside the input, at the same character', () => {
    fc.assert(
      fc.property(thesisText, (input) => {
        checkPlaces(textToManuscript(input, { path: 'x.txt' }), input);
      }),
      { numRuns: 300 },
    );
  });

  it('locates every offset of Markdown inside the input, at the same character', async () => {
    const markdownText = fc
      .array(fc.tuple(fc.constantFrom('', '# ', '> ', '- ', '*', '**', '\\*', '1. '), thesisText), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.map(([mark, text]) => mark + text).join('\n\n'));
    await fc.assert(
      fc.asyncProperty(markdownText, async (input) => {
        checkPlaces(await markdownToManuscript(input, { path: 'x.md' }), input);
      }),
      { numRuns: 200 },
    );
  });

  it('changes nothing when normalising normalised text again', () => {
    fc.assert(
      fc.property(thesisText, (input) => {
        const once = textToManuscript(input, { path: 'x.txt' });
        for (const block of once.blocks) {
          const text = once.text.slice(block.start, block.end);
          expect(
            normaliseSpan(text)
              .map((piece) => piece.text)
              .join(''),
          ).toBe(text);
        }
        const again = manuscriptFromBlocks({
          path: 'x.txt',
          format: 'txt',
          encoding: 'utf-8',
          blocks: once.blocks.map((block) => ({
            kind: block.kind,
            spans: [{ text: once.text.slice(block.start, block.end), line: 1, column: 1 }],
          })),
        });
        expect(again.text).toBe(once.text);
        expect(again.blocks).toEqual(once.blocks);
      }),
      { numRuns: 300 },
    );
  });
});

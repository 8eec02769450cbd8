import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notAuthorWords } from './lexicon.js';
import { parseCitations } from './parse-citations.js';

// Pieces that steer generated text into the parser's interesting paths: parentheses, years,
// locators, connectors, markers and names with Norwegian letters.
const fragments = [
  '(',
  ')',
  ';',
  ',',
  ' ',
  '\n',
  '\n\n',
  '2019',
  '2019a',
  '1859/1998',
  'u.å.',
  'n.d.',
  '&',
  ' og ',
  ' and ',
  'et al.',
  'mfl.',
  's.',
  's. 12',
  's.31-33',
  'pp. 4–5',
  '§ 11-7',
  'gjengitt i ',
  'as cited in ',
  'se også ',
  'e.g., ',
  'Eide',
  'Ødegård',
  'Riis-Johansen',
  'van der Berg',
  'Arbeids- og velferdsdirektoratet',
  'arbeids-, og ',
  '[WHO]',
  'SNL',
  'Honneths',
  'teori',
  '«',
  '»',
  'Meld. St. 26 ',
  '2014–2015',
  'NOU 2019: 2',
  ' sin bok ',
  'Van ',
  '«',
  '. ',
  ':',
  'kap. 4.2',
  'ibid., ',
  'samme sted',
  '(s. 69)',
  ' Tabell C.4',
  '2015-2016',
  '2006- 2007',
  'Finansdepartementet',
  'De Dreu',
  'deCharms',
  'Galiano‐Castillo',
  'El‑Masri',
  '"Hva finnes?," ',
  ' for helse og omsorg ',
  'komité',
  'og kollegaer',
  'May',
  '\u0301',
  '😀',
  '\uD800',
];
const manuscriptLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...fragments),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

function checkInvariants(text: string): void {
  const citations = parseCitations(text);
  let previousEnd = 0;
  let previousGroup = -1;
  for (const citation of citations) {
    expect(citation.start).toBeGreaterThanOrEqual(0);
    expect(citation.end).toBeLessThanOrEqual(text.length);
    expect(citation.start).toBeLessThan(citation.end);
    expect(citation.raw).toBe(text.slice(citation.start, citation.end));
    // Sorted and non-overlapping.
    expect(citation.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = citation.end;
    // Groups are numbered in order of appearance.
    expect(citation.group === previousGroup || citation.group === previousGroup + 1).toBe(true);
    previousGroup = citation.group;
    if (citation.locator !== null) {
      const { locator } = citation;
      expect(text.slice(locator.start, locator.start + locator.raw.length)).toBe(locator.raw);
      expect(locator.start).toBeGreaterThanOrEqual(citation.start);
      expect(locator.start + locator.raw.length).toBeLessThanOrEqual(citation.end);
    }
  }
}

describe('parseCitations on any input', () => {
  it('never throws on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(() => parseCitations(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('reports positions inside the input whose slice is the raw text, sorted and non-overlapping', () => {
    fc.assert(
      fc.property(manuscriptLike, (text) => checkInvariants(text)),
      { numRuns: 2000 },
    );
  });

  it('keeps the invariants on lone and unbalanced parentheses', () => {
    for (const text of [
      '(',
      ')',
      '((',
      '))',
      '(Eide & Eide, 2016',
      'Eide & Eide, 2016)',
      ')(2019)(',
      '(2019))',
      '((Eide, 2016))',
    ]) {
      checkInvariants(text);
    }
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(manuscriptLike, (text) => {
        expect(parseCitations(text)).toEqual(parseCitations(text));
      }),
      { numRuns: 200 },
    );
  });

  it('finds a generated citation in generated prose, parenthetical and narrative', () => {
    // Names from syllables (Norwegian letters included), so that none is a sentence word or a place.
    const syllable = fc.constantFrom(
      'ka',
      'lo',
      'be',
      'ni',
      'ru',
      'sø',
      'må',
      'de',
      'vik',
      'tan',
      'æl',
      'gård',
      'hei',
      'mo',
    );
    const name = fc
      .array(syllable, { minLength: 2, maxLength: 4 })
      .map((parts) => parts.join(''))
      .map((word) => word[0]?.toUpperCase() + word.slice(1))
      .filter((word) => !notAuthorWords.has(word.toLowerCase()));
    const prose = fc
      .array(
        fc.constantFrom(
          'bruker',
          'og',
          'relasjon',
          'i',
          'møte',
          'med',
          'tillit',
          'det',
          'er',
          'viktig',
        ),
        { maxLength: 12 },
      )
      .map((words) => words.join(' '));
    const year = fc.integer({ min: 1900, max: 2029 }).map(String);
    const page = fc.integer({ min: 1, max: 999 }).map(String);
    fc.assert(
      fc.property(
        prose,
        name,
        name,
        year,
        page,
        prose,
        (before, first, second, published, at, after) => {
          const text = `${before} (${first} & ${second}, ${published}, s. ${at}). ${after}`;
          expect(
            parseCitations(text).map(({ authors, year: y, locator, form }) => ({
              authors,
              year: y,
              page: locator?.value,
              form,
            })),
          ).toEqual([
            { authors: [first, second], year: published, page: at, form: 'parenthetical' },
          ]);
          // Works listed with commas instead of semicolons, without a comma before the year.
          const listed = `${before} (${first} ${published}, ${second} ${published}). ${after}`;
          expect(
            parseCitations(listed).map(({ authors, year: y }) => ({ authors, year: y })),
          ).toEqual([
            { authors: [first], year: published },
            { authors: [second], year: published },
          ]);
          // "ibid." with a page refers back; so does a page alone after a citation in the paragraph.
          const ibid = `${before} (${first}, ${published}). ${after} (ibid., s. ${at}). ${first} (${published}) skriver «${after} ${before}» (s. ${at}).`;
          expect(
            parseCitations(ibid).map(({ authors, year: y, locator, ibid: back, locatorOnly }) => ({
              authors,
              year: y,
              page: locator?.value,
              back: back ?? locatorOnly ?? false,
            })),
          ).toEqual([
            { authors: [first], year: published, page: undefined, back: false },
            { authors: [], year: null, page: at, back: true },
            { authors: [first], year: published, page: undefined, back: false },
            { authors: [], year: null, page: at, back: true },
          ]);
          const narrative = `${before} ${first} (${published}) viser ${after}`;
          expect(
            parseCitations(narrative).map(({ authors, year: y, form }) => ({
              authors,
              year: y,
              form,
            })),
          ).toEqual([{ authors: [first], year: published, form: 'narrative' }]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

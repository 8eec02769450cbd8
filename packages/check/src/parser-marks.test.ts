// Citations the parser marks for resolution: back-references (ibid., a page alone) and undone genitives.
import { loadBibliographyText } from '@litsynth/bibliography';
import { textToManuscript } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { checkManuscript } from './check-manuscript.js';

const bibliography = `
- id: skau2013
  type: book
  author: [{family: Skau, given: Greta Marie}]
  title: Mellom makt og hjelp
  issued: {date-parts: [[2013]]}
`;

async function check(text: string) {
  const manuscript = textToManuscript(text, { path: 'thesis.txt' });
  const { entries } = await loadBibliographyText(bibliography, 'references.yaml', '.yaml');
  const result = checkManuscript({ manuscript, entries });
  return {
    citations: result.citations.map(({ raw, authors, key, locator }) => ({
      raw,
      authors,
      key,
      locator,
    })),
    // The manuscript has no list of its own; only the rules about its citations matter here.
    rules: result.diagnostics
      .filter(
        (diagnostic) =>
          diagnostic.rule !== 'no-reference-list' && diagnostic.rule !== 'uncited-entry',
      )
      .map((diagnostic) => `${diagnostic.rule} ${diagnostic.raw ?? ''}`),
  };
}

describe('citations that refer back to the work cited before', () => {
  it('gives "ibid." and a page alone the work before them, and checks no names or year in them', async () => {
    const text =
      'Skau (2013) skriver at «makt er alltid til stede i en hjelperelasjon» (s. 69). Hjelperen må se sin egen makt (ibid., s. 70).\n';
    expect(await check(text)).toEqual({
      citations: [
        { raw: 'Skau (2013)', authors: ['Skau'], key: 'skau2013', locator: null },
        { raw: 's. 69', authors: ['Skau'], key: 'skau2013', locator: 's. 69' },
        { raw: 'ibid., s. 70', authors: ['Skau'], key: 'skau2013', locator: 's. 70' },
      ],
      // The quotation has its page in "(s. 69)": no quotation-without-page, no missing author or year.
      rules: [],
    });
  });

  it('leaves "ibid." with no citation before it unresolved and silent', async () => {
    expect(await check('Makt er alltid til stede (ibid.).\n')).toEqual({
      citations: [{ raw: 'ibid.', authors: [], key: null, locator: null }],
      rules: [],
    });
  });
});

describe('a name ending in -s that the parser read as a genitive', () => {
  it('resolves to the entry with the name as written when that is the closer one', async () => {
    const manuscript = textToManuscript(
      'Analysen fulgte Hayes (2013) modell for mediering, og Honneths (2008) teori.\n',
      { path: 'thesis.txt' },
    );
    const { entries } = await loadBibliographyText(
      `
- id: hayes2013
  type: book
  author: [{family: Hayes, given: Andrew F.}]
  title: Introduction to mediation, moderation, and conditional process analysis
  issued: {date-parts: [[2013]]}
- id: honneth2008
  type: book
  author: [{family: Honneth, given: Axel}]
  title: Kamp om anerkjennelse
  issued: {date-parts: [[2008]]}
`,
      'references.yaml',
      '.yaml',
    );
    const result = checkManuscript({ manuscript, entries });
    expect(result.citations.map(({ authors, key, match }) => ({ authors, key, match }))).toEqual([
      { authors: ['Hayes'], key: 'hayes2013', match: 'exact' },
      { authors: ['Honneth'], key: 'honneth2008', match: 'exact' },
    ]);
    expect(
      result.diagnostics.filter((diagnostic) => diagnostic.rule === 'author-misspelled'),
    ).toEqual([]);
  });
});

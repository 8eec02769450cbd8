import { textToManuscript } from '@litsynth/ingest';
import { describe, expect, it } from 'vitest';
import { findAuthorsWithoutYear } from './authors-without-year.js';
import type { Reference } from './types.js';

const reference = (key: string, names: string[], year: string): Reference => ({
  key,
  names,
  abbreviations: [],
  publisher: undefined,
  year,
  origin: 'bibliography',
  file: 'references.yaml',
  line: 1,
  included: false,
});

const references = [
  reference('natland2019', ['Natland', 'Bjerke', 'Torstensen'], '2019'),
  reference('avdir2015', ['Arbeids- og velferdsdirektoratet'], '2015'),
  reference('avdir2017', ['Arbeids- og velferdsdirektoratet'], '2017'),
  reference('honneth2008', ['Honneth'], '2008'),
];

/** The names found in a text of one paragraph per line, with no citations in it but those given. */
function found(text: string, dated: Array<{ at: string; firstAuthor: string }> = []): string[] {
  const manuscript = textToManuscript(text, { path: 'thesis.txt' });
  const citations = dated.map(({ at, firstAuthor }) => ({
    start: manuscript.text.indexOf(at),
    firstAuthor,
  }));
  const skip = citations.map(({ start }, index) => ({
    start,
    end: start + (dated[index]?.at.length ?? 0),
  }));
  return findAuthorsWithoutYear({ manuscript, references, dated: citations, skip }).map(
    (mention) =>
      `${manuscript.text.slice(mention.start, mention.end)} → ${mention.references.map((item) => item.key).join(', ')}`,
  );
}

describe('findAuthorsWithoutYear', () => {
  it('finds names after "ifølge" and "skrevet av" (also misspelt, with given names) and before a verb of reporting', () => {
    expect(
      found(
        'Artikkelen er skrevet av Natlands Sidsel, Bjerke Erik og Torstenssen Tom; den handler om hjelp.\n\nAnsatte vil ifølge Arbeids- og velferdsdirektoratet merke endringer.\n\nHonneth mener at anerkjennelse er grunnleggende.\n',
      ),
    ).toEqual([
      'Natlands Sidsel, Bjerke Erik og Torstenssen Tom → natland2019',
      'Arbeids- og velferdsdirektoratet → avdir2015, avdir2017',
      'Honneth → honneth2008',
    ]);
  });

  it('leaves a name alone when a dated citation of the author stands just before, or the year follows the name', () => {
    const text =
      'Anerkjennelse er sentralt (Honneth, 2008). Honneth mener at den er grunnleggende.\n\nIfølge Natland et al. (2019) er tillit viktig.\n';
    expect(
      found(text, [
        { at: 'Honneth, 2008', firstAuthor: 'Honneth' },
        { at: 'Natland et al. (2019)', firstAuthor: 'Natland' },
      ]),
    ).toEqual([]);
  });

  it('still wants the year when the dated citation is three sentences back, or follows "ifølge X" in the same sentence', () => {
    const text =
      'Anerkjennelse er sentralt (Honneth, 2008). Den gir selvtillit. Den gir selvaktelse. Honneth mener at den er grunnleggende.\n\nIfølge Arbeids- og velferdsdirektoratet blir det bedre (Arbeids- og velferdsdirektoratet, 2017).\n';
    expect(
      found(text, [
        { at: 'Honneth, 2008', firstAuthor: 'Honneth' },
        {
          at: 'Arbeids- og velferdsdirektoratet, 2017',
          firstAuthor: 'Arbeids- og velferdsdirektoratet',
        },
      ]),
    ).toEqual(['Honneth → honneth2008', 'Arbeids- og velferdsdirektoratet → avdir2015, avdir2017']);
  });
});
